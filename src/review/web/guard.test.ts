import { describe, expect, it } from 'vitest'
import { checkRequest, type RequestHead } from './guard.js'

const server = { token: 'Zm9vYmFyYmF6cXV4cXV1eA', port: 40123 }
const host = '127.0.0.1:40123'
const get = (url: string, headers: RequestHead['headers'] = { host }): RequestHead => ({ method: 'GET', url, headers })
const post = (headers: RequestHead['headers']): RequestHead => ({
  method: 'POST',
  url: `/${server.token}/api/action`,
  headers: { host, 'content-type': 'application/json', ...headers },
})

describe('checkRequest: who may use the review server', () => {
  it('answers the page and the API under the token, on its loopback names', () => {
    expect(checkRequest(get(`/${server.token}/`), server)).toEqual({ ok: true, path: '' })
    expect(checkRequest(get(`/${server.token}/api/state?x=1`, { host: 'localhost:40123' }), server)).toEqual({ ok: true, path: 'api/state' })
    expect(checkRequest(post({ origin: `http://${host}`, 'sec-fetch-site': 'same-origin' }), server)).toEqual({ ok: true, path: 'api/action' })
  })

  it('refuses a request without the token, with another token, or with the token elsewhere than the path', () => {
    for (const url of ['/', '/api/state', `/${server.token.slice(1)}/`, `/${server.token}x/`, `/?token=${server.token}`, `/x/${server.token}/`]) {
      expect(checkRequest(get(url), server), url).toMatchObject({ ok: false, status: 403 })
    }
  })

  it('refuses another Host header (DNS rebinding), a missing one, and another port', () => {
    for (const other of ['evil.example:40123', '127.0.0.1:40124', '127.0.0.1', '0.0.0.0:40123', '']) {
      expect(checkRequest(get(`/${server.token}/`, { host: other }), server), other).toMatchObject({ ok: false, status: 403 })
    }
    expect(checkRequest(get(`/${server.token}/`, {}), server)).toMatchObject({ ok: false, status: 403 })
  })

  it('refuses a cross-site POST: another Origin, none, a cross-site fetch, or not JSON', () => {
    expect(checkRequest(post({ origin: 'http://evil.example' }), server)).toMatchObject({ ok: false, status: 403 })
    expect(checkRequest(post({ origin: 'http://localhost:40123' }), server)).toMatchObject({ ok: false, status: 403 })
    expect(checkRequest(post({}), server)).toMatchObject({ ok: false, status: 403 })
    expect(checkRequest(post({ origin: `http://${host}`, 'sec-fetch-site': 'cross-site' }), server)).toMatchObject({ ok: false, status: 403 })
    expect(checkRequest(post({ origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' }), server)).toMatchObject({
      ok: false,
      status: 415,
    })
  })

  it('refuses other methods', () => {
    expect(checkRequest({ method: 'PUT', url: `/${server.token}/api/action`, headers: { host } }, server)).toMatchObject({ ok: false, status: 405 })
  })
})

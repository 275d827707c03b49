import { timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

// Who may talk to the review server. It listens on 127.0.0.1 only, but any page the reviewer has open in
// the same browser can send requests to 127.0.0.1, and a DNS-rebinding site can even read the answers.
// So every request must carry the random token of this run in its path, name this server in its Host
// header (a rebound name does not), and a POST must come from the page itself (its Origin), as JSON.
// Hand-written because it is the whole of the server's policy: a framework would add nothing here.

export interface ServerIdentity {
  token: string
  port: number
}

export interface RequestHead {
  method?: string
  url?: string
  headers: IncomingHttpHeaders
}

export type Verdict = { ok: true; path: string } | { ok: false; status: number; reason: string }

/** The names this server answers to: only loopback names, never a name a stranger's DNS could point here. */
export const hostsOf = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Whether to answer a request, and the path it asks for below the token (`''` for the page, `api/…`).
 * Refused: another Host, a path without this run's token, a method other than GET, HEAD and POST, and a
 * POST whose Origin is not this server, that a browser marks as cross-site, or that is not JSON (a plain
 * HTML form elsewhere cannot send one).
 */
export function checkRequest(request: RequestHead, server: ServerIdentity): Verdict {
  const host = (request.headers.host ?? '').toLowerCase()
  if (!hostsOf(server.port).includes(host)) return { ok: false, status: 403, reason: 'wrong Host header' }
  const url = request.url ?? ''
  const match = /^\/([^/?#]*)(?:\/([^?#]*))?(?:\?.*)?$/s.exec(url)
  if (!match || !sameToken(decodeURIComponentSafe(match[1] ?? ''), server.token)) return { ok: false, status: 403, reason: 'no valid token in the address' }
  const method = request.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') return { ok: true, path: match[2] ?? '' }
  if (method !== 'POST') return { ok: false, status: 405, reason: 'method not allowed' }
  if (request.headers.origin !== `http://${host}`) return { ok: false, status: 403, reason: 'cross-site request (Origin is not this server)' }
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return { ok: false, status: 403, reason: 'cross-site request (Sec-Fetch-Site)' }
  if (!/^application\/json(;|$)/i.test(request.headers['content-type'] ?? '')) return { ok: false, status: 415, reason: 'a POST must be JSON' }
  return { ok: true, path: match[2] ?? '' }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return ''
  }
}

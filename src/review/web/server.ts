import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, ConfigErrors } from '../../model/errors.js'
import { checkRequest } from './guard.js'
import { renderPage } from './page.js'
import { parseAction, type WebReview } from './state.js'

// The review server: Node's http module, one page, its script and stylesheet, and a small JSON API. It
// listens on the loopback address only; who may use it is decided by guard.ts.

/** The only address the server listens on: never every interface, never a name DNS resolves. */
export const LOOPBACK = '127.0.0.1'

// The page's script and stylesheet, beside this module's source (the same depth from dist/ and src/).
const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/review/web/assets')
const asset = (name: string): Buffer => readFileSync(path.join(ASSETS, name))

const MAX_BODY = 64 * 1024

// Only what the page itself serves: no CDN, no inline script, no frame, no form sent elsewhere.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
}

export interface ReviewServer {
  /** The page's address, token included. */
  url: string
  address: AddressInfo
  close(): Promise<void>
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) })
  response.end(body)
}
const sendJson = (response: ServerResponse, status: number, body: unknown): void =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body))

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        resolve(undefined)
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

async function handle(review: WebReview, request: IncomingMessage, response: ServerResponse, where: string): Promise<void> {
  if (request.method === 'POST') {
    if (where !== 'api/action') return sendJson(response, 404, { error: 'not found' })
    const text = await readBody(request)
    if (text === undefined) return sendJson(response, 413, { error: 'request too large' })
    let parsed: ReturnType<typeof parseAction>
    try {
      parsed = parseAction(JSON.parse(text))
    } catch {
      parsed = undefined
    }
    if (!parsed) return sendJson(response, 400, { error: 'not an action' })
    const result = await review.act(parsed.action, parsed.version)
    return sendJson(response, result.status, result.body)
  }
  if (where === '') return send(response, 200, 'text/html; charset=utf-8', renderPage(await review.view()))
  if (where === 'review.js') return send(response, 200, 'text/javascript; charset=utf-8', asset('review.js'))
  if (where === 'review.css') return send(response, 200, 'text/css; charset=utf-8', asset('review.css'))
  if (where === 'api/state') return sendJson(response, 200, await review.currentState())
  return sendJson(response, 404, { error: 'not found' })
}

/** A one-line reason for a request that failed on our side (a record broken by hand, a disk full). */
function describe(error: unknown): string {
  if (error instanceof ConfigErrors) return error.errors.map((each) => each.format()).join('; ')
  if (error instanceof ConfigError) return error.format()
  return error instanceof Error ? error.message : String(error)
}

/** Starts the server on 127.0.0.1 at `port` (0: a free one) with a new random token. */
export function startReviewServer(review: WebReview, options: { port?: number; token?: string } = {}): Promise<ReviewServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const server = http.createServer((request, response) => {
    const address = server.address() as AddressInfo
    const verdict = checkRequest(request, { token, port: address.port })
    if (!verdict.ok) {
      request.resume()
      return send(response, verdict.status, 'text/plain; charset=utf-8', `Refused: ${verdict.reason}.\n`)
    }
    handle(review, request, response, verdict.path).catch((error: unknown) => {
      const reason = describe(error)
      process.stderr.write(`mtclean review --web: ${reason}\n`)
      if (!response.headersSent) sendJson(response, 500, { error: reason })
      else response.destroy()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(`port ${options.port} is in use: pick another, or leave --port out for a free one`, 'mtclean review --web')
          : error,
      )
    })
    server.listen({ host: LOOPBACK, port: options.port ?? 0 }, () => {
      const address = server.address() as AddressInfo
      resolve({
        url: `http://${LOOPBACK}:${address.port}/${token}/`,
        address,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import http from 'node:http'
import { BIN } from './project.js'

/** A running `mtclean review --web`: its address as printed, and the process. */
export interface WebReviewProcess {
  url: string
  port: number
  token: string
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  /** Sends a signal and waits for the process to end; its exit status (or the signal's name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>
}

/** Starts `mtclean review --web` in `cwd` and waits for the address it prints. */
export function startWebReview(cwd: string, args: string[] = []): Promise<WebReviewProcess> {
  const child = spawn(process.execPath, [BIN, 'review', '--web', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ended = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)))
  return new Promise((resolve, reject) => {
    child.on('exit', () => reject(new Error(`review --web ended before printing its address: ${stderr}`)))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:(\d+)\/([\w-]+)\/)/.exec(stdout)
      if (!match) return
      resolve({
        url: match[1]!,
        port: Number(match[2]),
        token: match[3]!,
        child,
        stdout: () => stdout,
        stderr: () => stderr,
        stop: (signal = 'SIGINT') => {
          child.kill(signal)
          return ended
        },
      })
    })
  })
}

export interface Answer {
  status: number
  body: string
}

/** One HTTP request with exactly these headers (fetch would not let a test set Host). */
export function request(options: {
  port: number
  path: string
  method?: string
  headers?: Record<string, string>
  body?: string
  host?: string
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${options.port}`, ...options.headers },
        agent: false,
      },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    sent.on('error', reject)
    sent.end(options.body)
  })
}

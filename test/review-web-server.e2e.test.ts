import { readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { guardProjectFolders, projectWithTexts, runCli } from './helpers/project.js'
import { request, startWebReview, type WebReviewProcess } from './helpers/web-review.js'

guardProjectFolders()

// The review server of `mtclean review --web` (issue 18), over HTTP: who it answers, where it listens,
// and that what it is told is on disk before it answers.

const A = 'Russian Foreign Minister Ravorov met the China -Russia group.\nRavorov said so.\n'
const running: WebReviewProcess[] = []
const stopAll = async (): Promise<void> => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) await server.stop('SIGKILL')
}
afterAll(stopAll)

async function project(): Promise<{ dir: string; server: WebReviewProcess }> {
  const dir = projectWithTexts({ 'in/a.txt': A })
  expect(runCli(['clean', 'in', '--check'], dir).status).toBe(0)
  const server = await startWebReview(dir)
  running.push(server)
  return { dir, server }
}

const decisionsOf = (dir: string): Record<string, { decision: string }> => {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')).decisions
  } catch {
    return {}
  }
}
const state = async (server: WebReviewProcess): Promise<{ version: string; changes: Record<string, string> }> =>
  JSON.parse((await request({ port: server.port, path: `/${server.token}/api/state` })).body)
const post = (server: WebReviewProcess, body: unknown, headers: Record<string, string> = {}) =>
  request({
    port: server.port,
    path: `/${server.token}/api/action`,
    method: 'POST',
    headers: { origin: `http://127.0.0.1:${server.port}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('review --web: who the server answers', () => {
  // One server for these: they only ask, or are refused (the one POST that is answered comes last).
  let shared: Promise<{ dir: string; server: WebReviewProcess }>
  beforeAll(() => {
    shared = project()
  })

  it('serves the page with its token, and refuses a request without it or with another', async () => {
    const { server } = await shared
    const page = await request({ port: server.port, path: `/${server.token}/` })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>mtclean review</title>')
    for (const wrong of ['/', '/api/state', `/${server.token.slice(0, -1)}/api/state`, `/?token=${server.token}`]) {
      expect((await request({ port: server.port, path: wrong })).status, wrong).toBe(403)
    }
  })

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const { server } = await shared
    const answer = await request({ port: server.port, path: `/${server.token}/api/state`, headers: { host: `evil.example:${server.port}` } })
    expect(answer).toEqual({ status: 403, body: 'Refused: wrong Host header.\n' })
  })

  it('listens on 127.0.0.1 only: not on ::1, not on any other address of the machine', async () => {
    const { server } = await shared
    expect(new URL(server.url).hostname).toBe('127.0.0.1')
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((each) => each !== undefined && !each.internal)
      .map((each) => each!.address)
    for (const address of ['::1', ...others]) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: server.port })
        socket.once('connect', () => {
          socket.destroy()
          resolve(false)
        })
        socket.once('error', () => resolve(true))
      })
      expect(refused, address).toBe(true)
    }
    // The kernel's table of listening sockets: this port, bound to 127.0.0.1 (0100007F) and nothing else.
    if (process.platform === 'linux') {
      const port = server.port.toString(16).toUpperCase().padStart(4, '0')
      const listening = ['/proc/net/tcp', '/proc/net/tcp6']
        .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[1]?.endsWith(`:${port}`) && fields[3] === '0A')
        .map((fields) => fields[1])
      expect(listening).toEqual([`0100007F:${port}`])
    }
  })

  it('refuses a cross-site POST (another Origin, or none) and writes nothing; its own page’s POST is saved', async () => {
    const { dir, server } = await shared
    const { version, changes } = await state(server)
    const id = Object.keys(changes)[0]!
    const action = { type: 'decide', id, decision: 'rejected', version }
    expect((await post(server, action, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await post(server, action, { origin: '' })).status).toBe(403)
    expect((await post(server, action, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await post(server, action, { 'content-type': 'text/plain' })).status).toBe(415)
    expect(decisionsOf(dir)).toEqual({})
    expect((await post(server, action)).status).toBe(200)
    expect(decisionsOf(dir)[id]).toMatchObject({ decision: 'rejected' })
  })
})

describe('review --web: nothing clicked is lost, nothing decided elsewhere is overwritten', () => {
  afterEach(stopAll)

  it('a decision is on disk when it is answered: a killed server loses nothing', async () => {
    const { dir, server } = await project()
    const { version, changes } = await state(server)
    const [first, second] = Object.keys(changes)
    const answer = await post(server, { type: 'decide', id: first, decision: 'accepted', rest: true, version })
    expect(answer.status).toBe(200)
    const after = JSON.parse(answer.body).state
    expect(after.changes[first!]).toBe('accepted')
    await server.stop('SIGKILL')
    expect(decisionsOf(dir)[first!]).toMatchObject({ decision: 'accepted' })
    // The terminal's records agree: status counts what the page decided.
    const status = JSON.parse(runCli(['status', '--format', 'json'], dir).stdout)
    expect(status.files[0].accepted).toBe(Object.values(after.changes).filter((each) => each === 'accepted').length)
    expect(second).toBeDefined()
  })

  it('a page drawn before another command decided is told it is stale, and writes nothing', async () => {
    const { dir, server } = await project()
    const { version, changes } = await state(server)
    const [first, second] = Object.keys(changes)
    expect(runCli(['reject', first!], dir).status).toBe(0)
    const before = readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')
    const answer = await post(server, { type: 'decide', id: second, decision: 'accepted', version })
    expect(JSON.parse(answer.body)).toMatchObject({ stale: true })
    expect(readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')).toBe(before)
    // Drawn again, the page shows the other command's decision and may act.
    const fresh = await state(server)
    expect(fresh.changes[first!]).toBe('rejected')
    expect((await post(server, { type: 'decide', id: second, decision: 'accepted', version: fresh.version })).status).toBe(200)
    expect(decisionsOf(dir)).toMatchObject({ [first!]: { decision: 'rejected' }, [second!]: { decision: 'accepted' } })
  })

  it('reviews only the sources named, and names a source edited since the run instead of showing stale changes', async () => {
    const dir = projectWithTexts({ 'in/a.txt': A, 'in/b.txt': 'The China -Russia talks went on.\n', 'in/c.txt': 'Ravorov again.\n' })
    expect(runCli(['clean', 'in', '--check'], dir).status).toBe(0)
    writeFileSync(path.join(dir, 'in/c.txt'), 'Ravorov again, edited.\n')
    const server = await startWebReview(dir, ['in/a.txt', 'in/c.txt'])
    running.push(server)
    const { changes } = await state(server)
    const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
    expect(Object.keys(changes).sort()).toEqual(report.files[0].changes.map((change: { id: string }) => change.id).sort())
    const page = (await request({ port: server.port, path: `/${server.token}/` })).body
    expect(page).toContain('Edited since the last clean (run <code>mtclean clean</code> to review them): <code>in/c.txt</code>')
    expect(page).not.toContain('data-file="in/b.txt"')
  })

  it('without a run to review, or on a port in use, it says so in one line and exits 2', async () => {
    const empty = projectWithTexts({ 'in/a.txt': A })
    expect(runCli(['review', '--web'], empty)).toMatchObject({
      status: 2,
      stderr: 'cleaned/report.json: no report: run `mtclean clean` first (or name its --out folder)\n',
    })
    const { dir, server } = await project()
    const taken = runCli(['review', '--web', '--port', String(server.port)], dir)
    expect(taken).toMatchObject({
      status: 2,
      stderr: `mtclean review --web: port ${server.port} is in use: pick another, or leave --port out for a free one\n`,
    })
    expect(runCli(['review', '--port', '8080'], dir)).toMatchObject({ status: 2, stderr: 'mtclean review: --port goes with --web\n' })
  })

  it('Ctrl-C stops the server with exit 0 and a summary of the record', async () => {
    const { server } = await project()
    expect(server.stdout()).toMatch(/^mtclean: 3 change\(s\) to decide and 0 open finding\(s\); review them at\n\n {2}http:\/\/127\.0\.0\.1:\d+\/[\w-]{32}\/\n/)
    const status = await server.stop('SIGINT')
    expect(status).toBe(0)
    expect(server.stderr()).toContain('mtclean: 0 accepted, 0 rejected, 3 undecided (in cleaned/decisions.json)')
  })
})

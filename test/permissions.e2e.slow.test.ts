import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardProjectFolders, BIN, projectWithTexts } from './helpers/project.js'

guardProjectFolders()

// Folders that cannot be read or written (issue 14). Root reads and writes anything, so the CLI runs as the
// unprivileged user `nobody` (uid 65534) here; the temp project is opened to it.
const NOBODY = 65534

function runAsNobody(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    uid: NOBODY,
    gid: NOBODY,
    env: { ...process.env, NO_COLOR: '1', HOME: cwd },
  })
  return { status: result.status, stderr: result.stderr }
}

function openProject(texts: Record<string, string>): string {
  const dir = projectWithTexts(texts)
  const open = (folder: string): void => {
    chmodSync(folder, 0o777)
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const child = path.join(folder, entry.name)
      if (entry.isDirectory()) open(child)
      else chmodSync(child, 0o666)
    }
  }
  open(dir)
  return dir
}

describe.skipIf(process.getuid?.() !== 0)('folders that cannot be read or written', () => {
  it('names an unreadable subfolder, skips it, and cleans the rest (exit 1)', () => {
    const dir = openProject({ 'in/ok/a.txt': 'Ravorov met.\n', 'in/locked/b.txt': 'Ravorov.\n' })
    chmodSync(path.join(dir, 'in/locked'), 0o000)
    const result = runAsNobody(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe('in/locked: permission denied')
    expect(readFileSync(path.join(dir, 'out/ok/a.txt'), 'utf8')).toBe('Lavrov met.\n')
  })

  it('refuses an output folder it cannot write, in one line, writing nothing', () => {
    const dir = openProject({ 'in/a.txt': 'Ravorov met.\n' })
    mkdirSync(path.join(dir, 'out'))
    chmodSync(path.join(dir, 'out'), 0o555)
    const result = runAsNobody(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^out\S*: permission denied\n$/)
    expect(existsSync(path.join(dir, 'out/a.txt'))).toBe(false)
  })
})

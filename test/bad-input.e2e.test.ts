import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, runCli, tempProject } from './helpers/project.js'

// The catalogue of bad inputs: each file that cannot be read is named on one line, skipped, and the run
// goes on with the rest and exits 1; the good files are cleaned as usual.
function project(files: Record<string, string | Buffer>): string {
  const dir = tempProject('rules')
  mkdirSync(path.join(dir, 'in'))
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, 'in', name), content)
  writeFileSync(path.join(dir, 'in/good.txt'), 'Rafrov spoke.\n')
  return dir
}

function expectSkipped(dir: string, stderrLine: string): void {
  const result = runCli(['clean', 'in', '--out', 'out'], dir)
  expect(result.status).toBe(1)
  expect(result.stderr.split('\n')[0]).toBe(stderrLine)
  expect(readFileSync(path.join(dir, 'out/good.txt'), 'utf8')).toBe('Lavrov spoke.\n')
  expect(JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).failures).toEqual([
    { path: stderrLine.split(': ')[0], error: stderrLine.split(': ').slice(1).join(': ') },
  ])
}

describe('bad inputs', () => {
  it('a UTF-16 file is named as such and skipped', () => {
    expectSkipped(
      project({ 'utf16.txt': Buffer.from('\ufeffRavorov', 'utf16le') }),
      'in/utf16.txt: UTF-16 text, not UTF-8: convert it first (e.g. iconv -f UTF-16 -t UTF-8)',
    )
  })

  it('a binary file is named and skipped', () => {
    expectSkipped(project({ 'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) }), 'in/image.txt: binary file (contains NUL bytes), not text')
  })

  it('a symbolic link loop is named and skipped', () => {
    const dir = project({})
    symlinkSync('loop-b.txt', path.join(dir, 'in/loop-a.txt'))
    symlinkSync('loop-a.txt', path.join(dir, 'in/loop-b.txt'))
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('in/loop-a.txt: symbolic link loop\n')
    expect(readFileSync(path.join(dir, 'out/good.txt'), 'utf8')).toBe('Lavrov spoke.\n')
  })

  it('an unreadable file is named and skipped', () => {
    const dir = project({ 'secret.txt': 'Ravorov' })
    chmodSync(path.join(dir, 'in/secret.txt'), 0o000)
    // As root every file is readable: run the CLI as an unprivileged user then, opening only this
    // temp project to it (never anything outside it).
    const asRoot = process.getuid?.() === 0
    if (asRoot) spawnSync('chmod', ['-R', 'a+rwX', dir])
    chmodSync(path.join(dir, 'in/secret.txt'), 0o000)
    const result = spawnSync(process.execPath, [BIN, 'clean', 'in', '--out', 'out'], {
      cwd: dir,
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    })
    expect(result.status).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe('in/secret.txt: permission denied')
    expect(readFileSync(path.join(dir, 'out/good.txt'), 'utf8')).toBe('Lavrov spoke.\n')
  })

  it('an empty file and a file without a trailing newline come out byte for byte', () => {
    const dir = project({ 'empty.txt': '', 'no-newline.txt': 'Ravorov said so' })
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/empty.txt'), 'utf8')).toBe('')
    expect(readFileSync(path.join(dir, 'out/no-newline.txt'), 'utf8')).toBe('Lavrov said so')
  })

  it('a folder with no text files gives empty reports, not an error', () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(0)
    expect(existsSync(path.join(dir, 'out/report.json'))).toBe(true)
  })
})

import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { guardProjectFolders, projectWithTexts, runCli } from './helpers/project.js'

guardProjectFolders()

// A full disk and a read-only file system under the output folder (issue 14): one line naming the file,
// exit 2, no temporary file left, the inputs as they were. A small tmpfs stands for the disk; mounting needs
// root, which this machine and CI have (the test says so when it cannot mount).

const mounted: string[] = []
function tmpfs(options: string): string | undefined {
  const point = mkdtempSync(path.join(os.tmpdir(), 'mtclean-mnt-'))
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point])
  if (result.status !== 0) return undefined
  mounted.push(point)
  return point
}
afterEach(() => {
  for (const point of mounted.splice(0)) spawnSync('umount', [point])
})

const TEXT = `${'Russian Foreign Minister Ravorov met the China -Russia group. '.repeat(40)}\n`

describe('file-system errors while writing are one line each', () => {
  it('a full disk', () => {
    const disk = tmpfs('size=64k')
    expect(disk, 'mounting a tmpfs needs root').toBeDefined()
    const texts: Record<string, string> = {}
    for (let index = 0; index < 40; index++) texts[`in/${index}.txt`] = TEXT
    const dir = projectWithTexts(texts)
    const result = runCli(['clean', 'in', '--out', path.join(disk!, 'out')], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^\S+\/out\/\S+: no space left on the device\n$/)
    expect(readdirSync(path.join(disk!, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(readFileSync(path.join(dir, 'in/0.txt'), 'utf8')).toBe(TEXT)
  })

  it('a read-only file system', () => {
    const disk = tmpfs('size=1m')
    expect(disk, 'mounting a tmpfs needs root').toBeDefined()
    mkdirSync(path.join(disk!, 'out'))
    execFileSync('mount', ['-o', 'remount,ro', disk!])
    const dir = projectWithTexts({ 'in/a.txt': TEXT })
    const result = runCli(['clean', 'in', '--out', path.join(disk!, 'out')], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^\S+: read-only file system\n$/)
    writeFileSync(path.join(dir, 'probe'), '') // the temp project itself is writable
    expect(readFileSync(path.join(dir, 'in/a.txt'), 'utf8')).toBe(TEXT)
  })
})

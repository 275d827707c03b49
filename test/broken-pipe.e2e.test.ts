import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BIN, SEEDS, tempProject } from './helpers/project.js'

// A reader that closes early must end mtclean quietly: no stack trace, nothing on stderr, and the status a
// shell gives a program that a broken pipe ended (141 = 128 + SIGPIPE, as `yes | head -1` under pipefail).
const BROKEN_PIPE = 141
const mtclean = `"${process.execPath}" "${BIN}"`

/** Runs a shell line in `cwd` with bash; `pipefail` makes the pipeline's status mtclean's. */
function shell(line: string, cwd: string, pipefail = false): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', `${pipefail ? 'set -o pipefail; ' : ''}${line}`], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * Runs mtclean with its stdout on a pipe whose reader is already closed: the first write fails, whatever
 * the output's size (a FIFO opened read-write, a writer opened on it, then the reader closed).
 */
function toClosedPipe(args: string, cwd: string): { status: number | null; stderr: string } {
  const line = `rm -f closed.fifo && mkfifo closed.fifo && exec 3<>closed.fifo 4>closed.fifo 3<&- && ${mtclean} ${args} >&4; status=$?; rm -f closed.fifo; exit $status`
  const { status, stderr } = shell(line, cwd)
  return { status, stderr }
}

describe('output piped to a reader that closes early (end to end, real binary)', () => {
  let dir: string
  beforeAll(() => {
    // Output far larger than a pipe's buffer (64 KiB) and what `head` reads at once: mtclean is still
    // writing when head has gone, so the broken pipe is certain, not a matter of timing.
    dir = tempProject('rules')
    mkdirSync(path.join(dir, 'texts'))
    for (let copy = 0; copy < 20; copy++) {
      for (const name of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, name), path.join(dir, 'texts', `${copy}-${name}`))
    }
  })

  it('check --format unix | head -1: the first line, exit 0, nothing on stderr; 141 under pipefail', () => {
    const piped = shell(`${mtclean} check texts --format unix | head -1`, dir)
    expect(piped).toEqual({ status: 0, stdout: expect.stringMatching(/^texts\/0-000_8f9708c4ec4fda24\.txt:\d+:\d+-\d+:\d+ {2}warning {2}.*\n$/), stderr: '' })
    expect(shell(`${mtclean} check texts --format unix | head -1`, dir, true)).toMatchObject({ status: BROKEN_PIPE, stderr: '' })
  })

  it('check with the text format and through sh, as a user types it', () => {
    const result = spawnSync('sh', ['-c', `${mtclean} check texts | head -1`], { cwd: dir, encoding: 'utf8' })
    expect([result.status, result.stdout, result.stderr]).toEqual([0, 'texts/0-000_8f9708c4ec4fda24.txt\n', ''])
  })

  it('clean -n | head: the diff is cut short, no stack trace, nothing written', () => {
    const piped = shell(`${mtclean} clean -n texts | head -3`, dir, true)
    expect(piped.status).toBe(BROKEN_PIPE)
    expect(piped.stderr).toBe('')
    expect(piped.stdout).toBe('--- a/texts/0-000_8f9708c4ec4fda24.txt\n+++ b/texts/0-000_8f9708c4ec4fda24.txt\n@@ -1,31 +1,31 @@\n')
    expect(readdirSync(dir).sort()).toEqual(['rules', 'texts'])
  })

  it('stderr on the closed pipe as well (2>&1): the summary line is not an error either', () => {
    expect(shell(`${mtclean} check texts --format unix 2>&1 | head -1`, dir, true)).toMatchObject({ status: BROKEN_PIPE, stderr: '' })
  })

  it('clean that writes files, its stderr on a closed pipe mid-run: it stops between two files as for Ctrl-C, no temporary file left', () => {
    // An unreadable input is named on stderr as soon as it is met: the first write to the closed pipe.
    const project = tempProject('rules')
    mkdirSync(path.join(project, 'texts'))
    writeFileSync(path.join(project, 'texts/0-binary.txt'), 'a\0b')
    for (const name of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, name), path.join(project, 'texts', name))
    const line = `mkfifo closed.fifo && exec 3<>closed.fifo 4>closed.fifo 3<&- && rm closed.fifo && ${mtclean} clean texts 2>&4`
    expect(shell(line, project)).toEqual({ status: BROKEN_PIPE, stdout: '', stderr: '' })
    const written = readdirSync(path.join(project, 'cleaned'))
    expect(written.filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(written).not.toContain('report.json')
  })

  it.each([
    ['check', 'check texts --format json -q'],
    ['clean -n', 'clean -n texts'],
    ['suggest', 'suggest texts'],
    ['rules list', 'rules list'],
    ['rules list --format json', 'rules list --format json'],
    ['rules test', 'rules test'],
  ])('%s to a pipe whose reader has already gone: exit 141, nothing on stderr', (_name, args) => {
    expect(toClosedPipe(args, dir)).toEqual({ status: BROKEN_PIPE, stderr: '' })
  })
})

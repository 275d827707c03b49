import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BIN, runCli, tempProject } from './helpers/project.js'

// Drives `mtclean review` in a real pseudo-terminal: a detached tmux session, keys sent with send-keys,
// the screen read with capture-pane. (.ci/run installs tmux where it is missing.)
const SESSION = `mtclean-review-${process.pid}`
const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' })
const screen = (): string => tmux('capture-pane', '-p', '-J', '-t', SESSION, '-S', '-200')

/** Waits (bounded) until the screen shows `text` `count` times; not a timing assertion, only a wait. */
async function waitFor(text: string, count = 1): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const shown = screen()
    if (shown.split(text).length - 1 >= count) return shown
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen()}`)
}

async function startReview(dir: string): Promise<void> {
  tmux('new-session', '-d', '-s', SESSION, '-x', '200', '-y', '60', `cd '${dir}' && '${process.execPath}' '${BIN}' review; echo REVIEW-EXITED-$?; sleep 60`)
  await waitFor('Accept this change')
}

async function press(key: string, prompts: number): Promise<void> {
  tmux('send-keys', '-t', SESSION, key)
  await waitFor('Accept this change', prompts)
}

afterEach(() => {
  spawnSync('tmux', ['kill-session', '-t', SESSION])
})

describe('mtclean review in a terminal', () => {
  it('records accept and reject, quits, and clean applies exactly the accepted and undecided changes; nothing is asked twice', async () => {
    expect(spawnSync('tmux', ['-V']).status, 'tmux is needed for this test (apt-get install tmux)').toBe(0)
    const dir = tempProject('seeds', 'rules')
    await startReview(dir)
    expect(screen()).toMatch(/116 change\(s\) to review in 5 file\(s\); 0 decided before/)
    await press('y', 2)
    await press('n', 3)
    await press('y', 4)
    tmux('send-keys', '-t', SESSION, 'q')
    const end = await waitFor('REVIEW-EXITED-0')
    expect(end).toContain('2 accepted, 1 rejected in cleaned/decisions.json')
    spawnSync('tmux', ['kill-session', '-t', SESSION])

    const decisions = JSON.parse(readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')).decisions as Record<string, { decision: string; ruleId: string }>
    expect(Object.values(decisions).map((record) => `${record.ruleId}:${record.decision}`).sort()).toEqual([
      'hyphen-space:accepted',
      'lavrov:accepted',
      'period-space:rejected',
    ])

    expect(runCli(['clean'], dir).status).toBe(0)
    const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
    const changes = report.files.flatMap((file: { changes: { decision: string }[] }) => file.changes)
    expect(changes.filter((change: { decision: string }) => change.decision === 'accepted')).toHaveLength(2)
    expect(changes.filter((change: { decision: string }) => change.decision === 'undecided')).toHaveLength(113)
    const rejected = report.files[0].skipped.filter((skip: { reason: string }) => skip.reason === 'rejected')
    expect(rejected.map((skip: { ruleId: string; before: string }) => `${skip.ruleId}:${JSON.stringify(skip.before)}`)).toEqual(['period-space:"."'])
    expect(readFileSync(path.join(dir, 'cleaned/000_8f9708c4ec4fda24.txt'), 'utf8')).toContain('(September 18).Chinese Foreign Minister')

    // A second review starts at the first change nobody has decided on (the rejected one is no longer
    // proposed, hence 115 in all).
    await startReview(dir)
    expect(screen()).toMatch(/113 change\(s\) to review in 5 file\(s\); 3 decided before/)
    expect(screen()).toMatch(/seeds\/000_8f9708c4ec4fda24\.txt:1:428 {2}change 3\/115/)
    tmux('send-keys', '-t', SESSION, 'q')
    await waitFor('REVIEW-EXITED-0')
  })

  it('refuses to run without a terminal', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['review'], dir)).toMatchObject({
      status: 2,
      stderr: 'mtclean review: needs an interactive terminal; in scripts use `mtclean accept` and `mtclean reject`\n',
    })
  })
})

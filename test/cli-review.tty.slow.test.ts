import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BIN, runCli, tempProject } from './helpers/project.js'

// Drives `mtclean review` in a real pseudo-terminal: a detached tmux session, keys sent with send-keys,
// the screen read with capture-pane. (.ci/run installs tmux where it is missing.)
const SESSION = `mtclean-review-${process.pid}`
const FIRST = '000_8f9708c4ec4fda24.txt'
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

async function startReview(dir: string, prompt = 'Accept this change', args = ''): Promise<void> {
  tmux(
    'new-session',
    '-d',
    '-s',
    SESSION,
    '-x',
    '200',
    '-y',
    '60',
    `cd '${dir}' && '${process.execPath}' '${BIN}' review ${args}; echo REVIEW-EXITED-$?; sleep 60`,
  )
  await waitFor(prompt)
}

async function press(key: string, prompts: number, prompt = 'Accept this change'): Promise<void> {
  tmux('send-keys', '-t', SESSION, key)
  await waitFor(prompt, prompts)
}

afterEach(() => {
  spawnSync('tmux', ['kill-session', '-t', SESSION])
})

describe('mtclean review in a terminal', () => {
  it('records accept and reject, quits, and clean applies exactly the accepted and undecided changes; nothing is asked twice', async () => {
    expect(spawnSync('tmux', ['-V']).status, 'tmux is needed for this test (apt-get install tmux)').toBe(0)
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['clean'], dir).status).toBe(0)
    const sourceBefore = readFileSync(path.join(dir, 'seeds', FIRST), 'utf8')
    await startReview(dir)
    expect(screen()).toMatch(/116 change\(s\) to review in 4 file\(s\); 0 decided before; \d+ open finding\(s\)/)
    expect(screen()).toMatch(/change 1\/116/)
    await press('y', 2)
    await press('n', 3)
    await press('y', 4)
    tmux('send-keys', '-t', SESSION, 'q')
    const end = await waitFor('REVIEW-EXITED-0')
    expect(end).toContain('2 accepted, 1 rejected, 113 undecided (in cleaned/decisions.json)')
    spawnSync('tmux', ['kill-session', '-t', SESSION])

    const decisions = JSON.parse(readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')).decisions as Record<
      string,
      { decision: string; ruleId: string }
    >
    expect(
      Object.values(decisions)
        .map((record) => `${record.ruleId}:${record.decision}`)
        .sort(),
    ).toEqual(['hyphen-space:accepted', 'lavrov:accepted', 'period-space:rejected'])

    // apply writes exactly the two accepted changes into the source.
    const reviewed = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
    const accepted = reviewed.files[0].changes.filter((change: { id: string }) => decisions[change.id]?.decision === 'accepted')
    let expected = sourceBefore
    for (const change of [...accepted].reverse()) expected = expected.slice(0, change.start) + change.after + expected.slice(change.end)
    expect(runCli(['apply'], dir)).toMatchObject({ status: 0, stderr: 'mtclean: applied 2 accepted change(s) to 1 file(s)\n' })
    expect(readFileSync(path.join(dir, 'seeds', FIRST), 'utf8')).toBe(expected)
    writeFileSync(path.join(dir, 'seeds', FIRST), sourceBefore)

    expect(runCli(['clean'], dir).status).toBe(0)
    const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
    const changes = report.files.flatMap((file: { changes: { decision?: string }[] }) => file.changes)
    expect(changes.filter((change: { decision?: string }) => change.decision === 'accepted')).toHaveLength(2)
    // (report.json gives an undecided change no decision.)
    expect(changes.filter((change: { decision?: string }) => change.decision === undefined)).toHaveLength(113)
    const rejected = report.files[0].skipped.filter((skip: { reason: string }) => skip.reason === 'rejected')
    expect(rejected.map((skip: { ruleId: string; before: string }) => `${skip.ruleId}:${JSON.stringify(skip.before)}`)).toEqual(['period-space:"."'])
    expect(readFileSync(path.join(dir, 'cleaned/000_8f9708c4ec4fda24.txt'), 'utf8')).toContain('(September 18).Chinese Foreign Minister')

    // A second review starts at the first change nobody has decided on, and counts only those.
    await startReview(dir)
    expect(screen()).toMatch(/113 change\(s\) to review in 4 file\(s\); 3 decided before/)
    expect(screen()).toMatch(/seeds\/000_8f9708c4ec4fda24\.txt:1:428 {2}change 1\/113/)
    tmux('send-keys', '-t', SESSION, 'q')
    await waitFor('REVIEW-EXITED-0')
  })

  it('shows a file with findings and no change; k keeps a word (names list), r makes a rule from the suggestion', async () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in/a.txt'), 'Anna Lavrova visited London on Monday. Ukrainian Foreign Minister Kulebo spoke to reporters.\n')
    const namesBefore = readFileSync(path.join(dir, 'rules/names.yaml'), 'utf8')
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    const prompt = 'Keep the word, make a rule, or leave it'
    await startReview(dir, prompt, '--out out')
    expect(screen()).toMatch(/0 change\(s\) to review in 1 file\(s\); 0 decided before; 2 open finding\(s\)/)
    expect(screen()).toMatch(/in\/a\.txt:1:6 {2}open finding/)
    await press('k', 2, prompt)
    expect(screen()).toContain('Kept: Lavrova added to rules/names.yaml.')
    tmux('send-keys', '-t', SESSION, 'r')
    const end = await waitFor('REVIEW-EXITED-0')
    expect(end).toMatch(/Rule made: Kulebo → Kuleba in rules\/\S+\.yaml/)
    spawnSync('tmux', ['kill-session', '-t', SESSION])

    const namesAfter = readFileSync(path.join(dir, 'rules/names.yaml'), 'utf8')
    expect(namesAfter.startsWith(namesBefore.trimEnd())).toBe(true)
    expect(namesAfter.slice(namesBefore.trimEnd().length)).toMatch(/^\n\s+- Lavrova\n$/)
    expect(runCli(['check', 'in', '--format', 'unix', '--out', 'out'], dir).stdout).not.toContain('Lavrova')
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/a.txt'), 'utf8')).toContain('Foreign Minister Kuleba spoke')
  })

  it('shows control characters of a text and of a rule note visibly, never raw', async () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in/a.txt'), 'Ravorov said \u001b[31mred\u001b[0m things.\n')
    writeFileSync(
      path.join(dir, 'rules/zz.yaml'),
      'entities:\n  - id: zz-said\n    canonical: Said\n    category: term\n    note: "a note \\e[2J that clears"\n    variants: [Sayd]\n',
    )
    writeFileSync(path.join(dir, 'in/b.txt'), 'Sayd it.\n')
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    await startReview(dir, 'Accept this change', '--out out')
    const first = screen()
    expect(first).toContain('\\u001b[31mred')
    await press('y', 2)
    expect(screen()).toContain('a note \\u001b[2J that clears')
    tmux('send-keys', '-t', SESSION, 'q')
    await waitFor('REVIEW-EXITED-0')
  })

  it('refuses to run without a terminal', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['review'], dir)).toMatchObject({
      status: 2,
      stderr: 'mtclean review: needs an interactive terminal (or --web: review in the browser); in scripts use `mtclean accept` and `mtclean reject`\n',
    })
  })
})

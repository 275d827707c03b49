import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardProjectFolders, projectWithTexts, runCli } from './helpers/project.js'

guardProjectFolders()

// The review loop end to end (issue 12): decisions.json is the one record of decisions, read by every
// command when it runs; apply writes exactly the accepted changes that still fit, and only where it may.

const A = 'Russian Foreign Minister Ravorov met the China -Russia group.\nRavorov said so.\n'
const B = 'The China -Russia talks went on.\n'

interface Change {
  id: string
  ruleId: string
  before: string
  after: string
  start: number
  end: number
  decision?: string
}
interface ReportShape {
  run: { base: string }
  files: { path: string; copy?: string; changes: Change[]; skipped?: (Change & { reason: string })[]; findings?: { ruleId: string; actual: string }[] }[]
}

/** A temp project: a copy of the rules and two small texts in `in/`. */
const project = (): string => projectWithTexts({ 'in/a.txt': A, 'in/b.txt': B })
const cli = (dir: string, ...args: string[]) => runCli(args, dir)
const report = (dir: string, out = 'out'): ReportShape => JSON.parse(readFileSync(path.join(dir, out, 'report.json'), 'utf8'))
const decisions = (dir: string, out = 'out') => JSON.parse(readFileSync(path.join(dir, out, 'decisions.json'), 'utf8'))
const text = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8')
const changeOf = (dir: string, ruleId: string, file = 0): Change => report(dir).files[file]!.changes.find((change) => change.ruleId === ruleId)!

describe('the review loop: decisions.json is the one record', () => {
  it('accept → apply writes the accepted changes into the source and nothing else', () => {
    const dir = project()
    expect(cli(dir, 'clean', 'in', '--out', 'out').status).toBe(0)
    expect(cli(dir, 'accept', changeOf(dir, 'lavrov').id, '--out', 'out').status).toBe(0)
    const result = cli(dir, 'apply', '--out', 'out')
    expect(result).toMatchObject({ status: 0, stderr: 'mtclean: applied 1 accepted change(s) to 1 file(s)\n' })
    expect(text(dir, 'in/a.txt')).toBe(A.replace('Ravorov met', 'Lavrov met'))
    expect(text(dir, 'in/b.txt')).toBe(B)
  })

  it('reject → apply writes nothing rejected', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    cli(dir, 'reject', '--rule', 'lavrov', '--out', 'out')
    cli(dir, 'accept', '--all', '--out', 'out')
    expect(cli(dir, 'apply', '--out', 'out').status).toBe(0)
    expect(text(dir, 'in/a.txt')).toBe(A.replace(/China -Russia/, 'China-Russia'))
    expect(text(dir, 'in/b.txt')).toBe(B.replace('China -Russia', 'China-Russia'))
  })

  it('clean → accept --all → clean → reject --rule → apply: the rejection made after the last clean holds', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    cli(dir, 'accept', '--all', '--out', 'out')
    cli(dir, 'clean', 'in', '--out', 'out')
    // An explicit rule selection in bulk decides only the undecided: name the ids to change a decision.
    const ids = report(dir)
      .files[0]!.changes.filter((change) => change.ruleId === 'lavrov')
      .map((change) => change.id)
    expect(cli(dir, 'reject', ...ids, '--out', 'out').status).toBe(0)
    expect(cli(dir, 'apply', '--out', 'out').status).toBe(0)
    expect(text(dir, 'in/a.txt')).toBe(A.replace('China -Russia', 'China-Russia'))
    expect(text(dir, 'in/a.txt')).toContain('Ravorov met')
  })

  it('bulk selections decide only undecided changes; an id changes an earlier decision', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    const lavrov = changeOf(dir, 'lavrov')
    cli(dir, 'reject', lavrov.id, '--out', 'out')
    const all = cli(dir, 'accept', '--all', '--out', 'out')
    expect(all.stderr).toMatch(/^mtclean: 3 change\(s\) accepted \(1 decided before left as they were\)/)
    expect(decisions(dir).decisions[lavrov.id].decision).toBe('rejected')
    cli(dir, 'accept', lavrov.id, '--out', 'out')
    expect(decisions(dir).decisions[lavrov.id].decision).toBe('accepted')
  })

  it('apply twice: the second says "already applied" and changes nothing', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    cli(dir, 'accept', '--all', '--out', 'out')
    expect(cli(dir, 'apply', '--out', 'out').status).toBe(0)
    const once = text(dir, 'in/a.txt')
    const again = cli(dir, 'apply', '--out', 'out')
    expect(again.status).toBe(0)
    expect(again.stderr).toContain('in/a.txt: already applied\n')
    expect(again.stderr).toContain('mtclean: applied 0 accepted change(s) to 0 file(s), 2 file(s) already applied\n')
    expect(text(dir, 'in/a.txt')).toBe(once)
  })

  it('a source edited between clean and apply: changes that still fit are applied, the others named', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    cli(dir, 'accept', '--all', '--out', 'out')
    writeFileSync(path.join(dir, 'in/a.txt'), `${A}A line added by hand.\n`)
    writeFileSync(path.join(dir, 'in/b.txt'), `Added at the top.\n${B}`)
    const result = cli(dir, 'apply', '--out', 'out')
    expect(result.status).toBe(1)
    expect(text(dir, 'in/a.txt')).toBe(`${A.replace(/Ravorov/g, 'Lavrov').replace('China -Russia', 'China-Russia')}A line added by hand.\n`)
    expect(text(dir, 'in/b.txt')).toBe(`Added at the top.\n${B}`)
    expect(result.stderr).toMatch(/^in\/b\.txt: change [0-9a-f]+ \(hyphen-space: " -" → "-"\) not applied: the text there changed since `mtclean clean`/m)
  })

  it('decisions and ids do not depend on the folder a command runs from', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    const lavrov = changeOf(dir, 'lavrov')
    cli(dir, 'reject', lavrov.id, '--out', 'out')
    const parent = path.dirname(dir)
    const name = path.basename(dir)
    expect(runCliIn(parent, ['clean', `${name}/in`, '--out', `${name}/out`, '--rules', `${name}/rules`]).status).toBe(0)
    const skipped = report(dir).files[0]!.skipped!.filter((skip) => skip.reason === 'rejected')
    expect(skipped.map((skip) => skip.id)).toEqual([lavrov.id])
    expect(text(dir, 'out/a.txt')).toContain('Ravorov met')
    // review, accept, apply and status find everything from the record, wherever they run.
    expect(runCliIn(parent, ['accept', '--all', '--out', `${name}/out`]).status).toBe(0)
    expect(runCliIn(path.join(dir, 'in'), ['apply', '--out', '../out']).status).toBe(0)
    expect(text(dir, 'in/a.txt')).toBe(A.replace('Ravorov said', 'Lavrov said').replace('China -Russia', 'China-Russia'))
  })

  it('a rejected change is never reported again by check or clean --check', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    const [first] = report(dir).files[0]!.changes.filter((change) => change.ruleId === 'lavrov')
    cli(dir, 'reject', first!.id, '--out', 'out')
    expect(cli(dir, 'clean', 'in', '--out', 'out', '--check').status).toBe(0)
    const findings = (report(dir).files[0]!.findings ?? []).filter((finding) => finding.actual === 'Ravorov')
    expect(findings).toEqual([])
    const onCopy = cli(dir, 'check', 'out/a.txt', '--out', 'out', '--format', 'unix')
    expect(onCopy.stdout).not.toContain('Ravorov')
    const onSource = cli(dir, 'check', 'in/a.txt', '--out', 'out', '--format', 'unix')
    // The first Ravorov was rejected; the second (line 2) is still a known variant.
    expect(onSource.stdout).not.toMatch(/in\/a\.txt:1:\d+-1:\d+ .*Ravorov/)
    expect(onSource.stdout).toMatch(/in\/a\.txt:2:1-2:8 .*Ravorov/)
  })

  it('status shows per file what is undecided, accepted, rejected, applied and what to run next', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    expect(cli(dir, 'status', '--out', 'out').stdout).toContain('Next: mtclean review  (4 change(s) to decide)')
    cli(dir, 'reject', changeOf(dir, 'lavrov').id, '--out', 'out')
    cli(dir, 'accept', '--all', '--out', 'out')
    const status = JSON.parse(cli(dir, 'status', '--out', 'out', '--format', 'json').stdout)
    expect(status.files).toEqual([
      { file: 'in/a.txt', undecided: 0, accepted: 2, rejected: 1, applied: 0, findings: null, since: null },
      { file: 'in/b.txt', undecided: 0, accepted: 1, rejected: 0, applied: 0, findings: null, since: null },
    ])
    expect(status.next.command).toBe('mtclean apply')
    cli(dir, 'apply', '--out', 'out')
    const after = JSON.parse(cli(dir, 'status', '--out', 'out', '--format', 'json').stdout)
    expect(after.files.map((file: { applied: number; since: string }) => [file.applied, file.since])).toEqual([
      [2, 'applied'],
      [1, 'applied'],
    ])
    writeFileSync(path.join(dir, 'rules/extra.yaml'), 'entities:\n  - id: zz\n    canonical: Zz\n    category: term\n    variants: [Zzz]\n')
    expect(JSON.parse(cli(dir, 'status', '--out', 'out', '--format', 'json').stdout)).toMatchObject({ rulesChanged: true, next: { command: 'mtclean clean' } })
  })

  it('without paths, commands take the inputs of the last run; outside a project, a bare clean says what to do', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    writeFileSync(path.join(dir, 'in/a.txt'), 'Ravorov again.\n')
    expect(cli(dir, 'clean', '--out', 'out').status).toBe(0)
    expect(text(dir, 'out/a.txt')).toBe('Lavrov again.\n')
    const empty = mkdtempSync(path.join(os.tmpdir(), 'mtclean-empty-'))
    expect(runCliIn(empty, ['clean'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^mtclean: name the files or folders to work on/) })
  })
})

const runCliIn = (cwd: string, args: string[]) => runCli(args, cwd)

describe('apply writes only what a person accepted, only where it should', () => {
  function accepted(): string {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    cli(dir, 'accept', '--all', '--out', 'out')
    return dir
  }
  const tamper = (dir: string, edit: (report: ReportShape) => void): void => {
    const data = report(dir)
    edit(data)
    writeFileSync(path.join(dir, 'out/report.json'), JSON.stringify(data, null, 2))
  }

  it('refuses an absolute path or one that leaves the folder the report was made in', () => {
    const dir = accepted()
    const outside = mkdtempSync(path.join(os.tmpdir(), 'mtclean-outside-'))
    writeFileSync(path.join(outside, 'x.txt'), A)
    tamper(dir, (data) => {
      // (report.json leaves out a copy's place that the path gives: kept here, so only the path is tampered with.)
      data.files[0]!.copy = 'a.txt'
      data.files[1]!.copy = 'b.txt'
      data.files[0]!.path = path.join(outside, 'x.txt')
      data.files[1]!.path = `../${path.basename(outside)}/x.txt`
    })
    const result = cli(dir, 'apply', '--out', 'out')
    expect(result.status).toBe(1)
    expect(result.stderr.split('\n')[0]).toMatch(/^out\/report\.json: ".*x\.txt" is not a path inside the folder the report was made in: refused$/)
    expect(readFileSync(path.join(outside, 'x.txt'), 'utf8')).toBe(A)
  })

  it('refuses a change whose offsets no longer hold its text', () => {
    const dir = accepted()
    tamper(dir, (data) => {
      for (const change of data.files[0]!.changes) {
        change.start += 3
        change.end += 3
      }
    })
    const result = cli(dir, 'apply', '--out', 'out')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^in\/a\.txt: change \w+ \(lavrov: "Ravorov" → "Lavrov"\) not applied: the text there changed/m)
    expect(text(dir, 'in/a.txt')).toBe(A)
  })

  it('refuses a tampered report that is not a report', () => {
    const dir = accepted()
    writeFileSync(path.join(dir, 'out/report.json'), '{}')
    expect(cli(dir, 'apply', '--out', 'out')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^out\/report\.json: not a report of mtclean/) })
    writeFileSync(path.join(dir, 'out/decisions.json'), 'null')
    expect(cli(dir, 'status', '--out', 'out').status).toBe(2)
  })

  for (const mode of [0o600, 0o755]) {
    it(`keeps the source's mode ${mode.toString(8)}`, () => {
      const dir = accepted()
      chmodSync(path.join(dir, 'in/a.txt'), mode)
      expect(cli(dir, 'apply', '--out', 'out').status).toBe(0)
      expect(statSync(path.join(dir, 'in/a.txt')).mode & 0o777).toBe(mode)
      expect(text(dir, 'in/a.txt')).toContain('Lavrov met')
    })
  }

  it('refuses a read-only (0444) source', () => {
    const dir = accepted()
    chmodSync(path.join(dir, 'in/a.txt'), 0o444)
    const result = cli(dir, 'apply', '--out', 'out')
    expect(result.status).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe('in/a.txt: read-only: not changed (make it writable to apply)')
    expect(text(dir, 'in/a.txt')).toBe(A)
    expect(statSync(path.join(dir, 'in/a.txt')).mode & 0o777).toBe(0o444)
  })

  it('writes a symlinked source through to its target and keeps the link; refuses a link that leads outside', () => {
    const dir = project()
    mkdirSync(path.join(dir, 'store'))
    writeFileSync(path.join(dir, 'store/a.txt'), A)
    const outside = mkdtempSync(path.join(os.tmpdir(), 'mtclean-outside-'))
    writeFileSync(path.join(outside, 'b.txt'), B)
    rmSync(path.join(dir, 'in/a.txt'))
    rmSync(path.join(dir, 'in/b.txt'))
    symlinkSync('../store/a.txt', path.join(dir, 'in/a.txt'))
    symlinkSync(path.join(outside, 'b.txt'), path.join(dir, 'in/b.txt'))
    cli(dir, 'clean', 'in', '--out', 'out')
    cli(dir, 'accept', '--all', '--out', 'out')
    const result = cli(dir, 'apply', '--out', 'out')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('in/b.txt: a link to a file outside the folder the report was made in: not changed\n')
    expect(lstatSync(path.join(dir, 'in/a.txt')).isSymbolicLink()).toBe(true)
    expect(text(dir, 'store/a.txt')).toContain('Lavrov met')
    expect(readFileSync(path.join(outside, 'b.txt'), 'utf8')).toBe(B)
  })

  it('refuses a source with another hard link', () => {
    const dir = accepted()
    linkSync(path.join(dir, 'in/a.txt'), path.join(dir, 'a-link.txt'))
    const result = cli(dir, 'apply', '--out', 'out')
    expect(result.stderr).toContain('in/a.txt: has 2 hard links: writing it would split them; not changed\n')
    expect(text(dir, 'a-link.txt')).toBe(A)
  })

  it('--backup never overwrites a backup and never writes through a link', () => {
    const dir = accepted()
    writeFileSync(path.join(dir, 'in/a.txt.orig'), 'an older backup\n')
    const victim = path.join(dir, 'victim.txt')
    writeFileSync(victim, 'not a backup\n')
    symlinkSync(victim, path.join(dir, 'in/b.txt.orig'))
    expect(cli(dir, 'apply', '--out', 'out', '--backup').status).toBe(0)
    expect(text(dir, 'in/a.txt.orig')).toBe('an older backup\n')
    expect(text(dir, 'in/a.txt.orig.1')).toBe(A)
    expect(readFileSync(victim, 'utf8')).toBe('not a backup\n')
    expect(text(dir, 'in/b.txt.orig.1')).toBe(B)
  })

  it('refuses an input whose copy would take the name of one of its own files', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'decisions.json'), '{}')
    expect(cli(dir, 'clean', 'decisions.json', '--out', 'out')).toMatchObject({
      status: 2,
      stderr: "decisions.json: its cleaned copy would replace mtclean's own decisions.json in the output folder: rename it or put it in a subfolder\n",
    })
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
    // report.html's pieces folder is mtclean's too.
    mkdirSync(path.join(dir, 'texts/report-files'), { recursive: true })
    writeFileSync(path.join(dir, 'texts/report-files/0.txt'), A)
    expect(cli(dir, 'clean', 'texts', '--out', 'out')).toMatchObject({
      status: 2,
      stderr:
        "texts/report-files/0.txt: its cleaned copy would replace mtclean's own report-files/0.txt in the output folder: rename it or put it in a subfolder\n",
    })
  })

  it('accept --file takes the path as the user writes it (./in/a.txt, or from another folder)', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    expect(cli(dir, 'accept', '--file', './in/a.txt', '--out', 'out')).toMatchObject({
      status: 0,
      stderr: expect.stringMatching(/^mtclean: 3 change\(s\) accepted/),
    })
    expect(runCliIn(path.join(dir, 'in'), ['reject', '--file', 'b.txt', '--out', '../out'])).toMatchObject({
      status: 0,
      stderr: expect.stringMatching(/^mtclean: 1 change\(s\) rejected/),
    })
  })

  it('accept and reject say when an id prefix is too short', () => {
    const dir = project()
    cli(dir, 'clean', 'in', '--out', 'out')
    const id = changeOf(dir, 'lavrov').id
    expect(cli(dir, 'accept', id.slice(0, 4), '--out', 'out')).toMatchObject({
      status: 2,
      stderr: `${id.slice(0, 4)}: id prefix too short: give 6 characters or more\n`,
    })
  })
})

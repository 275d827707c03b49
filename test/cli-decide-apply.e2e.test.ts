import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from './helpers/project.js'

interface ReportChange {
  id: string
  ruleId: string
  before: string
  after: string
  decision: string
}
const reportOf = (dir: string): { files: { path: string; changes: ReportChange[]; skipped: (ReportChange & { reason: string })[] }[] } =>
  JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
const seed = (dir: string, name: string): string => readFileSync(path.join(dir, 'seeds', name), 'utf8')
const FIRST = '000_8f9708c4ec4fda24.txt'

describe('mtclean accept / reject (end to end)', () => {
  it('records decisions that the next clean honours: rejected never applied and listed, accepted applied', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean'], dir)
    const lavrov = reportOf(dir).files[0]!.changes.find((change) => change.ruleId === 'lavrov')!
    expect(runCli(['reject', lavrov.id], dir)).toMatchObject({
      status: 0,
      stderr: 'mtclean: 1 change(s) rejected; `mtclean apply` writes the accepted ones into the sources, `mtclean clean` updates the copies\n',
    })
    expect(runCli(['accept', '--rule', 'sullivan'], dir).status).toBe(0)
    expect(runCli(['clean', '--report', 'md'], dir).status).toBe(0)

    const report = reportOf(dir)
    expect(report.files[0]!.skipped.filter((skip) => skip.reason === 'rejected').map((skip) => skip.id)).toEqual([lavrov.id])
    expect(report.files[0]!.changes.filter((change) => change.ruleId === 'sullivan').map((change) => change.decision)).toEqual(['accepted', 'accepted'])
    // An undecided change has no decision in report.json.
    expect(report.files[0]!.changes.find((change) => change.ruleId === 'hyphen-space')!.decision).toBeUndefined()
    const cleaned = readFileSync(path.join(dir, 'cleaned', FIRST), 'utf8')
    expect(cleaned).toContain('Russian Foreign Minister Ravorov said')
    expect(cleaned).not.toContain('Shalv')
    expect(readFileSync(path.join(dir, 'cleaned/report.md'), 'utf8')).toContain(`| rejected | ${lavrov.id} |`)
  })

  it('--only-accepted applies accepted changes only', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean'], dir)
    runCli(['accept', '--rule', 'lavrov'], dir)
    runCli(['clean', '--only-accepted'], dir)
    const report = reportOf(dir)
    expect(report.files.flatMap((file) => file.changes.map((change) => change.ruleId))).toEqual(['lavrov', 'lavrov'])
    expect(readFileSync(path.join(dir, 'cleaned', FIRST), 'utf8')).toContain('China -Russia')
  })

  it('accepts a unique id prefix and refuses unknown ids, an empty selection and a missing report with exit 2', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['accept', 'abcdef123456'], dir)).toMatchObject({
      status: 2,
      stderr: 'cleaned/report.json: no report: run `mtclean clean` first (or name its --out folder)\n',
    })
    runCli(['clean'], dir)
    const id = reportOf(dir).files[0]!.changes[0]!.id
    expect(runCli(['accept', id.slice(0, 7)], dir).status).toBe(0)
    expect(JSON.parse(readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')).decisions[id].decision).toBe('accepted')
    expect(runCli(['reject', 'nosuchid'], dir)).toMatchObject({ status: 2, stderr: 'nosuchid: no change with this id in the report\n' })
    expect(runCli(['reject'], dir).status).toBe(2)
  })
})

describe('mtclean apply (end to end)', () => {
  it('writes only accepted changes into the sources, keeps a backup, leaves files with rejected changes untouched', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean'], dir)
    const original = seed(dir, FIRST)
    const second = seed(dir, '001_d702a5174758cb34.txt')
    runCli(['accept', '--file', `seeds/${FIRST}`], dir)
    const lavrov = reportOf(dir).files[0]!.changes.find((change) => change.ruleId === 'lavrov')!
    runCli(['reject', lavrov.id], dir)
    runCli(['reject', '--file', 'seeds/001_d702a5174758cb34.txt'], dir)
    runCli(['clean'], dir)
    const result = runCli(['apply', '--backup'], dir)
    expect(result).toMatchObject({ status: 0 })
    expect(result.stderr).toMatch(/^mtclean: applied \d+ accepted change\(s\) to 1 file\(s\)\n$/)
    const applied = seed(dir, FIRST)
    expect(applied).toContain('China-Russia head')
    expect(applied).toContain('Russian Foreign Minister Ravorov said')
    expect(readFileSync(path.join(dir, 'seeds', `${FIRST}.orig`), 'utf8')).toBe(original)
    expect(seed(dir, '001_d702a5174758cb34.txt')).toBe(second)
    expect(existsSync(path.join(dir, 'seeds/001_d702a5174758cb34.txt.orig'))).toBe(false)
  })

  it('leaves a file edited since the run where its changes no longer fit, names each, and exits 1', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean'], dir)
    runCli(['accept', '--all'], dir)
    runCli(['clean'], dir)
    const edited = `A line added by hand.\n${seed(dir, FIRST)}`
    writeFileSync(path.join(dir, 'seeds', FIRST), edited)
    const result = runCli(['apply'], dir)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(
      new RegExp(
        `^seeds/${FIRST}: change \\w+ \\(lavrov: "Ravorov" → "Lavrov"\\) not applied: the text there changed since \`mtclean clean\`: run it again and review$`,
        'm',
      ),
    )
    expect(seed(dir, FIRST)).toBe(edited)
    expect(seed(dir, '002_1662351705a9b550.txt')).not.toContain('Culba')
  })
})

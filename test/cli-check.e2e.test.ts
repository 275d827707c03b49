import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT, runCli, tempProject } from './helpers/project.js'

/** docs/checks.md of this package, as a relative URL from `folder` (where the output is read). */
const checksDocsFrom = (folder: string): string => path.relative(folder, path.join(PROJECT, 'docs/checks.md')).split(path.sep).join('/')

describe('mtclean check (end to end, real binary)', () => {
  it('reports the seeds as vfile-reporter-json and exits 1', () => {
    const dir = tempProject('seeds', 'rules')
    const result = runCli(['check', 'seeds', '--format', 'json'], dir)
    expect(result.status).toBe(1)
    const files = JSON.parse(result.stdout) as { path: string; messages: { ruleId: string; source: string; url: string; line: number; column: number }[] }[]
    expect(files.map((file) => file.path)).toEqual([
      'seeds/000_8f9708c4ec4fda24.txt',
      'seeds/001_d702a5174758cb34.txt',
      'seeds/002_1662351705a9b550.txt',
      'seeds/003_20a4d5e7382ff51f.txt',
      'seeds/004_ff1bc3d9e05ffa66.txt',
    ])
    const messages = files.flatMap((file) => file.messages)
    expect(messages.every((message) => message.source === 'mtclean' && message.url === `${checksDocsFrom(dir)}#${message.ruleId}`)).toBe(true)
    expect(new Set(messages.map((message) => message.ruleId))).toEqual(
      new Set(['missing-space', 'repeated-phrase', 'fragment', 'run-together', 'known-variant', 'space-before-punctuation', 'mt-artifact', 'repeated-word']),
    )
    expect(files[4]!.messages.length).toBeLessThanOrEqual(1)
    expect(result.stderr).toMatch(/^mtclean: 5 file\(s\) checked, \d+ problem\(s\)\n$/)
  })

  it('prints vfile-reporter text by default and one line per message with --format unix', () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in/a.txt'), 'He met Lavroff in Beijing.Patrueshev said so.\n')
    const text = runCli(['check', 'in'], dir)
    expect(text.status).toBe(1)
    expect(text.stdout).toMatch(/^in\/a\.txt\n\s*1:8-1:15\s+warning\s+`Lavroff` is not a known word: possibly Lavrov \(sound\)\s+suspect-name\s+mtclean\n/)
    const unix = runCli(['check', 'in', '--format', 'unix'], dir)
    expect(unix.stdout.split('\n')[0]).toBe('in/a.txt:1:8-1:15  warning  `Lavroff` is not a known word: possibly Lavrov (sound)  suspect-name  mtclean')
  })

  it('exits 0 and prints nothing on stdout for a clean text', () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in/a.txt'), 'Wang Yi met Lavrov in Moscow on Monday. The talks went well.\n')
    const result = runCli(['check', 'in'], dir)
    expect(result.stdout).toBe('')
    expect(result.status).toBe(0)
  })

  it('rejects an unknown format with exit 2', () => {
    const dir = tempProject('seeds', 'rules')
    const result = runCli(['check', '--format', 'xml'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/error: option '-f, --format <format>' argument 'xml' is invalid/)
  })

  it('clean --check lists the open findings of each cleaned copy in report.json (and clean alone does not)', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['clean'], dir).status).toBe(0)
    const unchecked = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
    expect(unchecked.summary.findings).toBe(0)
    expect(runCli(['clean', '--check'], dir).status).toBe(0)
    const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
    const first = report.files[0].findings.find((finding: { ruleId: string }) => finding.ruleId === 'run-together')
    expect(first).toMatchObject({ ruleId: 'run-together', actual: 'promotionThe', expected: ['promotion. The', 'promotion The'] })
    // The link to the check's description is made by the views, from where they are read.
    expect(first.url).toBeUndefined()
    expect(runCli(['report', '--format', 'md'], dir).stdout).toContain(`[run-together](${checksDocsFrom(path.join(dir, 'cleaned'))}#run-together)`)
    expect(report.files.flatMap((file: { findings?: { ruleId: string }[] }) => (file.findings ?? []).map((finding) => finding.ruleId))).not.toContain(
      'known-variant',
    )
  })
})

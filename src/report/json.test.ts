import { describe, expect, it } from 'vitest'
import { jsonFileEntry, jsonFrame } from './json.js'
import type { Report, ReportedFile } from './report.js'

const file = (name: string): ReportedFile => ({
  path: `in/${name}`,
  copy: name,
  sourceHash: 'ab'.repeat(32),
  output: `out/${name}`,
  changes: [],
  skipped: [],
  findings: [{ ruleId: 'fragment', reason: 'A "fragment"\nhere', line: 1, column: 2, endLine: 1, endColumn: 5, actual: 'x', expected: ['y'], url: 'u' }],
})

const rest: Omit<Report, 'files'> = {
  run: { base: '..', inputs: ['in'], rules: null, rulesHash: 'cd'.repeat(32), checked: true },
  summary: { files: 2, changedFiles: 0, changes: 0, accepted: 0, rejected: 0, skipped: 0, findings: 2, failed: 1, rulesFired: 0 },
  rules: [{ ruleId: 'lavrov', category: 'person', rule: 'rules/people.yaml:3:5', count: 1 }],
  failures: [{ path: 'in/bad.txt', error: 'not valid UTF-8' }],
}

/** The report as the streaming writer assembles it. */
function streamed(files: ReportedFile[]): string {
  const { head, tail } = jsonFrame(rest, files.length)
  return head + files.map(jsonFileEntry).join(',\n') + tail
}

describe('report.json written a file at a time', () => {
  for (const count of [0, 1, 3]) {
    it(`is exactly JSON.stringify(report, null, 2) with ${count} file(s)`, () => {
      const files = Array.from({ length: count }, (_, index) => file(`f${index}.txt`))
      const whole = `${JSON.stringify({ run: rest.run, summary: rest.summary, rules: rest.rules, files, failures: rest.failures }, null, 2)}\n`
      expect(streamed(files)).toBe(whole)
    })
  }
})

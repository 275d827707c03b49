import { describe, expect, it } from 'vitest'
import { jsonFileEntry, jsonFrame, jsonReport } from './json.js'
import { derivedCopy, REPORT_VERSION, type StoredFile, type StoredReport } from './stored.js'

const file = (name: string): StoredFile => ({
  path: `in/${name}`,
  copy: name,
  sourceHash: 'ab'.repeat(32),
  changes: [{ id: 'abcdef123456', ruleId: 'lavrov', start: 0, end: 7, before: 'Ravorov', after: 'Lavrov' }],
  findings: [{ ruleId: 'fragment', reason: 'A "fragment"\nhere', line: 1, column: 2, endLine: 1, endColumn: 5, actual: 'x', expected: ['y'] }],
})

const rest: Omit<StoredReport, 'files' | 'version'> = {
  run: { base: '..', inputs: ['in'], rules: null, rulesHash: 'cd'.repeat(32), checked: true },
  summary: { files: 2, changedFiles: 0, changes: 0, accepted: 0, rejected: 0, skipped: 0, findings: 2, failed: 1, rulesFired: 0 },
  rules: [{ ruleId: 'lavrov', category: 'person', rule: 'rules/people.yaml:3:5', count: 1 }],
  failures: [{ path: 'in/bad.txt', error: 'not valid UTF-8' }],
}

/** The report as the streaming writer assembles it. */
function streamed(files: StoredFile[]): string {
  const { head, tail } = jsonFrame(rest, files.length)
  return head + files.map((each) => jsonFileEntry(each, rest.run.inputs)).join(',\n') + tail
}

describe('report.json written a file at a time', () => {
  for (const count of [0, 1, 3]) {
    it(`parses to the whole report, one line per file, with ${count} file(s)`, () => {
      const files = Array.from({ length: count }, (_, index) => file(`f${index}.txt`))
      const text = streamed(files)
      // A copy's place that the inputs give (in/f0.txt → f0.txt) is left out.
      expect(JSON.parse(text)).toEqual({ version: REPORT_VERSION, ...rest, files: files.map(({ copy: _copy, ...entry }) => entry) })
      expect(text.split('\n').filter((line) => line.startsWith('    {"path":'))).toHaveLength(count)
      expect(jsonReport({ version: REPORT_VERSION, ...rest, files })).toBe(text)
    })
  }
})

describe("derivedCopy: where clean puts a copy, from the run's inputs", () => {
  it('below the first input folder that holds the file, or by name for a file given as an input', () => {
    expect(derivedCopy('corpus/00/a.txt', ['corpus'])).toBe('00/a.txt')
    expect(derivedCopy('corpus/00/a.txt', ['corpus/00', 'corpus'])).toBe('a.txt')
    expect(derivedCopy('corpus/00/a.txt', ['corpus/00/a.txt'])).toBe('a.txt')
    expect(derivedCopy('a.txt', ['.'])).toBe('a.txt')
    expect(derivedCopy('../elsewhere/a.txt', ['.'])).toBeUndefined()
    // "corpus2" is not inside "corpus".
    expect(derivedCopy('corpus2/a.txt', ['corpus'])).toBeUndefined()
  })
})

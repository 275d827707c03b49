import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { escapeGithubData, escapeGithubProperty, githubLines, sarifDocument, sarifResults } from './ci-formats.js'
import { DiagnosticsStream, formatFileDiagnostics } from './diagnostics.js'

function fileWith(path: string, reason: string): VFile {
  const file = new VFile({ path, value: 'Ravorov met Asia Danian.' })
  const message = file.message(reason, {
    place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 8, offset: 7 } },
    ruleId: 'known-variant',
    source: 'mtclean',
  })
  message.fatal = false
  return file
}

describe('GitHub workflow commands', () => {
  it('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeGithubData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d')
    expect(escapeGithubProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A')
  })

  it('writes one ::warning line per message, with the range and the rule as title', () => {
    const lines = githubLines(fileWith('news/a,b.txt', 'line one\nline two: 100%'))
    expect(lines).toBe('::warning file=news/a%2Cb.txt,line=1,col=1,endLine=1,endColumn=8,title=known-variant::line one%0Aline two: 100%25\n')
  })

  it('shows control characters of the text visibly, never raw', () => {
    const lines = githubLines(fileWith('a\u001b[2J.txt', 'bad \u001b[31m'))
    expect(lines).not.toContain('\u001b')
    expect(lines).toContain('file=a\\u001b[2J.txt')
    expect(lines).toContain('::bad \\u001b[31m')
  })
})

describe('SARIF', () => {
  it('gives each result its rule, level, message and a relative location', () => {
    const [result] = sarifResults(fileWith('news/a b.txt', 'a reason'))
    expect(result).toEqual({
      ruleId: 'known-variant',
      level: 'warning',
      message: { text: 'a reason' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'news/a%20b.txt' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 8 } } }],
    })
  })

  it('joins the files of a run into one SARIF 2.1.0 run listing only the rules that fired', () => {
    let out = ''
    const stream = new DiagnosticsStream(
      'sarif',
      (text) => (out += text),
      (id) => ({ id, shortDescription: { text: `about ${id}` } }),
    )
    stream.add(formatFileDiagnostics(fileWith('a.txt', 'one'), 'sarif'))
    stream.add(formatFileDiagnostics(new VFile({ path: 'b.txt', value: '' }), 'sarif'))
    stream.add(formatFileDiagnostics(fileWith('c.txt', 'two'), 'sarif'))
    stream.end()
    const log = JSON.parse(out) as {
      version: string
      $schema: string
      runs: { tool: { driver: { name: string; rules: unknown[] } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[]
    }
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/sarif-2\.1\.0/)
    expect(log.runs).toHaveLength(1)
    expect(log.runs[0]!.tool.driver.name).toBe('mtclean')
    expect(log.runs[0]!.tool.driver.rules).toEqual([{ id: 'known-variant', shortDescription: { text: 'about known-variant' } }])
    expect(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['a.txt', 'c.txt'])
  })

  it('writes an empty run when nothing is found', () => {
    const document = sarifDocument([], (id) => ({ id })) as { runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[] }
    expect(document.runs[0]!.results).toEqual([])
    expect(document.runs[0]!.tool.driver.rules).toEqual([])
  })
})

describe('the text format with colour', () => {
  it("keeps the reporter's escapes and shows the file's own control characters visibly", () => {
    const out = formatFileDiagnostics(fileWith('a\u001b[2J.txt', 'bad \u001b]0;title\u0007'), 'text', { color: true })
    expect(out).toContain('\u001b[33m') // the reporter's yellow "warning"
    expect(out).toContain('a\\u001b[2J.txt')
    expect(out).toContain('bad \\u001b]0;title\\u0007')
    expect(out).not.toContain('\u001b[2J')
    expect(out).not.toContain('\u0007')
  })
})

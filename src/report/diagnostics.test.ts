import stringWidth from 'string-width'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { formatFileDiagnostics, terminalWidth } from './diagnostics.js'

// Messages as the checks write them on a seed sentence: one short, one long (a rule's place), one with Chinese.
function checkedFile(): VFile {
  const file = new VFile({ value: 'Ravorov met Asia Danian in Beijing.Patrushev said 拉夫罗夫 agreed.', path: 'in/a.txt' })
  file.message('Missing space after `.`', {
    place: { start: { line: 1, column: 28 }, end: { line: 1, column: 45 } },
    ruleId: 'missing-space',
    source: 'mtclean',
  })
  file.message('`Asia Danian` is a known variant of `ASEAN`: fixable by rule asean (node_modules/mtclean/rules/organisations.yaml:60:5)', {
    place: { start: { line: 1, column: 13 }, end: { line: 1, column: 24 } },
    ruleId: 'known-variant',
    source: 'mtclean',
  })
  file.message('Chinese left untranslated: `拉夫罗夫`, `拉夫罗夫`, `拉夫罗夫`, `拉夫罗夫`, `拉夫罗夫` (a name, a quote or a title to translate)', {
    place: { start: { line: 1, column: 51 }, end: { line: 1, column: 55 } },
    ruleId: 'untranslated',
    source: 'mtclean',
  })
  for (const message of file.messages) message.fatal = false
  return file
}

describe('the text format at a terminal', () => {
  it('fits every line into the terminal, the reason wrapped under its column, nothing lost', () => {
    const text = formatFileDiagnostics(checkedFile(), 'text', { width: 72 })
    const lines = text.trimEnd().split('\n')
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(72)
    const column = lines[1]!.indexOf('`Asia Danian`')
    expect(lines[1]).toMatch(/^1:13-1:24 warning `Asia Danian` is a known variant.* known-variant +mtclean$/)
    expect(lines[2]!.slice(0, column)).toBe(' '.repeat(column))
    // Read back without the white space the wrapping adds, every reason is whole.
    const squeezed = text.replace(/ (known-variant|missing-space|untranslated) +mtclean$/gm, '').replace(/\s+/g, '')
    for (const message of checkedFile().messages) expect(squeezed).toContain(message.reason.replace(/\s+/g, ''))
    expect(lines.some((line) => line.includes('missing-space'))).toBe(true)
  })

  it('is one line per message into a pipe or a file (no width): as vfile-reporter writes it', () => {
    const lines = formatFileDiagnostics(checkedFile(), 'text').trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[2]).toMatch(/^1:28-1:45 +warning Missing space after `\.` +missing-space mtclean$/)
  })

  it('takes the width only from a terminal that knows its size', () => {
    expect(terminalWidth({ isTTY: true, columns: 100 })).toBe(100)
    expect(terminalWidth({ isTTY: true, columns: 0 })).toBeUndefined()
    expect(terminalWidth({ isTTY: false, columns: 100 })).toBeUndefined()
    expect(terminalWidth({})).toBeUndefined()
  })
})

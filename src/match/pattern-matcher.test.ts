import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PatternRule } from '../model/rule.js'
import { compilePatternRegExp, countCaptureGroups, expandTemplate, PatternMatcher, templateGroupReferences } from './pattern-matcher.js'

const patternRule = (source: string, replace: string, extra: Partial<PatternRule> = {}): PatternRule => ({
  kind: 'pattern',
  id: 'p',
  category: 'spacing',
  pattern: source,
  replace,
  ignoreCase: false,
  context: {},
  location: { file: 'rules/x.yaml', line: 1, column: 1 },
  order: 0,
  examples: [],
  ...extra,
})
const pattern = (source: string, replace: string, extra: Partial<PatternRule> = {}): PatternMatcher => new PatternMatcher(patternRule(source, replace, extra))
/** What a matcher proposes, as `start-end:"before"→"after"`. */
const found = (matcher: PatternMatcher, text: string): string[] =>
  matcher.find(text).map((change) => `${change.start}-${change.end}:${JSON.stringify(change.before)}→${JSON.stringify(change.after)}`)

/** The text with its first match of `regexp` replaced through expandTemplate. */
function replaceOnce(text: string, regexp: RegExp, template: string): string {
  const match = regexp.exec(text)
  if (!match) return text
  return text.slice(0, match.index) + expandTemplate(template, match, text) + text.slice(match.index + match[0].length)
}

describe('expandTemplate', () => {
  const text = 'say China-Russia now'
  const named = /(?<left>\p{L}+)-(\p{L}+)(\d)?/u
  const unnamed = /(\p{L}+)-(\p{L}+)(\d)?/u
  const twelve = /(C)(h)(i)(n)(a)(-)(R)(u)(s)(s)(i)(a)/u

  it('expands each token as String.prototype.replace does', () => {
    const cases: [RegExp, string, string][] = [
      [unnamed, '$2-$1', 'say Russia-China now'],
      [unnamed, '[$3]', 'say [] now'],
      [unnamed, '$$1', 'say $1 now'],
      [unnamed, '$&$&', 'say China-RussiaChina-Russia now'],
      [unnamed, '[$`]', 'say [say ] now'],
      [unnamed, "[$']", 'say [ now] now'],
      [unnamed, '$0 $00 $', 'say $0 $00 $ now'],
      [unnamed, '$01|$02', 'say China|Russia now'],
      [unnamed, '$<left>', 'say $<left> now'],
      [named, '$<left>!', 'say China! now'],
      [named, '[$<none>]', 'say [] now'],
      [named, '$<left', 'say $<left now'],
    ]
    expect(cases.map(([regexp, template]) => replaceOnce(text, regexp, template))).toEqual(cases.map(([, , expected]) => expected))
    expect(cases.map(([regexp, template]) => text.replace(regexp, template))).toEqual(cases.map(([, , expected]) => expected))
  })

  it('reads $12 as group 12 where there is one, else as group 1 followed by "2"', () => {
    expect([replaceOnce(text, twelve, '$12'), text.replace(twelve, '$12')]).toEqual(['say a now', 'say a now'])
    expect([replaceOnce(text, twelve, '$123'), text.replace(twelve, '$123')]).toEqual(['say a3 now', 'say a3 now'])
    expect([replaceOnce(text, unnamed, '$12'), text.replace(unnamed, '$12')]).toEqual(['say China2 now', 'say China2 now'])
    expect([replaceOnce(text, unnamed, '$10'), text.replace(unnamed, '$10')]).toEqual(['say China0 now', 'say China0 now'])
    expect([replaceOnce(text, unnamed, '$45'), text.replace(unnamed, '$45')]).toEqual(['say $45 now', 'say $45 now'])
  })

  it('agrees with String.prototype.replace on any template of tokens and text (property)', () => {
    // A sticky regular expression with a named group, twelve groups in all, some of which never match.
    const source = '(?<word>\\p{L}+)(-)(\\d)?(x)?(y)?(z)?(\\p{L})(b)?(c)?(d)?(e)?(\\p{L}*)'
    const token = fc.constantFrom(
      '$1',
      '$2',
      '$3',
      '$7',
      '$9',
      '$10',
      '$12',
      '$13',
      '$19',
      '$99',
      '$0',
      '$00',
      '$01',
      '$<word>',
      '$<none>',
      '$<',
      '>',
      '$$',
      '$&',
      '$`',
      "$'",
      '$',
    )
    const literal = fc.string({ unit: fc.constantFrom('a', '1', '2', ' ', '<', '>', '$'), maxLength: 3 })
    const template = fc.array(fc.oneof(token, literal), { maxLength: 8 }).map((parts) => parts.join(''))
    const prefix = fc.string({ unit: fc.constantFrom('a', ' ', '-', '1'), maxLength: 4 })
    const core = fc.constantFrom('China-Russia', 'a-1b', 'x-yz', 'É-ü')
    fc.assert(
      fc.property(template, prefix, core, (replacement, before, middle) => {
        const text = `${before}${middle} tail`
        const regexp = new RegExp(source, 'uy')
        regexp.lastIndex = before.length
        const match = regexp.exec(text)
        expect(match?.index).toBe(before.length)
        regexp.lastIndex = before.length
        const viaReplace = text.replace(regexp, replacement)
        const ours = text.slice(0, before.length) + expandTemplate(replacement, match!, text) + text.slice(before.length + match![0].length)
        expect(ours).toBe(viaReplace)
      }),
      { seed: 42, numRuns: 200 },
    )
  })

  it('agrees with String.prototype.replace without named groups, "$<" included (property)', () => {
    const token = fc.constantFrom('$1', '$2', '$3', '$4', '$10', '$12', '$21', '$0', '$01', '$$', '$&', '$`', "$'", '$', '$<', '$<left>', '>')
    const literal = fc.string({ unit: fc.constantFrom('a', '1', ' ', '<', '>', '$'), maxLength: 3 })
    fc.assert(
      fc.property(fc.array(fc.oneof(token, literal), { maxLength: 8 }), (parts) => {
        const replacement = parts.join('')
        expect(replaceOnce(text, unnamed, replacement)).toBe(text.replace(unnamed, replacement))
      }),
      { seed: 42, numRuns: 200 },
    )
  })

  // Regression: without named groups `$<` is plain text and what follows is still read; once kept as written.
  it('expands a group reference inside "$<…>" when the pattern has no named groups', () => {
    expect([replaceOnce(text, unnamed, '$<a$1>'), text.replace(unnamed, '$<a$1>')]).toEqual(['say $<aChina> now', 'say $<aChina> now'])
  })
})

describe('countCaptureGroups', () => {
  it('counts numbered and named groups, not other parentheses', () => {
    expect([
      countCaptureGroups(/(a)(?:b)(?<name>c)/u),
      countCaptureGroups(/[(]\(a\)/u),
      countCaptureGroups(/(?<=(a))b(?=(c))(?!d)/u),
      countCaptureGroups(/((a)(b))|(c)/u),
      countCaptureGroups(/abc/u),
      countCaptureGroups(/(?:)/u),
    ]).toEqual([2, 0, 2, 4, 0, 0])
  })

  it('counts groups of a compiled pattern, global and sticky flags included', () => {
    expect([
      countCaptureGroups(compilePatternRegExp('^(a)+$', false)),
      countCaptureGroups(compilePatternRegExp('(a)(b)', true)),
      countCaptureGroups(/(a)/uy),
    ]).toEqual([1, 2, 1])
  })
})

describe('templateGroupReferences', () => {
  it('lists the group numbers and names a template refers to, in order', () => {
    expect(templateGroupReferences('$1 $<name> $$ $& $12')).toEqual([1, 'name', 12])
  })

  it('reads at most two digits, and no reference in "$$1", "$&", "$`", "$\'" or a lone "$"', () => {
    expect(templateGroupReferences('$123 $01 $0')).toEqual([12, 1, 0])
    expect(templateGroupReferences("$$1 $& $` $' $ x")).toEqual([])
  })
})

describe('PatternMatcher', () => {
  it('proposes one change per match, with groups expanded', () => {
    expect(found(pattern('(\\p{Lu})\\.(\\p{Lu})', '$1. $2'), 'X.Y and A.B')).toEqual(['0-3:"X.Y"→"X. Y"', '8-11:"A.B"→"A. B"'])
  })

  it('keeps lookarounds out of the change', () => {
    expect(found(pattern('(?<=\\p{L}) +-(?=\\p{L})', '-'), 'China -Russia, 10 - 20')).toEqual(['5-7:" -"→"-"'])
  })

  it('hands back its rule as the rule of every change', () => {
    const rule = patternRule('a', 'b')
    expect(new PatternMatcher(rule).find('a')[0]?.rule).toBe(rule)
  })

  it('applies context words as lookarounds: in any case, across whitespace, whole words', () => {
    const matcher = pattern('Xi', 'exercise', { context: { after: ['combat'], notBefore: ['Jinping'] } })
    expect(found(matcher, 'combat Xi, COMBAT\nXi; combat Xi Jinping; noncombat Xi; President Xi; combat, Xi')).toEqual([
      '7-9:"Xi"→"exercise"',
      '18-20:"Xi"→"exercise"',
    ])
  })

  it('applies before and notAfter as lookarounds', () => {
    expect(found(pattern('Xi', 'exercise', { context: { before: ['venue'] } }), 'Xi venue, Xi venues, Xi  VENUE, Xi')).toEqual([
      '0-2:"Xi"→"exercise"',
      '21-23:"Xi"→"exercise"',
    ])
    expect(found(pattern('Xi', 'exercise', { context: { notAfter: ['President', 'Vice President'] } }), 'President Xi, Vice President Xi, the Xi')).toEqual([
      '37-39:"Xi"→"exercise"',
    ])
  })

  it('tests the context before a match once per run of whitespace: a long run stays linear', () => {
    // As a lookbehind tried at every character, `after` scanned back over the whole run each time.
    const spaces = ' '.repeat(300_000)
    expect(found(pattern('x', 'y', { context: { after: ['a'] } }), `a${spaces}x b${spaces}x`)).toEqual(['300001-300002:"x"→"y"'])
    const everySpace = pattern(' ', '_', { context: { notAfter: ['a'] } }).find(`b${spaces}`)
    expect(everySpace).toHaveLength(300_000)
    // The first space follows "a" with no whitespace between: `after` fails there, and holds at every other.
    const afterA = pattern(' ', '_', { context: { after: ['a'] } }).find(`a${spaces}`)
    expect([afterA.length, afterA[0]?.start]).toEqual([299_999, 2])
  })

  it('keeps group numbers when a context is added', () => {
    expect(found(pattern('(X)(i)', '$2$1', { context: { after: ['combat'] } }), 'combat Xi, Xi')).toEqual(['7-9:"Xi"→"iX"'])
  })

  it("reads $` and $' against the whole text", () => {
    expect(found(pattern('a', "$`|$'"), 'xay')).toEqual(['1-2:"a"→"x|y"'])
  })

  it('is Unicode-aware, line-anchored, and case-insensitive on request', () => {
    expect(found(pattern('^ +', ''), 'a\n  b\n c')).toEqual(['2-4:"  "→""', '6-7:" "→""'])
    expect(found(pattern('\\p{L}+', 'W'), 'ü 𠮷')).toEqual(['0-1:"ü"→"W"', '2-4:"𠮷"→"W"'])
    expect(found(pattern('xi', 'exercise', { ignoreCase: true }), 'Xi XI xi')).toEqual(['0-2:"Xi"→"exercise"', '3-5:"XI"→"exercise"', '6-8:"xi"→"exercise"'])
    expect(found(pattern('xi', 'exercise'), 'Xi XI xi')).toEqual(['6-8:"xi"→"exercise"'])
  })

  it('gets past empty matches instead of looping, one code point at a time', () => {
    expect(found(pattern('(?=b)', '|'), 'abab')).toEqual(['1-1:""→"|"', '3-3:""→"|"'])
    expect(found(pattern('x*', '-'), 'ab')).toEqual(['0-0:""→"-"', '1-1:""→"-"', '2-2:""→"-"'])
    expect(found(pattern('(?:)', '|'), '𠮷a')).toEqual(['0-0:""→"|"', '2-2:""→"|"', '3-3:""→"|"'])
    expect(pattern('x*', '-').find('a'.repeat(10_000))).toHaveLength(10_001)
  })

  it('does not propose a match whose replacement is the matched text', () => {
    expect(found(pattern('a', 'a'), 'banana')).toEqual([])
    expect(found(pattern('x*', ''), 'ab')).toEqual([])
    expect(found(pattern('(a)|(b)', '$1$2'), 'ab')).toEqual([])
    expect(found(pattern('a|b', 'a'), 'ab')).toEqual(['1-2:"b"→"a"'])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PatternRule } from '../rules/types.js'
import { countCaptureGroups, expandTemplate, PatternMatcher, templateGroupReferences } from './pattern-matcher.js'

const pattern = (source: string, replace: string, extra: Partial<PatternRule> = {}): PatternMatcher =>
  new PatternMatcher({ kind: 'pattern', id: 'p', category: 'spacing', pattern: source, replace, ignoreCase: false, context: {}, location: { file: 'x', line: 1, column: 1 }, order: 0, examples: [], ...extra })
const found = (matcher: PatternMatcher, text: string): string[] => matcher.find(text).map((change) => `${change.start}-${change.end}:${JSON.stringify(change.before)}→${JSON.stringify(change.after)}`)

describe('pattern matching', () => {
  it('replaces with groups, keeping lookaround context out of the change', () => {
    expect(found(pattern('(?<=\\p{L}) +-(?=\\p{L})', '-'), 'China -Russia, 10 - 20')).toEqual(['5-7:" -"→"-"'])
    expect(found(pattern('(\\p{Lu})\\.(\\p{Lu})', '$1. $2'), 'X.Y')).toEqual(['0-3:"X.Y"→"X. Y"'])
  })

  it('does not report a match that changes nothing, and survives empty matches', () => {
    expect(found(pattern('a', 'a'), 'banana')).toEqual([])
    expect(found(pattern('(?=b)', '|'), 'abab')).toEqual(['1-1:""→"|"', '3-3:""→"|"'])
  })

  it('applies context words as lookarounds', () => {
    expect(found(pattern('Xi', 'exercise', { context: { after: ['combat'] } }), 'combat Xi, President Xi')).toEqual(['7-9:"Xi"→"exercise"'])
  })

  it('counts groups and the groups a template uses', () => {
    expect(countCaptureGroups(/(a)(?:b)(?<name>c)/u)).toBe(2)
    expect(templateGroupReferences('$1 $<name> $$ $& $12')).toEqual([1, 'name', 12])
  })

  it('expands a template exactly as String.prototype.replace does', () => {
    const regexp = /(?<first>\p{L}+)(-)(\d)?(x)?(y)?(z)?(a)?(b)?(c)?(d)?(e)?(f)?/u
    const token = fc.constantFrom('$1', '$2', '$3', '$12', '$10', '$99', '$0', '$<first>', '$<none>', '$$', '$&', '$`', "$'", '$', 'x', ' ', '-')
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), fc.constantFrom('say China-Russia now', 'a-1 b', '-'), (parts, text) => {
        const template = parts.join('')
        const match = regexp.exec(text)
        if (!match) return
        const viaReplace = text.replace(regexp, template)
        const ours = text.slice(0, match.index) + expandTemplate(template, match, text) + text.slice(match.index + match[0].length)
        expect(ours).toBe(viaReplace)
      }),
      { seed: 42, numRuns: 300 },
    )
  })
})

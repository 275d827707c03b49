import { describe, expect, it } from 'vitest'
import { lintRules } from './lint.js'
import { parseRuleSource } from '../rules/load.js'

const lint = (yaml: string, corpus: string[] = []): string[] =>
  lintRules(parseRuleSource(yaml, 'rules/x.yaml').rules, corpus).map(
    (finding) => `${finding.location.line}:${finding.location.column} ${finding.ruleId}: ${finding.message}`,
  )

const lavrov = `
  - id: lavrov
    canonical: Lavrov
    category: person
    variants: [Ravorov]
    examples:
      - {before: Ravorov said, after: Lavrov said}`

describe('rules lint', () => {
  it('reports a pattern that starts with a lookbehind as slow, and not the same pattern with the lookbehind last', () => {
    const pattern = (source: string): string =>
      `patterns:\n  - id: hyphen\n    category: spacing\n    pattern: '${source}'\n    replace: '-'\n    examples: [{before: China -Russia, after: China-Russia}]`
    expect(lint(pattern('(?<=\\p{L}) +-(?=\\p{L})'))).toEqual([
      '2:5 slow-pattern: "hyphen" starts with a lookbehind: put what it consumes first and the lookbehind after it (` +-(?<=\\p{L} +-)`, not `(?<=\\p{L}) +-`)',
    ])
    expect(lint(pattern(' +-(?=\\p{L})(?<=\\p{L} +-)'))).toEqual([])
  })

  it('finds nothing in a sound rule set', () => {
    expect(lint(`entities:${lavrov}`)).toEqual([])
  })

  it('reports what loading refuses (duplicates, cycles) as findings', () => {
    expect(
      lint(
        `entities:${lavrov}\n  - id: back\n    canonical: Ravorov\n    category: person\n    variants: [Rawrov]\n    examples: [{before: Rawrov, after: Ravorov}]`,
      ),
    ).toEqual(['8:5 invalid: canonical form "Ravorov" of "back" is a variant of "lavrov" (rules/x.yaml:5:16): a cycle, cleaning would never settle'])
  })

  it('reports a rule without examples and a context rule without a negative example', () => {
    expect(lint(`entities:\n  - id: x\n    canonical: exercise\n    category: term\n    variants: [{text: Xi, after: combat}]`)).toEqual([
      '2:5 no-examples: "x" has no example that it changes',
      '2:5 no-negative-example: "x" has a context but no example it must leave unchanged',
    ])
  })

  it('reports a rule that always loses to another', () => {
    expect(
      lint(`entities:${lavrov}
  - id: short
    canonical: Moscow
    category: place
    variants: [Mosco]
    examples: [{before: Mosco, after: Moscow}]
patterns:
  - id: long
    category: spacing
    pattern: 'Mosco\\b'
    replace: Moscow
    examples: [{before: Mosco, after: Moscow}]`),
    ).toEqual(['14:5 shadowed: "long" never applies to its own examples: other rules win every overlap'])
  })

  it('reports rules that are not idempotent together', () => {
    expect(
      lint(`patterns:
  - id: a-to-b
    category: term
    pattern: 'a'
    replace: b
    examples: [{before: a, after: b}]
  - id: b-to-c
    category: term
    pattern: 'b'
    replace: c
    examples: [{before: b, after: c}]`),
    ).toEqual([
      '7:5 not-idempotent: rules do not settle: "b-to-c" changes what "a-to-b" (rules/x.yaml:2:5) wrote ("a" → "b" → "c"): a second run would change the text again',
    ])
  })

  it('reports a pattern prone to catastrophic backtracking', () => {
    expect(
      lint(
        `patterns:\n  - id: slow\n    category: spacing\n    pattern: '(a+)+$'\n    replace: ''\n    examples: [{before: aab, after: aab}, {before: aa, after: ''}]`,
      ),
    ).toEqual([expect.stringMatching(/^2:5 invalid: the pattern of "slow" can backtrack catastrophically \(exponential, e\.g\. on "a+/)])
  })

  it('reports rules that never fire in a corpus', () => {
    expect(lint(`entities:${lavrov}`, ['Nothing here.'])).toEqual(['2:5 never-fires: "lavrov" changes nothing in the corpus'])
    expect(lint(`entities:${lavrov}`, ['Ravorov spoke.'])).toEqual([])
  })
})

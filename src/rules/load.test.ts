import { describe, expect, it } from 'vitest'
import { ConfigErrors } from '../errors.js'
import { compileRules } from './compile.js'
import { parseRuleSource } from './load.js'

/** Every problem loading reports, as the one-line messages the CLI prints. */
function problems(yaml: string): string[] {
  try {
    compileRules(parseRuleSource(yaml, 'rules/x.yaml').rules)
    return []
  } catch (error) {
    if (error instanceof ConfigErrors) return error.errors.map((each) => each.format())
    throw error
  }
}

const entity = (fields: string): string => `entities:\n  - id: x\n    canonical: X\n    category: person\n${fields}`

describe('loading and validating rule files', () => {
  it('accepts shorthands: plain-string variants and a single context word', () => {
    const { rules } = parseRuleSource(entity('    variants: [A, {text: B, after: combat}]\n'), 'rules/x.yaml')
    expect(rules[0]).toMatchObject({ variants: [{ text: 'A', context: {} }, { text: 'B', context: { after: ['combat'] } }] })
  })

  it('reports every problem at its line and column', () => {
    expect(problems('entities:\n  - id: x\n    canonical: [oops\n')).toEqual([expect.stringMatching(/^rules\/x\.yaml:4:1: invalid YAML: Flow sequence/)])
    expect(problems(entity('    variants: [A]\n    colour: red\n'))).toEqual(['rules/x.yaml:6:5: unknown key "colour"'])
    expect(problems('entities:\n  - id: x\n    category: person\n    variants: [A]\n')).toEqual(['rules/x.yaml:2:5: missing key "canonical"'])
    expect(problems(entity('    variants: [A]\n').replace('person', 'animal'))).toEqual([
      'rules/x.yaml:4:15: category must be one of: person, organisation, place, term, spacing, artifact',
    ])
    expect(problems(entity('    variants: [""]\n'))).toEqual(['rules/x.yaml:5:16: text must not be empty'])
    expect(problems(entity('    variants: [A, A]\n'))).toEqual(['rules/x.yaml:5:19: duplicate variant "A" (first at rules/x.yaml:5:16)'])
    expect(problems(entity('    variants: [X2, X]\n'))).toEqual(['rules/x.yaml:2:5: canonical form "X" of "x" is its own variant: a cycle, cleaning would never settle'])
    expect(problems(`${entity('    variants: [A]\n')}  - {id: y, canonical: Y, category: person, variants: [A]}\n`)).toEqual([
      'rules/x.yaml:6:56: variant "A" is claimed by "y" and "x" (rules/x.yaml:5:16)',
    ])
    expect(problems(`${entity('    variants: [A]\n')}  - {id: x, canonical: Z, category: person, variants: [B]}\n`)).toEqual([
      'rules/x.yaml:6:5: duplicate rule id "x" (first at rules/x.yaml:2:5)',
    ])
    expect(problems("patterns:\n  - {id: p, category: spacing, pattern: 'a(b', replace: ''}\n")).toEqual([
      expect.stringMatching(/^rules\/x\.yaml:2:5: invalid regular expression in "p": /),
    ])
    expect(problems("patterns:\n  - {id: p, category: spacing, pattern: '(a)', replace: '$3'}\n")).toEqual([
      'rules/x.yaml:2:5: replacement of "p" uses $3 but the pattern has 1 group(s)',
    ])
  })

  it('allows one text under two contexts in one entity', () => {
    expect(problems(entity('    variants: [{text: Xi, after: combat}, {text: Xi, before: venue}]\n'))).toEqual([])
  })
})

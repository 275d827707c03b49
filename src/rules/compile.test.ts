import { describe, expect, it } from 'vitest'
import { compileRules, compileValidated, loadedRulesOf } from './compile.js'
import { parseRuleSource } from './load.js'

const RULES = 'entities:\n  - {id: lavrov, canonical: Lavrov, category: person, variants: [Ravorov]}\n'

describe('compileValidated', () => {
  it('gives back the rule set itself for its own loadedRulesOf, in the same thread', () => {
    const ruleSet = compileRules(parseRuleSource(RULES, 'rules/people.yaml').rules)
    expect(compileValidated(loadedRulesOf(ruleSet))).toBe(ruleSet)
  })

  it('compiles a copy (what a worker thread receives) into a rule set that finds the same changes', () => {
    const ruleSet = compileRules(parseRuleSource(RULES, 'rules/people.yaml').rules)
    const copy = compileValidated(structuredClone(loadedRulesOf(ruleSet)))
    expect(copy).not.toBe(ruleSet)
    expect(copy.entityMatcher.find('Ravorov met Wang Yi.').map((change) => change.after)).toEqual(['Lavrov'])
  })
})

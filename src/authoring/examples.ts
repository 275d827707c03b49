import { cleanText } from '../engine/clean.js'
import type { RuleSet } from '../match/rule-set.js'
import { compileRules } from '../rules/compile.js'
import type { Rule, RuleExample } from '../model/rule.js'

export interface ExampleResult {
  rule: Rule
  example: RuleExample
  expected: string
  actual: string
  passed: boolean
}

/** Runs every rule's inline examples with that rule alone (like prh's specs). */
export function runExamples(ruleSet: Pick<RuleSet, 'rules'>): ExampleResult[] {
  return ruleSet.rules.flatMap((rule) => {
    const alone = compileRules([rule])
    return rule.examples.map((example) => {
      const expected = example.after ?? example.before
      const actual = cleanText(example.before, alone).output
      return { rule, example, expected, actual, passed: actual === expected }
    })
  })
}

/** Whether a rule has a context (on itself or on a variant): such rules need a negative example. */
export function hasContext(rule: Rule): boolean {
  return rule.kind === 'entity' ? rule.variants.some((variant) => Object.keys(variant.context).length > 0) : Object.keys(rule.context).length > 0
}

export const isNegative = (example: RuleExample): boolean => example.after === undefined || example.after === example.before

import { describe, expect, it } from 'vitest'
import { cleanText } from '../src/engine/clean.js'
import { compileRules } from '../src/rules/compile.js'
import type { Rule } from '../src/model/rule.js'
import { projectRuleSet } from './helpers/project.js'

// Every rule's inline examples, run with that rule alone (like prh's specs): `before` must become
// `after`, and an example without `after` must come out unchanged.
const rules = projectRuleSet().rules

const hasContext = (rule: Rule): boolean =>
  rule.kind === 'entity' ? rule.variants.some((variant) => Object.keys(variant.context).length > 0) : Object.keys(rule.context).length > 0

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  const alone = compileRules([rule])

  it('has at least one example that it changes', () => {
    expect(rule.examples.some((example) => example.after !== undefined && example.after !== example.before)).toBe(true)
  })

  if (hasContext(rule) || rule.kind === 'pattern') {
    it('has at least one negative example (text it must leave alone)', () => {
      expect(rule.examples.some((example) => example.after === undefined || example.after === example.before)).toBe(true)
    })
  }

  for (const example of rule.examples) {
    const expected = example.after ?? example.before
    it(`${JSON.stringify(example.before)} → ${example.after === undefined ? 'unchanged' : JSON.stringify(expected)}`, () => {
      expect(cleanText(example.before, alone).output).toBe(expected)
    })
  }
})

import { applyChanges } from '../apply/apply.js'
import { cleanText } from '../engine/clean.js'
import { type ConfigError, ConfigErrors, type SourceLocation } from '../model/errors.js'
import { findChanges } from '../match/index.js'
import { compileRules } from '../rules/compile.js'
import { hasContext, isNegative } from './examples.js'
import type { Rule } from '../model/rule.js'
import { unsettledRules } from '../rules/settle.js'
import { validateRules } from '../rules/validate.js'

/** One lint finding, at a place in a rule file. */
export interface LintFinding {
  ruleId: string
  location: SourceLocation
  message: string
}

/** The lint checks, one table: their ids are what `rules lint` reports. */
export const LINT_CHECKS = {
  invalid: 'what loading refuses: duplicates, cycles, regexes that do not compile, match the empty string or backtrack for too long',
  'no-examples': 'a rule without an example it changes',
  'no-negative-example': 'a rule with a context but no example it must leave alone',
  shadowed: 'a rule whose own example is always beaten by another rule',
  'not-idempotent': 'rules that, together, change their own output again (loading refuses them: see settle.ts)',
  'never-fires': 'a rule that changes nothing in the given corpus',
  'slow-pattern': 'a pattern that starts with a lookbehind, tried at every character of the text',
} as const
export type LintCheck = keyof typeof LINT_CHECKS

const at = (check: LintCheck, location: SourceLocation, message: string): LintFinding => ({ ruleId: check, location, message })

/** Lints a rule set: what loading validates (ReDoS included), plus examples, shadowing, idempotency and (given a corpus) rules that never fire. */
export function lintRules(rules: Rule[], corpus: string[] = []): LintFinding[] {
  const findings: LintFinding[] = []
  try {
    validateRules(rules)
  } catch (error) {
    if (!(error instanceof ConfigErrors)) throw error
    return error.errors.map((each: ConfigError) => at('invalid', { file: each.file, line: each.line ?? 1, column: each.column ?? 1 }, each.message))
  }
  const ruleSet = compileRules(rules)

  for (const rule of rules) {
    // V8 cannot skip ahead to where a match may start when the pattern opens with a lookbehind (measured:
    // ` +-(?<=\p{L} +-)` runs 13 times faster than `(?<=\p{L}) +-`).
    if (rule.kind === 'pattern' && /^\(\?<[=!]/u.test(rule.pattern)) {
      findings.push(
        at(
          'slow-pattern',
          rule.location,
          `"${rule.id}" starts with a lookbehind: put what it consumes first and the lookbehind after it (\` +-(?<=\\p{L} +-)\`, not \`(?<=\\p{L}) +-\`)`,
        ),
      )
    }
    const positives = rule.examples.filter((example) => !isNegative(example))
    if (positives.length === 0) findings.push(at('no-examples', rule.location, `"${rule.id}" has no example that it changes`))
    if (hasContext(rule) && !rule.examples.some(isNegative)) {
      findings.push(at('no-negative-example', rule.location, `"${rule.id}" has a context but no example it must leave unchanged`))
    }
    // Shadowed: in the whole rule set, none of the rule's own examples gets its change.
    if (positives.length > 0) {
      const wins = positives.some((example) =>
        applyChanges(example.before, findChanges(example.before, ruleSet).changes).applied.some((change) => change.rule.id === rule.id),
      )
      if (!wins) findings.push(at('shadowed', rule.location, `"${rule.id}" never applies to its own examples: other rules win every overlap`))
    }
  }
  // Idempotency: the check loading makes, on the rule set's own texts (examples included).
  for (const error of unsettledRules(ruleSet))
    findings.push(at('not-idempotent', { file: error.file, line: error.line ?? 1, column: error.column ?? 1 }, error.message))

  if (corpus.length > 0) {
    const fired = new Set<string>()
    for (const text of corpus) for (const change of cleanText(text, ruleSet).applied) fired.add(change.rule.id)
    for (const rule of rules) if (!fired.has(rule.id)) findings.push(at('never-fires', rule.location, `"${rule.id}" changes nothing in the corpus`))
  }
  return findings.sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column)
}

import type { Command } from 'commander'
import { registerRulesAdd } from './rules-add.js'
import { registerRulesLint } from './rules-lint.js'
import { registerRulesList } from './rules-list.js'
import { registerRulesTest } from './rules-test.js'

/** `mtclean rules …`: keep the rule set (add, test, lint, list). */
export function registerRules(program: Command): void {
  const rules = program.command('rules').description('keep the rule set: add, test, lint, list')
  registerRulesAdd(rules)
  registerRulesTest(rules)
  registerRulesLint(rules)
  registerRulesList(rules)
}

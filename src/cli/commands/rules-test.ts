import type { Command } from 'commander'
import pc from 'picocolors'
import { formatLocation } from '../../model/errors.js'
import { runExamples } from '../../authoring/examples.js'
import { loadRuleSet, rulePathsOf } from '../../rules/load.js'
import { EXIT } from '../../model/exit-codes.js'
import { RULES_OPTION } from '../inputs.js'

export function registerRulesTest(rules: Command): void {
  rules
    .command('test')
    .description("run every rule's inline examples, each with its rule alone")
    .option(...RULES_OPTION)
    .option('-v, --verbose', 'list passing examples too')
    .action((options: { rules?: string[]; verbose?: boolean }) => {
      const results = runExamples(loadRuleSet(rulePathsOf(options.rules, process.cwd())))
      const out = (text: string): boolean => process.stdout.write(text)
      for (const result of results) {
        const name = `${result.rule.id}: ${JSON.stringify(result.example.before)}`
        if (result.passed) {
          if (options.verbose) out(`${pc.green('✓')} ${name}\n`)
          continue
        }
        out(`${pc.red('✗')} ${name}  ${pc.dim(formatLocation(result.example.location))}\n`)
        out(`    expected: ${JSON.stringify(result.expected)}\n    actual:   ${JSON.stringify(result.actual)}\n`)
      }
      const failed = results.filter((result) => !result.passed).length
      const ruleCount = new Set(results.map((result) => result.rule.id)).size
      out(`${results.length} examples of ${ruleCount} rules: ${results.length - failed} passed, ${failed} failed\n`)
      process.exitCode = failed > 0 ? EXIT.problems : EXIT.ok
    })
}

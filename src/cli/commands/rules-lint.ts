import type { Command } from 'commander'
import { formatLocation } from '../../model/errors.js'
import { findInputs } from '../../io/inputs.js'
import { readTextFile } from '../../io/read.js'
import { rulePathsOf } from '../../rules/load.js'
import { lintRules } from '../../authoring/lint.js'
import { listRuleFiles, loadRuleFiles } from '../../rules/load.js'
import { EXIT } from '../../model/exit-codes.js'
import { RULES_OPTION } from '../inputs.js'

export function registerRulesLint(rules: Command): void {
  rules
    .command('lint')
    .description('find duplicates, cycles, shadowed rules, pairs that are not idempotent, ReDoS-prone patterns and (with --corpus) rules that never fire')
    .option(...RULES_OPTION)
    .option('--corpus <paths...>', 'texts (files or folders of *.txt) to find rules that never fire')
    .action((options: { rules?: string[]; corpus?: string[] }) => {
      const cwd = process.cwd()
      const { rules: loaded } = loadRuleFiles(listRuleFiles(rulePathsOf(options.rules, cwd)))
      const corpus = options.corpus ? findInputs(options.corpus, cwd).files.map((file) => readTextFile(file.absolutePath)) : []
      const findings = lintRules(loaded, corpus)
      for (const finding of findings) process.stdout.write(`${formatLocation(finding.location)}  warning  ${finding.message}  ${finding.ruleId}  mtclean\n`)
      process.stderr.write(`mtclean: ${loaded.length} rule(s) linted, ${findings.length} finding(s)\n`)
      process.exitCode = findings.length > 0 ? EXIT.problems : EXIT.ok
    })
}

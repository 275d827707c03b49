import { Option, type Command } from 'commander'
import type { VFile } from 'vfile'
import { createChecker } from '../../checks/index.js'
import { ConfigError } from '../../errors.js'
import { findInputs } from '../../io/inputs.js'
import { readTextFile } from '../../io/read.js'
import { FORMATS, formatDiagnostics, type Format } from '../../report/diagnostics.js'
import { defaultRulePaths, loadRuleSet } from '../../rules/compile.js'
import { EXIT } from '../exit-codes.js'
import { withInputs } from '../inputs.js'

interface CheckCommandOptions {
  rules?: string[]
  format: Format
  unknown?: boolean
}

export function registerCheck(program: Command): void {
  withInputs(program.command('check').description('point out what a person must fix: broken sentences, repeats, MT artifacts, suspect names'))
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--unknown', 'also list unknown words that resemble no known name')
    .action((paths: string[], options: CheckCommandOptions) => runCheck(paths, options))
}

function runCheck(paths: string[], options: CheckCommandOptions): void {
  const cwd = process.cwd()
  const ruleSet = loadRuleSet(options.rules ?? defaultRulePaths(cwd))
  const { files } = findInputs(paths, cwd)
  const checker = createChecker(ruleSet, { unknown: options.unknown })
  const checked: VFile[] = []
  let failed = 0
  for (const input of files) {
    try {
      checked.push(checker.check(readTextFile(input.absolutePath), input.displayPath))
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      process.stderr.write(`${new ConfigError(error.message, input.displayPath).format()}\n`)
      failed++
    }
  }
  process.stdout.write(formatDiagnostics(checked, options.format))
  const problems = checked.reduce((sum, file) => sum + file.messages.length, 0)
  process.stderr.write(`mtclean: ${checked.length} file(s) checked, ${problems} problem(s)${failed ? `, ${failed} file(s) failed` : ''}\n`)
  process.exitCode = problems > 0 || failed > 0 ? EXIT.problems : EXIT.ok
}

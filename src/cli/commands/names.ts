import path from 'node:path'
import type { Command } from 'commander'
import { projectLayer } from './rules-add.js'
import { listRuleFiles, loadRuleFiles, rulePathsOf } from '../../rules/load.js'
import { EXIT } from '../../model/exit-codes.js'
import { RULES_OPTION } from '../inputs.js'

interface AddOptions {
  file?: string
  rules?: string[]
  dryRun?: boolean
}

/** `mtclean names …`: the project's names known to be right, which no check reports. */
export function registerNames(program: Command): void {
  const names = program.command('names').description('keep the names known to be right (rules/names.yaml): add, list')
  names
    .command('add')
    .description("mark words as right: add them to the project's names list, so no check flags them again")
    .argument('<words...>', 'the names to add, e.g. Markle or "Hu Qiaoli"')
    .option('--file <file>', 'the names file (default: names.yaml in the first folder of --rules, else rules/names.yaml)')
    .option('-r, --rules <paths...>', 'the rule files or folders the checks read (default: ./rules; never the bundled rules)')
    .option('-n, --dry-run', 'say what would be added, write nothing')
    .action((words: string[], options: AddOptions, command: Command) => runAdd(words, options, command))
  names
    .command('list')
    .description('print every name known to be right in the rule set, one a line')
    .option(...RULES_OPTION)
    .action((options: { rules?: string[] }) => runList(options))
}

async function runAdd(words: string[], options: AddOptions, command: Command): Promise<void> {
  const cwd = process.cwd()
  // The YAML editor loads only when this command runs: `mtclean` starts faster.
  const { addNames, projectNamesFile } = await import('../../authoring/names-edit.js')
  // With the project config's layers, the names go to its rules folder, never into another layer.
  const layered = options.file === undefined && command.getOptionValueSource('rules') === 'config' ? projectLayer(options, command, cwd).writable : undefined
  const file = projectNamesFile({ file: options.file, rules: layered ? [layered] : options.rules, cwd })
  const shown = path.relative(cwd, file) || file
  const { added, already } = addNames(shown, words, { dryRun: options.dryRun })
  for (const name of added) process.stderr.write(`mtclean: ${options.dryRun ? 'would add' : 'added'} ${name} to ${shown}\n`)
  for (const name of already) process.stderr.write(`mtclean: ${name} is listed already in ${shown}\n`)
  // A names file the checks do not read would silence nothing: say so.
  const rulePaths = rulePathsOf(options.rules, cwd).map((each) => path.resolve(cwd, each))
  if (!rulePaths.some((each) => each === file || each === path.dirname(file))) {
    process.stderr.write(`mtclean: note: the checks read ${shown} only when given --rules ${shown} (with the other rules)\n`)
  }
  process.exitCode = EXIT.ok
}

function runList(options: { rules?: string[] }): void {
  const { names } = loadRuleFiles(listRuleFiles(rulePathsOf(options.rules, process.cwd())))
  process.stdout.write(names.map((name) => `${name}\n`).join(''))
  process.exitCode = EXIT.ok
}

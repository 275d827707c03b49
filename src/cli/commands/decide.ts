import path from 'node:path'
import type { Command } from 'commander'
import { ConfigError } from '../../errors.js'
import { displayPathOf } from '../../io/inputs.js'
import { loadDecisions, saveDecisions, type Decision } from '../../review/decisions.js'
import { loadReport, selectChanges } from '../../review/select.js'
import { EXIT } from '../exit-codes.js'

interface DecideOptions {
  out: string
  rule?: string[]
  file?: string[]
  all?: boolean
}

/** `mtclean accept …` and `mtclean reject …`: record decisions for scripts, without the interactive review. */
export function registerDecide(program: Command): void {
  for (const decision of ['accepted', 'rejected'] as const) {
    const verb = decision === 'accepted' ? 'accept' : 'reject'
    program
      .command(verb)
      .description(`${verb} changes of the last clean run by id, rule or file (recorded in decisions.json)`)
      .argument('[ids...]', 'change ids from report.md / report.json (a unique prefix of 6+ characters will do)')
      .option('-o, --out <dir>', 'the output folder of the clean run', 'cleaned')
      .option('--rule <ids...>', `${verb} every change of these rules`)
      .option('--file <paths...>', `${verb} every change in these input files`)
      .option('--all', `${verb} every change`)
      .action((ids: string[], options: DecideOptions) => decide(decision, ids, options))
  }
}

function decide(decision: Decision, ids: string[], options: DecideOptions): void {
  if (ids.length === 0 && !options.rule && !options.file && !options.all) {
    throw new ConfigError('name change ids, --rule, --file or --all', `mtclean ${decision === 'accepted' ? 'accept' : 'reject'}`)
  }
  const cwd = process.cwd()
  const outFolder = path.resolve(cwd, options.out)
  const report = loadReport(outFolder, displayPathOf(outFolder, cwd))
  const chosen = selectChanges(report, { ids, rules: options.rule, files: options.file, all: options.all })
  const decisions = loadDecisions(outFolder, displayPathOf(path.join(outFolder, 'decisions.json'), cwd))
  for (const change of chosen) {
    decisions.set(change.id, { decision, file: change.file, ruleId: change.ruleId, before: change.before, after: change.after })
  }
  saveDecisions(outFolder, decisions)
  process.stderr.write(`mtclean: ${chosen.length} change(s) ${decision}; run \`mtclean clean\` to update the cleaned copies\n`)
  process.exitCode = EXIT.ok
}

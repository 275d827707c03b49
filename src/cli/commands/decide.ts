import path from 'node:path'
import type { Command } from 'commander'
import { ConfigError } from '../../model/errors.js'
import type { Decision } from '../../model/decision.js'
import { RunRecord } from '../../review/record.js'
import { selectChanges } from '../../review/select.js'
import { EXIT } from '../../model/exit-codes.js'
import { OUT_OPTION } from '../inputs.js'

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
      .description(`${verb} changes of the last clean run by id, or the undecided ones by rule, file or all (recorded in decisions.json)`)
      .argument('[ids...]', 'change ids from report.md / report.json (a unique prefix of 6+ characters will do); an id overrides an earlier decision')
      .option(...OUT_OPTION)
      .option('--rule <ids...>', `${verb} every undecided change of these rules`)
      .option('--file <paths...>', `${verb} every undecided change in these input files`)
      .option('--all', `${verb} every undecided change`)
      .action((ids: string[], options: DecideOptions) => decide(decision, ids, options))
  }
}

function decide(decision: Decision, ids: string[], options: DecideOptions): void {
  if (ids.length === 0 && !options.rule && !options.file && !options.all) {
    throw new ConfigError('name change ids, --rule, --file or --all', `mtclean ${decision === 'accepted' ? 'accept' : 'reject'}`)
  }
  const cwd = process.cwd()
  const record = RunRecord.open(path.resolve(cwd, options.out), cwd)
  const { byId, inBulk } = selectChanges(record, { ids, rules: options.rule, files: options.file, all: options.all })
  // An id is a person's word about that change; a bulk selection fills in only what nobody decided yet.
  const undecided = inBulk.filter((change) => record.stateOf(change.id) === 'undecided')
  for (const change of [...byId, ...undecided]) record.decide(change, decision)
  record.save()
  const kept = inBulk.length - undecided.length
  process.stderr.write(
    `mtclean: ${byId.length + undecided.length} change(s) ${decision}` +
      (kept > 0 ? ` (${kept} decided before left as they were)` : '') +
      '; `mtclean apply` writes the accepted ones into the sources, `mtclean clean` updates the copies\n',
  )
  process.exitCode = EXIT.ok
}

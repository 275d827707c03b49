import { copyFileSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { applyChanges, type Applicable } from '../../apply/apply.js'
import { ConfigError } from '../../errors.js'
import { displayPathOf } from '../../io/inputs.js'
import { readTextFile } from '../../io/read.js'
import { writeOutputs } from '../../io/write.js'
import { hashText, type ReportedApplied } from '../../report/report.js'
import { loadReport } from '../../review/select.js'
import { EXIT } from '../exit-codes.js'

interface ApplyOptions {
  out: string
  backup?: boolean
}

export function registerApply(program: Command): void {
  program
    .command('apply')
    .description('write the accepted changes of the last clean run into the source files themselves')
    .option('-o, --out <dir>', 'the output folder of the clean run', 'cleaned')
    .option('--backup', 'keep each source file as it was, as FILE.orig')
    .action((options: ApplyOptions) => runApply(options))
}

/** The report's description of a change, as the applier takes it (accepted changes never overlap: one order will do). */
const asApplicable = (change: ReportedApplied): Applicable => ({ start: change.start, end: change.end, after: change.after, rule: { order: 0 } })

function runApply(options: ApplyOptions): void {
  const cwd = process.cwd()
  const outFolder = path.resolve(cwd, options.out)
  const report = loadReport(outFolder, displayPathOf(outFolder, cwd))
  let applied = 0
  let files = 0
  let refused = 0
  for (const file of report.files) {
    const accepted = file.changes.filter((change) => change.decision === 'accepted')
    if (accepted.length === 0) continue
    const sourcePath = path.resolve(cwd, file.path)
    try {
      const source = readTextFile(sourcePath)
      // The offsets are those of the text the report was made from: refuse rather than guess.
      if (hashText(source) !== file.sourceHash) throw new ConfigError('changed since the report was made: run `mtclean clean` again and review', file.path)
      const result = applyChanges(source, accepted.map(asApplicable))
      if (result.skipped.length > 0) throw new ConfigError('accepted changes overlap: run `mtclean clean` again', file.path)
      if (options.backup) copyFileSync(sourcePath, `${sourcePath}.orig`)
      writeOutputs([{ path: sourcePath, content: result.output }])
      applied += accepted.length
      files++
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      process.stderr.write(`${new ConfigError(error.message, file.path).format()}\n`)
      refused++
    }
  }
  process.stderr.write(`mtclean: applied ${applied} accepted change(s) to ${files} file(s)${refused ? `, ${refused} file(s) refused` : ''}\n`)
  process.exitCode = refused > 0 ? EXIT.problems : EXIT.ok
}

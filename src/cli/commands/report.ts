import path from 'node:path'
import { Option, type Command } from 'commander'
import { ConfigError } from '../../model/errors.js'
import { displayPathOf } from '../../io/inputs.js'
import { mergeShards } from '../../report/merge.js'
import { piecesFolderOf, renderView, VIEW_NAMES, VIEWS, viewSource, writeViewFile, type ReportView, type ViewName } from '../../report/views.js'
import { EXIT } from '../../model/exit-codes.js'

interface ReportOptions {
  format: ViewName
  out: string
}

export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .description("render a view of the last run's report.json (report.md, report.html, or text lines), or merge the reports of a sharded run")
    .argument('[folder]', 'the output folder of the clean run', 'cleaned')
    .addOption(new Option('-f, --format <format>', 'the view').choices(VIEW_NAMES).default('text'))
    .option('-o, --out <file>', "where to write it (`-`: stdout); its links are made from that file's folder", '-')
    .action((folder: string, options: ReportOptions) => {
      const cwd = process.cwd()
      const outFolder = path.resolve(cwd, folder)
      const view: ReportView = VIEWS[options.format]
      const target = options.out === '-' ? undefined : path.resolve(cwd, options.out)
      if (!target && view.piece) throw new ConfigError(`the ${view.name} view is a page and a folder of per-file pieces beside it: give --out FILE`, '--out -')
      // A view read from stdout is read where the record is; a file's links are made from its own folder.
      const { report: record, context } = viewSource(
        outFolder,
        displayPathOf(outFolder, cwd),
        target ? path.dirname(target) : outFolder,
        piecesFolderOf(target ?? view.file),
      )
      if (target) writeViewFile(view, record, context, target, options.out)
      else renderView(view, record, context, (text) => process.stdout.write(text))
      process.exitCode = EXIT.ok
    })

  report
    .command('merge')
    .description('join the output folders of a sharded run (`clean --out OUT/shard-N` on parts of the files) into OUT, as one run over all the files writes it')
    .argument('<out>', 'the folder to merge into (new, or holding only the shards)')
    .argument('<shards...>', 'the output folders of the shards')
    .action((out: string, shards: string[]) => {
      const cwd = process.cwd()
      const outFolder = path.resolve(cwd, out)
      const folders = shards.map((shard) => path.resolve(cwd, shard))
      if (folders.includes(outFolder)) throw new ConfigError('is one of the shards: merge into another folder', out)
      const merged = mergeShards(outFolder, folders, cwd)
      const { summary } = merged
      process.stderr.write(
        `mtclean: merged ${shards.length} shard(s): ${summary.files} file(s), ${summary.changes} change(s) by ${summary.rulesFired} rule(s) → ${displayPathOf(outFolder, cwd)}/\n`,
      )
      process.exitCode = summary.failed > 0 ? EXIT.problems : EXIT.ok
    })
}

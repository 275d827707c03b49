import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { Command } from 'commander'
import { ConfigError } from '../../errors.js'
import { checkOutputCollisions, checkOutputFolder, displayPathOf, findInputs, type InputFile, type InputRoot } from '../../io/inputs.js'
import { checkOutputFolderOwnership, MANIFEST, manifestContent } from '../../io/manifest.js'
import { Interrupted, InterruptWatch, writeFileAtomic } from '../../io/write.js'
import { RunTally } from '../../report/report.js'
import { ReportWriter } from '../../report/writer.js'
import { decisionsPath, loadDecisions } from '../../review/decisions.js'
import { loadedRulesOf } from '../../rules/compile.js'
import { defaultRulePaths, loadRuleSet } from '../../rules/load.js'
import { corpusSpellings } from '../../run/check-task.js'
import { runTasks, withWorkers } from '../../run/pool.js'
import { EXIT } from '../exit-codes.js'
import { jobsFor, sizeOf, withInputs, withJobs } from '../inputs.js'
import { Progress } from '../progress.js'

interface CleanOptions {
  out: string
  rules?: string[]
  dryRun?: boolean
  onlyAccepted?: boolean
  check?: boolean
  jobs?: number
  quiet?: boolean
}

export function registerClean(program: Command): void {
  withJobs(withInputs(program.command('clean').description('write cleaned copies of the texts, with changes.diff, report.md, report.json and report.html'))
    .option('-o, --out <dir>', 'output folder', 'cleaned')
    .option('-n, --dry-run', 'print the diff to stdout and write nothing')
    .option('--only-accepted', 'apply only the changes accepted in review (default: accepted and undecided)')
    .option('-c, --check', 'also run the checks on each cleaned copy and list what they find in the reports')
    .option('-q, --quiet', 'no progress bar'),
  ).action(async (paths: string[], options: CleanOptions) => runClean(paths, options))
}

async function runClean(paths: string[], options: CleanOptions): Promise<void> {
  const cwd = process.cwd()
  const { files, roots } = findInputs(paths, cwd)
  const sizes = files.map((file) => sizeOf(file.absolutePath))
  const work = options.check ? 'checks' : 'rules'
  const jobs = jobsFor(options.jobs, sizes, work)
  // The workers load their modules while this thread loads and validates the rules.
  await withWorkers(jobs, work, sizes, (workers) => cleanWith(files, roots, sizes, jobs, workers, options))
}

async function cleanWith(files: InputFile[], roots: InputRoot[], sizes: number[], jobs: number, workers: Worker[], options: CleanOptions): Promise<void> {
  const cwd = process.cwd()
  // Loaded before anything is written, so that a bad rule file stops the run with nothing changed.
  const ruleSet = loadRuleSet(options.rules ?? defaultRulePaths(cwd))
  const outFolder = path.resolve(cwd, options.out)
  checkOutputFolder(outFolder, roots, cwd)
  checkOutputCollisions(files)
  const outputOf = (outputPath: string): string => path.join(outFolder, outputPath)
  for (const file of files) {
    if (outputOf(file.outputPath) === file.absolutePath) throw new ConfigError('the cleaned copy would overwrite this input: choose another --out', file.displayPath)
  }
  const write = !options.dryRun
  if (write) checkOutputFolderOwnership(outFolder, displayPathOf(outFolder, cwd))
  loadDecisions(outFolder, displayPathOf(decisionsPath(outFolder), cwd))

  const tally = new RunTally()
  let reports: ReportWriter | undefined
  if (write) {
    mkdirSync(outFolder, { recursive: true })
    reports = new ReportWriter(outFolder)
    // The manifest goes first: if the run is interrupted, what it did write is already listed as its own.
    const outputs = [...files.map((file) => outputOf(file.outputPath)), ...reports.files]
    writeFileAtomic(path.join(outFolder, MANIFEST), manifestContent(outFolder, outputs))
  }
  const watch = new InterruptWatch()
  const progress = new Progress({ label: 'cleaning', files: files.length, enabled: !options.quiet })
  try {
    const setup = { rules: loadedRulesOf(ruleSet), outFolder, cwd, onlyAccepted: options.onlyAccepted ?? false, check: options.check ?? false, write, corpus: options.check ? corpusSpellings(files) : undefined }
    const items = files.map((input, index) => ({ input, index }))
    let done = 0
    for await (const piece of runTasks('clean', setup, items, { jobs, work: options.check ? 'checks' : 'rules', workers, sizes, stopped: () => watch.received !== undefined })) {
      if ('failure' in piece) {
        process.stderr.write(`${new ConfigError(piece.failure, piece.path).format()}\n`)
        tally.addFailure(piece.path, piece.failure)
      } else {
        tally.addFile(piece.tally)
        if (reports) reports.add(piece)
        else process.stdout.write(piece.diff)
      }
      progress.tick(sizes[done++]!)
    }
    progress.done()
    if (watch.received) throw new Interrupted(watch.received, tally.summary.files + tally.summary.failed, files.length)
    const rules = tally.rules(ruleSet)
    reports?.commit({ summary: tally.summary, rules, failures: tally.failures, checked: options.check ?? false })
  } catch (error) {
    progress.done()
    reports?.discard()
    throw error
  } finally {
    watch.stop()
  }

  const { summary } = tally
  const destination = write ? `→ ${displayPathOf(outFolder, cwd)}/` : '(dry run: nothing written)'
  process.stderr.write(
    `mtclean: ${summary.files} file(s), ${summary.changes} change(s) by ${summary.rulesFired} rule(s)` +
      (summary.skipped ? `, ${summary.skipped} not applied` : '') +
      (options.check ? `, ${summary.findings} finding(s) to review` : '') +
      (summary.failed ? `, ${summary.failed} file(s) failed` : '') +
      ` ${destination}\n`,
  )
  process.exitCode = summary.failed > 0 ? EXIT.problems : EXIT.ok
}


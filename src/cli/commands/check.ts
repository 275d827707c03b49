import type { Worker } from 'node:worker_threads'
import type { Span } from '../../apply/offset-map.js'
import { Option, type Command } from 'commander'
import { ConfigError } from '../../errors.js'
import { findInputs, type InputFile } from '../../io/inputs.js'
import { InterruptWatch, Interrupted } from '../../io/write.js'
import { DiagnosticsStream, FORMATS, type Format } from '../../report/diagnostics.js'
import { loadedRulesOf } from '../../rules/compile.js'
import { defaultRulePaths, loadRuleSet } from '../../rules/load.js'
import { corpusSpellings } from '../../run/check-task.js'
import { runTasks, withWorkers } from '../../run/pool.js'
import { EXIT } from '../exit-codes.js'
import { inputsOrDefault, jobsFor, OUT_OPTION, sizeOf, withInputs, withJobs } from '../inputs.js'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { RunRecord } from '../../review/record.js'
import { Progress } from '../progress.js'

interface CheckCommandOptions {
  out: string
  rules?: string[]
  format: Format
  unknown?: boolean
  jobs?: number
  quiet?: boolean
}

export function registerCheck(program: Command): void {
  withJobs(
    withInputs(program.command('check').description('point out what a person must fix: broken sentences, repeats, MT artifacts, suspect names'))
      .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
      .option('--unknown', 'also list unknown words that resemble no known name')
      .option(...OUT_OPTION)
      .option('-q, --quiet', 'no progress bar'),
  ).action((paths: string[], options: CheckCommandOptions) => runCheck(paths, options))
}

async function runCheck(paths: string[], options: CheckCommandOptions): Promise<void> {
  const cwd = process.cwd()
  const { files } = findInputs(inputsOrDefault(paths, path.resolve(cwd, options.out), cwd), cwd)
  const sizes = files.map((file) => sizeOf(file.absolutePath))
  const jobs = jobsFor(options.jobs, sizes, 'checks')
  // The workers load their modules (and the dictionary) while this thread loads and validates the rules.
  await withWorkers(jobs, 'checks', sizes, (workers) => checkWith(files, sizes, jobs, workers, options))
}

async function checkWith(files: InputFile[], sizes: number[], jobs: number, workers: Worker[], options: CheckCommandOptions): Promise<void> {
  const ruleSet = loadRuleSet(options.rules ?? defaultRulePaths(process.cwd())) // a bad rule file stops the run here
  // Each file's diagnostics are printed as soon as the files before it are done: nothing piles up.
  const output = new DiagnosticsStream(options.format, (text) => process.stdout.write(text))
  const progress = new Progress({ label: 'checking', files: files.length, enabled: !options.quiet })
  const watch = new InterruptWatch()
  let problems = 0
  let failed = 0
  let done = 0
  try {
    const setup = { rules: loadedRulesOf(ruleSet), format: options.format, unknown: options.unknown ?? false, quiet: rejectedSpans(options.out), corpus: corpusSpellings(files) }
    for await (const piece of runTasks('check', setup, files, { jobs, work: 'checks', workers, sizes, stopped: () => watch.received !== undefined })) {
      if ('failure' in piece) {
        process.stderr.write(`${new ConfigError(piece.failure, piece.path).format()}\n`)
        failed++
      } else {
        problems += piece.problems
        output.add(piece.output)
      }
      progress.tick(sizes[done++]!)
    }
  } finally {
    progress.done()
    watch.stop()
  }
  output.end()
  if (watch.received) throw new Interrupted(watch.received, done, files.length)
  process.stderr.write(`mtclean: ${done - failed} file(s) checked, ${problems} problem(s)${failed ? `, ${failed} file(s) failed` : ''}\n`)
  process.exitCode = problems > 0 || failed > 0 ? EXIT.problems : EXIT.ok
}

/** The spans rejected in the review of the run in `out` (if there is one): a person said they are right. */
function rejectedSpans(out: string): Record<string, Span[]> {
  const cwd = process.cwd()
  const outFolder = path.resolve(cwd, out)
  if (!existsSync(path.join(outFolder, 'report.json'))) return {}
  return Object.fromEntries(RunRecord.open(outFolder, cwd).rejectedSpans())
}

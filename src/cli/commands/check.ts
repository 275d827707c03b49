import type { Worker } from 'node:worker_threads'
import type { Span } from '../../apply/offset-map.js'
import { Option, type Command } from 'commander'
import { ConfigError } from '../../model/errors.js'
import { formatOf, formatsOf } from '../../formats/format.js'
import { loadProseReaders, proseOf } from '../../formats/prose.js'
import { displayPathOf, findInputs, type InputFile } from '../../io/inputs.js'
import { InterruptWatch, Interrupted } from '../../io/write.js'
import { DiagnosticsStream, formatFileDiagnostics, FORMATS, terminalWidth, type Format } from '../../report/diagnostics.js'
import type { SarifRule } from '../../report/ci-formats.js'
import { checkExitCode, useColor, withOutputOptions } from '../output-options.js'
import { readsStdin, readStdinText, STDIN_LABEL } from '../stdin.js'
import { loadedRulesOf } from '../../rules/compile.js'
import { loadRuleSet, rulePathsOf } from '../../rules/load.js'
import { corpusSpellings } from '../../run/check-task.js'
import { settleFindings } from '../../config/findings.js'
import { addCounts, NO_FINDINGS, type FindingCounts } from '../../config/severity.js'
import type { IgnoreEntry, Severity } from '../../config/types.js'
import { projectConfig } from '../project-config.js'
import { runTasks, withWorkers } from '../../run/pool.js'
import { inputsOrDefault, jobsFor, OUT_OPTION, sizeOf, withInputs, withJobs } from '../inputs.js'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { RunRecord } from '../../review/record.js'
import { Progress } from '../progress.js'
import { REPORT_FILES } from '../../model/output-files.js'

interface CheckCommandOptions {
  out: string
  rules?: string[]
  format: Format
  unknown?: boolean
  jobs?: number
  quiet?: boolean
  color?: boolean
  maxWarnings?: number
  stdinFilename?: string
}

export function registerCheck(program: Command): void {
  const command = withJobs(
    withInputs(program.command('check').description('point out what a person must fix: broken sentences, repeats, MT artifacts, suspect names'))
      .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
      .option('--unknown', 'also list unknown words that resemble no known name')
      .option(...OUT_OPTION)
      .option('-q, --quiet', 'no progress bar')
      .option('--stdin-filename <name>', `the name a text read from stdin (\`-\`) is reported under (default: ${STDIN_LABEL})`),
  )
  withOutputOptions(command).action((paths: string[], options: CheckCommandOptions) => runCheck(paths, options))
}

async function runCheck(paths: string[], options: CheckCommandOptions): Promise<void> {
  const cwd = process.cwd()
  if (readsStdin(paths)) return checkStdin(options)
  if (options.stdinFilename !== undefined) throw new ConfigError('--stdin-filename names a text read from stdin: give `-` as the path', 'mtclean')
  const config = projectConfig()
  const { files } = findInputs(inputsOrDefault(paths, path.resolve(cwd, options.out), cwd, config), cwd, config?.extensions)
  const sizes = files.map((file) => sizeOf(file.absolutePath))
  const jobs = jobsFor(options.jobs, sizes, 'checks')
  // The workers load their modules (and the dictionary) while this thread loads and validates the rules.
  await withWorkers(jobs, 'checks', sizes, (workers) => checkWith(files, sizes, jobs, workers, options))
}

async function checkWith(files: InputFile[], sizes: number[], jobs: number, workers: Worker[], options: CheckCommandOptions): Promise<void> {
  const ruleSet = loadRuleSet(rulePathsOf(options.rules, process.cwd())) // a bad rule file stops the run here
  // Each file's diagnostics are printed as soon as the files before it are done: nothing piles up.
  const output = new DiagnosticsStream(options.format, (text) => process.stdout.write(text), await ruleDescriber(options.format))
  const progress = new Progress({ label: 'checking', files: files.length, enabled: !options.quiet })
  const watch = new InterruptWatch()
  let problems = 0
  let counts = NO_FINDINGS
  let failed = 0
  let done = 0
  try {
    const setup = {
      rules: loadedRulesOf(ruleSet),
      format: options.format,
      color: useColor(options.color),
      width: terminalWidth(),
      unknown: options.unknown ?? false,
      quiet: rejectedSpans(options.out),
      corpus: await corpusSpellings(files),
      formats: formatsOf(files),
      ...configuredFindings(),
    }
    for await (const piece of runTasks('check', setup, files, { jobs, work: 'checks', workers, sizes, stopped: () => watch.received !== undefined })) {
      if ('failure' in piece) {
        process.stderr.write(`${new ConfigError(piece.failure, piece.path).format()}\n`)
        failed++
      } else {
        problems += piece.problems
        counts = addCounts(counts, piece.counts)
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
  process.stderr.write(
    `mtclean: ${done - failed} file(s) checked, ${problems} problem(s)${errorsNote(counts)}${failed ? `, ${failed} file(s) failed` : ''}${overLimit(counts.warnings + counts.unrated, options.maxWarnings)}\n`,
  )
  process.exitCode = checkExitCode(counts, failed, options.maxWarnings)
}

/** The summary's note when `--max-warnings` is passed and exceeded by the warnings (ESLint says it so too). */
function overLimit(warnings: number, maxWarnings: number | undefined): string {
  return maxWarnings !== undefined && warnings > maxWarnings ? ` (more than --max-warnings ${maxWarnings})` : ''
}

/** With checks set to `error` in the project config: how many of the problems are errors. */
function errorsNote(counts: FindingCounts): string {
  return counts.errors > 0 ? ` (${counts.errors} error(s))` : ''
}

/** The project config's severities and spans to leave alone, for the check of every text. */
function configuredFindings(): { severities?: Record<string, Severity>; ignore?: IgnoreEntry[] } {
  const config = projectConfig()
  return config ? { severities: config.checks, ignore: config.ignore } : {}
}

/** For sarif, what each check's rule id is: its summary (the checks' table, loaded only then). */
async function ruleDescriber(format: Format): Promise<((ruleId: string) => SarifRule) | undefined> {
  if (format !== 'sarif') return undefined
  const { CHECKS } = await import('../../checks/index.js')
  const summaries = new Map(CHECKS.flatMap((check) => check.ruleIds.map((id) => [id, check.summary] as const)))
  return (id) => {
    const summary = summaries.get(id)
    // No helpUri: SARIF wants an absolute URI, and the description is a file of the installed package.
    return summary ? { id, shortDescription: { text: summary } } : { id }
  }
}

/**
 * `check -`: one text from stdin, reported under `--stdin-filename` or `<stdin>`. Nothing but loading the
 * rules, checking and writing the diagnostics: no workers, no progress, no corpus pass, no review record.
 */
async function checkStdin(options: CheckCommandOptions): Promise<void> {
  // An editor passes the buffer's absolute path: shown relative to the working folder, as every path is.
  const name = options.stdinFilename === undefined ? STDIN_LABEL : displayPathOf(path.resolve(process.cwd(), options.stdinFilename), process.cwd())
  const text = await readStdinText(name)
  const ruleSet = loadRuleSet(rulePathsOf(options.rules, process.cwd()))
  const { createChecker } = await import('../../checks/index.js')
  // The name given decides the format, as Prettier's --stdin-filepath does: `--stdin-filename a.md` checks Markdown.
  const format = formatOf(options.stdinFilename)
  await loadProseReaders([format])
  const file = createChecker(ruleSet, { unknown: options.unknown ?? false }).check(text, name, proseOf(text, format, name))
  const counts = settleFindings(file, text, configuredFindings())
  const output = new DiagnosticsStream(options.format, (out) => process.stdout.write(out), await ruleDescriber(options.format))
  output.add(formatFileDiagnostics(file, options.format, { color: useColor(options.color), width: terminalWidth() }))
  output.end()
  process.exitCode = checkExitCode(counts, 0, options.maxWarnings)
}

/** The spans rejected in the review of the run in `out` (if there is one): a person said they are right. */
function rejectedSpans(out: string): Record<string, Span[]> {
  const cwd = process.cwd()
  const outFolder = path.resolve(cwd, out)
  if (!existsSync(path.join(outFolder, REPORT_FILES.json))) return {}
  return Object.fromEntries(RunRecord.open(outFolder, cwd).rejectedSpans())
}

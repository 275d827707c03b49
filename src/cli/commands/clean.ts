import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import { InvalidArgumentError, type Command } from 'commander'
import { ConfigError } from '../../model/errors.js'
import { formatsOf } from '../../formats/format.js'
import { checkOutputCollisions, checkOutputFolder, checkReservedNames, displayPathOf, findInputs, type InputFile, type InputRoot } from '../../io/inputs.js'
import { checkOutputFolderOwnership, manifestContent, removeStaleTemps } from '../../io/manifest.js'
import { MANIFEST } from '../../model/output-files.js'
import { lockOutputFolder } from '../../io/lock.js'
import { Interrupted, InterruptWatch, makeFolder, writeFileAtomic } from '../../io/write.js'
import { RunTally } from '../../report/report.js'
import { ReportWriter } from '../../report/writer.js'
import { FILE_VIEWS, piecesFolderOf, VIEWS, writeViews, type ViewName } from '../../report/views.js'
import { rmSync } from 'node:fs'
import { decisionsPath } from '../../model/decision.js'
import { loadDecisions } from '../../review/decisions.js'
import { loadedRulesOf } from '../../rules/compile.js'
import { loadRuleSet, rulePathsOf } from '../../rules/load.js'
import { runTasks, withWorkers } from '../../run/pool.js'
import { EXIT } from '../../model/exit-codes.js'
import { inputsOrDefault, jobsFor, OUT_OPTION, sizeOf, withInputs, withJobs } from '../inputs.js'
import { rulesHash } from '../../rules/fingerprint.js'
import { Progress } from '../progress.js'
import { cleanStream } from '../clean-stream.js'
import { readsStdin, STDIN_PATH } from '../stdin.js'
import { projectConfig } from '../project-config.js'

interface CleanOptions {
  out: string
  rules?: string[]
  dryRun?: boolean
  onlyAccepted?: boolean
  check?: boolean
  jobs?: number
  quiet?: boolean
  changes?: string
  stdinFilename?: string
  report?: ViewName[]
}

/** `--report md,html`: the views of report.json to write into the output folder too. */
export function parseReportFormats(value: string): ViewName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  for (const name of names) {
    if (!(FILE_VIEWS as string[]).includes(name))
      throw new InvalidArgumentError(`${JSON.stringify(name)} is not a report view; choose from ${FILE_VIEWS.join(', ')}.`)
  }
  return [...new Set(names as ViewName[])]
}

export function registerClean(program: Command): void {
  withJobs(
    withInputs(
      program.command('clean').description('write cleaned copies of the texts, with changes.diff and report.json (and report.md, report.html with --report)'),
    )
      .option(...OUT_OPTION)
      .option('-n, --dry-run', 'print the diff to stdout and write nothing')
      .option('--only-accepted', 'apply only the changes accepted in review (default: accepted and undecided)')
      .option('-c, --check', 'also run the checks on each cleaned copy and list what they find in the reports')
      .option('-q, --quiet', 'no progress bar')
      .option(
        '--report <views>',
        `also write views of report.json into the output folder: ${FILE_VIEWS.join(', ')} (comma-separated; \`mtclean report\` renders them later)`,
        parseReportFormats,
      )
      .option('--changes <file>', 'with `-` (stdin to stdout): also write the changes to FILE as JSON lines (start, end, before, after, ruleId)')
      .option(
        '--stdin-filename <name>',
        'with `-`: the name of the text read, whose extension says its format (`a.md`: Markdown, `a.html`: HTML; default: plain text)',
      ),
  ).action(async (paths: string[], options: CleanOptions, command: Command) => runClean(paths, options, command))
}

/** Options of a run over files that mean nothing to `clean -`, which writes only stdout. */
const FILE_RUN_OPTIONS = ['out', 'dryRun', 'onlyAccepted', 'check', 'jobs', 'report'] as const

async function runClean(paths: string[], options: CleanOptions, command: Command): Promise<void> {
  const cwd = process.cwd()
  if (readsStdin(paths)) {
    const given = FILE_RUN_OPTIONS.find((name) => command.getOptionValueSource(name) === 'cli')
    if (given)
      throw new ConfigError(
        `\`clean -\` writes the cleaned text to stdout and nothing else: --${command.options.find((option) => option.attributeName() === given)!.long!.slice(2)} does not apply`,
        STDIN_PATH,
      )
    return cleanStream({ ...options, ignore: projectConfig()?.ignore })
  }
  if (options.changes !== undefined)
    throw new ConfigError('--changes goes with `-` (stdin to stdout); a run over files writes changes.diff and report.json', '--changes')
  if (options.stdinFilename !== undefined) throw new ConfigError('--stdin-filename names a text read from stdin: give `-` as the path', '--stdin-filename')
  const config = projectConfig()
  const given = inputsOrDefault(paths, path.resolve(cwd, options.out), cwd, config)
  const { files, roots } = findInputs(given, cwd, config?.extensions)
  const sizes = files.map((file) => sizeOf(file.absolutePath))
  const work = options.check ? 'checks' : 'rules'
  const jobs = jobsFor(options.jobs, sizes, work)
  // The workers load their modules while this thread loads and validates the rules.
  await withWorkers(jobs, work, sizes, (workers) => cleanWith(given, files, roots, sizes, jobs, workers, options))
}

/**
 * Writes the views asked for from the report.json just written, and removes those of an earlier run that
 * were not asked for this time: a report.md left from another run would tell of changes that are gone.
 */
function refreshViews(outFolder: string, displayFolder: string, names: ViewName[]): void {
  for (const name of FILE_VIEWS) {
    if (names.includes(name)) continue
    rmSync(path.join(outFolder, VIEWS[name].file), { force: true })
    if ('piece' in VIEWS[name]) rmSync(path.join(outFolder, piecesFolderOf(VIEWS[name].file)), { recursive: true, force: true })
  }
  writeViews(outFolder, displayFolder, names)
}

async function cleanWith(
  given: string[],
  files: InputFile[],
  roots: InputRoot[],
  sizes: number[],
  jobs: number,
  workers: Worker[],
  givenOptions: CleanOptions,
): Promise<void> {
  const cwd = process.cwd()
  // `--report` wins over the project config's `report:` (report.json itself is always written).
  const configured = projectConfig()?.report?.flatMap((view) => FILE_VIEWS.filter((name) => name === view))
  const options: CleanOptions = { ...givenOptions, report: givenOptions.report ?? configured }
  // Loaded before anything is written, so that a bad rule file stops the run with nothing changed.
  const ruleSet = loadRuleSet(rulePathsOf(options.rules, cwd))
  const outFolder = path.resolve(cwd, options.out)
  checkOutputFolder(outFolder, roots, cwd)
  checkOutputCollisions(files)
  checkReservedNames(files)
  const outputOf = (outputPath: string): string => path.join(outFolder, outputPath)
  for (const file of files) {
    if (outputOf(file.outputPath) === file.absolutePath)
      throw new ConfigError('the cleaned copy would overwrite this input: choose another --out', file.displayPath)
  }
  const write = !options.dryRun
  const earlier = write ? checkOutputFolderOwnership(outFolder, displayPathOf(outFolder, cwd)) : []
  loadDecisions(outFolder, displayPathOf(decisionsPath(outFolder), cwd)) // a broken decisions.json stops the run here

  const tally = new RunTally()
  let reports: ReportWriter | undefined
  let unlock = (): void => {}
  if (write) {
    makeFolder(outFolder)
    unlock = lockOutputFolder(outFolder, displayPathOf(outFolder, cwd))
    removeStaleTemps(outFolder)
    reports = new ReportWriter(outFolder)
    // The manifest goes first: if the run is interrupted, what it did write is already listed as its own.
    // Copies of earlier runs whose inputs went away stay listed as mtclean's own.
    const views = (options.report ?? []).map((name) => path.join(outFolder, VIEWS[name].file))
    const outputs = [...files.map((file) => outputOf(file.outputPath)), ...reports.files, ...views, ...earlier.map((file) => path.join(outFolder, file))]
    writeFileAtomic(path.join(outFolder, MANIFEST), manifestContent(outFolder, [...new Set(outputs)]))
  }
  const watch = new InterruptWatch()
  const progress = new Progress({ label: 'cleaning', files: files.length, enabled: !options.quiet })
  try {
    // Paths in the record are relative to the folder the run was made in, as everywhere in the reports
    // (tools read report.json so); `base` says where that folder is from the output folder.
    const base = cwd
    const fromBase = (file: string): string => displayPathOf(path.resolve(cwd, file), base)
    const run = {
      base: displayPathOf(base, outFolder),
      inputs: given.map(fromBase),
      rules: options.rules ? options.rules.map(fromBase) : null,
      rulesHash: rulesHash(ruleSet.files),
      checked: options.check ?? false,
    }
    const config = projectConfig()
    // The corpus code loads only with --check (start-up: src/run/tasks.ts).
    const corpus = options.check ? await (await import('../../run/check-task.js')).corpusSpellings(files) : undefined
    const setup = {
      rules: loadedRulesOf(ruleSet),
      outFolder,
      cwd,
      base,
      inputs: run.inputs,
      onlyAccepted: options.onlyAccepted ?? false,
      check: options.check ?? false,
      write,
      corpus,
      formats: formatsOf(files),
      ignore: config?.ignore,
      severities: config?.checks,
    }
    const items = files.map((input, index) => ({ input, index }))
    let done = 0
    for await (const piece of runTasks('clean', setup, items, {
      jobs,
      work: options.check ? 'checks' : 'rules',
      workers,
      sizes,
      stopped: () => watch.received !== undefined,
    })) {
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
    reports?.commit({ run, summary: tally.summary, rules, failures: tally.failures })
    if (reports) refreshViews(outFolder, displayPathOf(outFolder, cwd), options.report ?? [])
  } catch (error) {
    progress.done()
    reports?.discard()
    throw error
  } finally {
    watch.stop()
    unlock()
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

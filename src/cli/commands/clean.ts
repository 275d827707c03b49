import path from 'node:path'
import type { Command } from 'commander'
import { createChecker } from '../../checks/index.js'
import { cleanFiles, type FileResult } from '../../clean.js'
import { ConfigError } from '../../errors.js'
import { checkOutputCollisions, checkOutputFolder, displayPathOf, findInputs } from '../../io/inputs.js'
import { checkOutputFolderOwnership, MANIFEST, manifestContent } from '../../io/manifest.js'
import { writeOutputsInterruptibly, type OutputFile } from '../../io/write.js'
import { unifiedDiff } from '../../report/diff.js'
import { renderHtml } from '../../report/html.js'
import { renderMarkdown } from '../../report/markdown.js'
import { decisionsPath, loadDecisions, type Decision } from '../../review/decisions.js'
import { buildReport } from '../../report/report.js'
import { defaultRulePaths, loadRuleSet } from '../../rules/compile.js'
import { EXIT } from '../exit-codes.js'
import { withInputs } from '../inputs.js'

interface CleanOptions {
  out: string
  rules?: string[]
  dryRun?: boolean
  onlyAccepted?: boolean
}

export const REPORT_FILES = { diff: 'changes.diff', markdown: 'report.md', json: 'report.json', html: 'report.html' } as const

export function registerClean(program: Command): void {
  withInputs(program.command('clean').description('write cleaned copies of the texts, with changes.diff, report.md and report.json'))
    .option('-o, --out <dir>', 'output folder', 'cleaned')
    .option('-n, --dry-run', 'print the diff to stdout and write nothing')
    .option('--only-accepted', 'apply only the changes accepted in review (default: accepted and undecided)')
    .action(async (paths: string[], options: CleanOptions) => runClean(paths, options))
}

async function runClean(paths: string[], options: CleanOptions): Promise<void> {
  const cwd = process.cwd()
  const ruleSet = loadRuleSet(options.rules ?? defaultRulePaths(cwd))
  const { files, roots } = findInputs(paths, cwd)
  const outFolder = path.resolve(cwd, options.out)
  checkOutputFolder(outFolder, roots, cwd)
  checkOutputCollisions(files)
  const outputPathOf = (result: FileResult): string => path.join(outFolder, result.input.outputPath)
  for (const file of files) {
    if (path.join(outFolder, file.outputPath) === file.absolutePath) {
      throw new ConfigError('the cleaned copy would overwrite this input: choose another --out', file.displayPath)
    }
  }

  if (!options.dryRun) checkOutputFolderOwnership(outFolder, displayPathOf(outFolder, cwd))
  const decisions = loadDecisions(outFolder, displayPathOf(decisionsPath(outFolder), cwd))
  const decisionOf = (id: string): Decision | undefined => decisions.get(id)?.decision
  const run = cleanFiles(files, ruleSet, { decisionOf, onlyAccepted: options.onlyAccepted })
  for (const failure of run.failures) process.stderr.write(`${failure.error.format()}\n`)
  const diff = unifiedDiff(run.results)
  const checker = createChecker(ruleSet)
  const report = buildReport(
    run.results,
    run.failures,
    ruleSet,
    (result) => displayPathOf(outputPathOf(result), cwd),
    (result) => checker.check(result.output, displayPathOf(outputPathOf(result), cwd)).messages,
    decisionOf,
  )

  if (options.dryRun) {
    process.stdout.write(diff)
  } else {
    const outputs: OutputFile[] = [
      ...run.results.map((result) => ({ path: outputPathOf(result), content: result.output })),
      { path: path.join(outFolder, REPORT_FILES.diff), content: diff },
      { path: path.join(outFolder, REPORT_FILES.markdown), content: renderMarkdown(report) },
      { path: path.join(outFolder, REPORT_FILES.json), content: `${JSON.stringify(report, null, 2)}\n` },
      { path: path.join(outFolder, REPORT_FILES.html), content: renderHtml(report, run.results) },
    ]
    // The manifest goes first: if the run is interrupted, what it did write is already listed as its own.
    outputs.unshift({ path: path.join(outFolder, MANIFEST), content: manifestContent(outFolder, outputs.map((output) => output.path)) })
    await writeOutputsInterruptibly(outputs)
  }

  const { summary } = report
  const destination = options.dryRun ? '(dry run: nothing written)' : `→ ${displayPathOf(outFolder, cwd)}/`
  process.stderr.write(
    `mtclean: ${summary.files} file(s), ${summary.changes} change(s) by ${summary.rulesFired} rule(s)` +
      (summary.skipped ? `, ${summary.skipped} not applied` : '') +
      `, ${summary.findings} finding(s) to review` +
      (summary.failed ? `, ${summary.failed} file(s) failed` : '') +
      ` ${destination}\n`,
  )
  process.exitCode = run.failures.length > 0 ? EXIT.problems : EXIT.ok
}

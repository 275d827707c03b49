import { existsSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'
import { ConfigError } from '../model/errors.js'
import { loadRunInfo } from '../report/read.js'
import type { RunInfo } from '../report/report.js'
import { defaultJobs, type Work } from '../run/pool.js'
import type { ProjectConfig } from '../config/types.js'
import { shownPath } from '../model/paths.js'
import { REPORT_FILES } from '../model/output-files.js'

/** `--out`: the output folder of a clean run, where its reports and decisions.json are kept. */
export const OUT_OPTION = [
  '-o, --out <dir>',
  "the output folder of the clean run (its reports and decisions.json); a project config's out replaces the default",
  'cleaned',
] as const

/** The `--rules` option, as every command that reads rules takes it. */
export const RULES_OPTION = [
  '-r, --rules <paths...>',
  "rule files or folders (default: the project config's layers, else ./rules, else the bundled rules)",
] as const

/** The arguments every command that reads texts shares: the paths, and the rules to use. */
export function withInputs(command: Command): Command {
  return command
    .argument(
      '[paths...]',
      "text files, or folders searched for *.txt, *.md, *.markdown, *.html (default: the project config's inputs, else those of the last clean run, else ./seeds)",
    )
    .option(...RULES_OPTION)
}

/** The record of the last run into `outFolder`, if there is a readable one. */
function lastRun(outFolder: string, cwd: string): RunInfo | undefined {
  if (!existsSync(path.join(outFolder, REPORT_FILES.json))) return undefined
  try {
    return loadRunInfo(outFolder, path.relative(cwd, outFolder) || '.')
  } catch (error) {
    if (error instanceof ConfigError) return undefined // an older or broken report: a new run replaces it
    throw error
  }
}

/**
 * The texts a command works on when none are named: the project config's `inputs`, else those of the last
 * clean run into `outFolder` (its report.json knows them), else — without a project config — `./seeds`
 * (the demo corpus of mtclean's own clone); otherwise the user is told what to do.
 */
export function inputsOrDefault(paths: string[], outFolder: string, cwd: string, config?: ProjectConfig): string[] {
  if (paths.length > 0) return paths
  if (config?.inputs) return config.inputs.map((input) => path.relative(cwd, input) || '.')
  const run = lastRun(outFolder, cwd)
  if (run) {
    const base = path.resolve(outFolder, run.base)
    return run.inputs.map((input) => path.relative(cwd, path.resolve(base, input)) || '.')
  }
  if (!config && existsSync(path.join(cwd, 'seeds'))) return ['seeds']
  if (config) throw new ConfigError(`name the files or folders to work on, or list them under \`inputs:\` in ${shownPath(config.file, cwd)}`, 'mtclean')
  throw new ConfigError(
    'name the files or folders to work on (there is no earlier run in this output folder, and no ./seeds), or run `mtclean init` to write a project config that lists them',
    'mtclean',
  )
}

/** `--jobs`: how many threads share the files (for the rules alone, the main thread is one of them). */
export const JOBS_OPTION = ['-j, --jobs <n>', 'threads that share the files (default: one per core for large runs, 1 for small ones)'] as const

/** Adds `--jobs` to a command; its value is a positive whole number. */
export function withJobs(command: Command): Command {
  return command.option(...JOBS_OPTION, (value: string) => {
    const jobs = Number(value)
    if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError('a positive whole number is needed.')
    return jobs
  })
}

/** The threads for a run over files of these sizes: `--jobs` if given, else the default. */
export function jobsFor(given: number | undefined, sizes: number[], work: Work): number {
  if (given === undefined)
    return defaultJobs(
      sizes.length,
      sizes.reduce((sum, size) => sum + size, 0),
      work,
    )
  // More threads than files or cores only cost memory and start-up (1,000 threads for 3 files took 9 GB).
  return Math.max(1, Math.min(given, sizes.length, availableParallelism()))
}

export function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0 // reported when the file is read
  }
}

/** How much a check's findings weigh, as ESLint says it: `off` silences, `warn` reports, `error` fails the run. */
export const SEVERITIES = ['off', 'warn', 'error'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The report views a project can ask `clean` for (`report: [md, html]`). */
export const REPORT_VIEWS = ['md', 'html', 'json'] as const
export type ReportView = (typeof REPORT_VIEWS)[number]

/**
 * A span of plain text to leave alone: a literal phrase (`" - Ecns.cn"`), or a regular expression
 * (`{regex: '\(Xinhua\)'}`). Plain data, so a worker thread gets it as is.
 */
export type IgnoreEntry = { phrase: string } | { regex: string; flags: string }

/** The rule layers, read in this order: the bundled set, the project's folder, extra files or folders. */
export interface RuleLayers {
  bundled: boolean
  /** The project's rules folder (absolute): where `rules add` and `names add` write. */
  folder?: string
  /** Extra rule files or folders (absolute), read last. */
  extra: string[]
}

/** A project's `mtclean.config.yaml` (or `.mtcleanrc.yaml`, or `"mtclean"` in package.json), validated. */
export interface ProjectConfig {
  /** The config file (absolute). */
  file: string
  /** Its folder (absolute): every path in the config is relative to it. */
  folder: string
  /** Texts to work on when none are named (absolute). */
  inputs?: string[]
  /** The output folder of `clean` (absolute). */
  out?: string
  rules?: RuleLayers
  /** Severity of each check by rule id; a check not named keeps the behaviour without a config. */
  checks: Record<string, Severity>
  /** The report views `clean` writes (wired by `clean --report`). */
  report?: ReportView[]
  /** File extensions searched in folders, without the dot (`txt`, `md`). */
  extensions?: string[]
  ignore: IgnoreEntry[]
}

import type { SkipReason } from '../model/change.js'
import type { Decision } from '../model/decision.js'
import type { Report, ReportedFinding, RuleCount, RunInfo } from './report.js'

/**
 * report.json as written: each change once, with only what cannot be derived. A change's line and column,
 * the text around it, its rule's category and place, a file's copy path from the run's folder and a
 * finding's link are worked out when the report is read (`expand.ts`), from the rules table and from the
 * text the run cleaned (the cleaned copy with its changes undone, or the source while it is unchanged).
 * The paragraphs a change sits in are never repeated: the file grows with the number of changes.
 */
export const REPORT_VERSION = 2

export interface StoredChange {
  id: string
  ruleId: string
  /** UTF-16 code units into the source, as the run read it. */
  start: number
  end: number
  before: string
  after: string
  /** A snapshot of decisions.json when the run was made; absent: undecided. */
  decision?: Decision
}

export interface StoredSkip extends Omit<StoredChange, 'decision'> {
  reason: SkipReason
  by?: string
}

export type StoredFinding = Omit<ReportedFinding, 'url'>

export interface StoredFile {
  path: string
  /** Absent in the file when it is where `clean` puts a file found under the run's inputs (`derivedCopy`); always set once read. */
  copy: string
  sourceHash: string
  changes: StoredChange[]
  /** Absent when empty, as most are. */
  skipped?: StoredSkip[]
  findings?: StoredFinding[]
}

export interface StoredReport {
  version: typeof REPORT_VERSION
  run: RunInfo
  summary: Report['summary']
  /** Every rule a change of the report names (with `count` 0 for a rule whose changes were all held back). */
  rules: RuleCount[]
  files: StoredFile[]
  failures: Report['failures']
}

/**
 * Where `clean` puts the copy of a file at `file` (relative to the run's folder) found under the run's
 * inputs: below the first input folder holding it, at its path there; a file named as an input, by its
 * name. report.json leaves `copy` out when it is this, and keeps it when it is not (a file given both ways).
 */
export function derivedCopy(file: string, inputs: string[]): string | undefined {
  for (const input of inputs) {
    if (file === input) return file.slice(file.lastIndexOf('/') + 1)
    if (input === '.' && file !== '..' && !file.startsWith('../')) return file
    if (file.startsWith(`${input}/`)) return file.slice(input.length + 1)
  }
  return undefined
}

/** An entry as written: without its `copy` when that is derived from the inputs again. */
export function withoutDerivedCopy(file: StoredFile, inputs: string[]): Omit<StoredFile, 'copy'> & { copy?: string } {
  if (derivedCopy(file.path, inputs) !== file.copy) return file
  const { copy: _copy, ...rest } = file
  return rest
}

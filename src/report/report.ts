import { createHash } from 'node:crypto'
import type { SkipReason } from '../model/change.js'
import { formatLocation } from '../model/errors.js'
import type { RuleSet } from '../match/rule-set.js'
import type { Category } from '../model/rule.js'
import type { Decision } from '../model/decision.js'

/** One change as the reports and review show it. Offsets are UTF-16 code units into the source. */
export interface ReportedChange {
  id: string
  ruleId: string
  category: Category
  /** Where the rule is defined: `file:line:column`. */
  rule: string
  line: number
  column: number
  endLine: number
  endColumn: number
  start: number
  end: number
  before: string
  after: string
  /** A few words around the change, for a person to read: the text before and after it. */
  context: { before: string; after: string }
}

/** An applied change: accepted by a person, or not yet decided. */
export interface ReportedApplied extends ReportedChange {
  decision: Decision | 'undecided'
}

export interface ReportedSkip extends ReportedChange {
  reason: SkipReason
  /** The id of the change that won (for an overlap) or that it ties with (ambiguous). */
  by: string | null
}

/** What `check` still finds in a cleaned copy, at its place in that copy. */
export interface ReportedFinding {
  ruleId: string
  reason: string
  line: number
  column: number
  endLine: number
  endColumn: number
  actual: string
  expected: string[]
  url: string
}

export interface ReportedFile {
  /** The source, relative to the run's base folder (`run.base`). */
  path: string
  /** The cleaned copy's place in the output folder: what change ids and decisions key the file by. */
  copy: string
  /** sha256 of the source text the changes were computed on: `apply` refuses a file that differs. */
  sourceHash: string
  output: string
  changes: ReportedApplied[]
  skipped: ReportedSkip[]
  findings: ReportedFinding[]
}

export interface RuleCount {
  ruleId: string
  category: Category
  rule: string
  count: number
}

/** How the run was made: enough for `review`, `apply` and `status` to find everything again from anywhere. */
export interface RunInfo {
  /** The folder every path of the report is relative to, as a path from the output folder (`..` usually). */
  base: string
  /** The paths the run was given, relative to the base. */
  inputs: string[]
  /** The `--rules` paths, relative to the base; null when the default rules were used. */
  rules: string[] | null
  /** sha256 over the rule files' texts: `status` tells when the rules changed since. */
  rulesHash: string
  /** Whether the run checked the cleaned copies (`--check`): the files' findings mean something only then. */
  checked: boolean
}

export interface Report {
  run: RunInfo
  summary: {
    files: number
    changedFiles: number
    changes: number
    accepted: number
    rejected: number
    skipped: number
    findings: number
    failed: number
    rulesFired: number
  }
  rules: RuleCount[]
  files: ReportedFile[]
  failures: { path: string; error: string }[]
}

/** The report without its files: what is known only when every file is done. */
export type RunSummary = Omit<Report, 'files'>

/** The text kept on each side of a change for `apply` to check that it still fits (derived, never stored). */
export const CONTEXT_CHARS = 30

export const hashText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * A source's hash as report.json keeps it: the first 16 hex digits of its sha256 (64 bits tell an edited
 * file from the one the run read; the whole hash was a tenth of a report of many small files).
 */
export const sourceHashOf = (text: string): string => hashText(text).slice(0, 16)

/** Whether a full sha256 (decisions.json keeps those) is of the text a report's `sourceHash` was made from. */
export const isSourceHash = (fullHash: string | undefined, sourceHash: string): boolean =>
  fullHash !== undefined && sourceHash.length >= 16 && fullHash.startsWith(sourceHash)

/** What a file adds to the run's totals: small, so a run of any size keeps all of them. */
export interface FileTally {
  changes: number
  accepted: number
  rejected: number
  skipped: number
  findings: number
  /** Applied changes per rule id. */
  byRule: Record<string, number>
  /** Rules of the changes held back (report.json names every rule a change refers to). */
  heldBackRules: string[]
}

/** The run's totals, added up a file at a time as the files stream past. */
export class RunTally {
  readonly summary: Report['summary'] = { files: 0, changedFiles: 0, changes: 0, accepted: 0, rejected: 0, skipped: 0, findings: 0, failed: 0, rulesFired: 0 }
  readonly failures: Report['failures'] = []
  private readonly byRule = new Map<string, number>()
  private readonly heldBackRules = new Set<string>()

  addFile(tally: FileTally): void {
    const summary = this.summary
    summary.files++
    if (tally.changes > 0) summary.changedFiles++
    summary.changes += tally.changes
    summary.accepted += tally.accepted
    summary.rejected += tally.rejected
    summary.skipped += tally.skipped
    summary.findings += tally.findings
    for (const [ruleId, count] of Object.entries(tally.byRule)) this.byRule.set(ruleId, (this.byRule.get(ruleId) ?? 0) + count)
    for (const ruleId of tally.heldBackRules) this.heldBackRules.add(ruleId)
  }

  addFailure(path: string, error: string): void {
    this.summary.failed++
    this.failures.push({ path, error })
  }

  /**
   * Changes per rule, in rule-set order: every rule a change names, applied or held back (count 0), so
   * that report.json gives each change's category and rule place once per rule rather than per change.
   */
  rules(ruleSet: RuleSet): RuleCount[] {
    const rules = ruleSet.rules
      .filter((rule) => this.byRule.has(rule.id) || this.heldBackRules.has(rule.id))
      .map((rule) => ({ ruleId: rule.id, category: rule.category, rule: formatLocation(rule.location), count: this.byRule.get(rule.id) ?? 0 }))
    this.summary.rulesFired = rules.filter((rule) => rule.count > 0).length
    return rules
  }
}

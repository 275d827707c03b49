import { location } from 'vfile-location'
import type { VFileMessage } from 'vfile-message'
import type { Change } from '../change.js'
import type { FileFailure, FileResult } from '../clean.js'
import { formatLocation } from '../errors.js'
import type { RuleSet } from '../rules/compile.js'
import type { Category } from '../rules/types.js'
import { changeIds } from './ids.js'

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

export interface ReportedSkip extends ReportedChange {
  reason: 'overlap' | 'ambiguous'
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
  path: string
  output: string
  changes: ReportedChange[]
  skipped: ReportedSkip[]
  findings: ReportedFinding[]
}

export interface RuleCount {
  ruleId: string
  category: Category
  rule: string
  count: number
}

export interface Report {
  summary: { files: number; changedFiles: number; changes: number; skipped: number; findings: number; failed: number; rulesFired: number }
  rules: RuleCount[]
  files: ReportedFile[]
  failures: { path: string; error: string }[]
}

const CONTEXT_CHARS = 30

function describe(change: Change, id: string, source: string, toPoint: ReturnType<typeof location>['toPoint']): ReportedChange {
  const start = toPoint(change.start)
  const end = toPoint(change.end)
  return {
    id,
    ruleId: change.rule.id,
    category: change.rule.category,
    rule: formatLocation(change.rule.location),
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? 1,
    endColumn: end?.column ?? 1,
    start: change.start,
    end: change.end,
    before: change.before,
    after: change.after,
    context: {
      before: source.slice(Math.max(0, change.start - CONTEXT_CHARS), change.start),
      after: source.slice(change.end, change.end + CONTEXT_CHARS),
    },
  }
}

function describeFinding(message: VFileMessage): ReportedFinding {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return {
    ruleId: message.ruleId ?? '',
    reason: message.reason,
    line: place?.start.line ?? message.line ?? 1,
    column: place?.start.column ?? message.column ?? 1,
    endLine: place?.end.line ?? message.line ?? 1,
    endColumn: place?.end.column ?? message.column ?? 1,
    actual: message.actual ?? '',
    expected: message.expected ?? [],
    url: message.url ?? '',
  }
}

/**
 * The report's data: the same change list that made the cleaned copy and the diff, and what the checks
 * still find in each cleaned copy (`findingsOf`).
 */
export function buildReport(
  results: FileResult[],
  failures: FileFailure[],
  ruleSet: RuleSet,
  outputPathOf: (result: FileResult) => string,
  findingsOf: (result: FileResult) => VFileMessage[] = () => [],
): Report {
  const counts = new Map<string, number>()
  const files = results.map((result): ReportedFile => {
    const { toPoint } = location(result.source)
    const all = [...result.applied, ...result.skipped.map((skip) => skip.change)]
    const ids = new Map(changeIds(result.input.displayPath, result.source, all).map((id, index) => [all[index]!, id]))
    for (const change of result.applied) counts.set(change.rule.id, (counts.get(change.rule.id) ?? 0) + 1)
    return {
      path: result.input.displayPath,
      output: outputPathOf(result),
      changes: result.applied.map((change) => describe(change, ids.get(change)!, result.source, toPoint)),
      skipped: result.skipped.map((skip) => ({
        ...describe(skip.change, ids.get(skip.change)!, result.source, toPoint),
        reason: skip.reason,
        by: skip.by ? (ids.get(skip.by) ?? null) : null,
      })),
      findings: findingsOf(result).map(describeFinding),
    }
  })
  const rules: RuleCount[] = ruleSet.rules
    .filter((rule) => counts.has(rule.id))
    .map((rule) => ({ ruleId: rule.id, category: rule.category, rule: formatLocation(rule.location), count: counts.get(rule.id)! }))
  return {
    summary: {
      files: results.length,
      changedFiles: results.filter((result) => result.applied.length > 0).length,
      changes: files.reduce((sum, file) => sum + file.changes.length, 0),
      skipped: files.reduce((sum, file) => sum + file.skipped.length, 0),
      findings: files.reduce((sum, file) => sum + file.findings.length, 0),
      failed: failures.length,
      rulesFired: rules.length,
    },
    rules,
    files,
    failures: failures.map((failure) => ({ path: failure.input.displayPath, error: failure.error.message })),
  }
}

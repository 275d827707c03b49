import { location } from 'vfile-location'
import type { VFileMessage } from 'vfile-message'
import { createHash } from 'node:crypto'
import type { Change, SkipReason } from '../change.js'
import type { FileFailure, FileResult } from '../clean.js'
import { formatLocation } from '../errors.js'
import type { RuleSet } from '../rules/compile.js'
import type { Category } from '../rules/types.js'
import type { Decision } from '../review/decisions.js'

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
  path: string
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

export interface Report {
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
export const hashText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export function buildReport(
  results: FileResult[],
  failures: FileFailure[],
  ruleSet: RuleSet,
  outputPathOf: (result: FileResult) => string,
  findingsOf: (result: FileResult) => VFileMessage[] = () => [],
  decisionOf: (id: string) => Decision | undefined = () => undefined,
): Report {
  const counts = new Map<string, number>()
  const files = results.map((result): ReportedFile => {
    const { toPoint } = location(result.source)
    const ids = result.ids
    for (const change of result.applied) counts.set(change.rule.id, (counts.get(change.rule.id) ?? 0) + 1)
    return {
      path: result.input.displayPath,
      sourceHash: hashText(result.source),
      output: outputPathOf(result),
      changes: result.applied.map((change) => {
        const id = ids.get(change)!
        return { ...describe(change, id, result.source, toPoint), decision: decisionOf(id) ?? 'undecided' }
      }),
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
      accepted: files.reduce((sum, file) => sum + file.changes.filter((change) => change.decision === 'accepted').length, 0),
      rejected: files.reduce((sum, file) => sum + file.skipped.filter((skip) => skip.reason === 'rejected').length, 0),
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

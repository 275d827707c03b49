import { existsSync } from 'node:fs'
import { location } from 'vfile-location'
import { applyChanges } from '../apply/apply.js'
import { OffsetMap, spansMeet, type Span } from '../apply/offset-map.js'
import { readTextFile } from '../io/read.js'
import { sourceHashOf, type ReportedFile } from '../report/report.js'
import type { RunRecord } from './record.js'
import type { ChangeItem, FindingItem, ReviewItem } from './session.js'

/** A finding in a cleaned copy: its span there (UTF-16 offsets) and what it says. */
export interface CopyFinding extends Span {
  ruleId: string
  reason: string
  actual: string
  expected: string[]
}

export interface ReviewPlan {
  items: ReviewItem[]
  /** Files shown: those with a change or a finding. */
  files: number
  /** Sources edited (or gone) since the run: their changes would not fit; `clean` must run again. */
  stale: string[]
}

export interface PlanOptions {
  /** Only these sources (absolute paths); all when absent. */
  only?: Set<string>
  /** A rule's note, by rule id. */
  noteOf: (ruleId: string) => string | undefined
  /** The checks on a cleaned copy, when the run did not record them (`clean` without `--check`). */
  check?: (copy: string, file: string) => CopyFinding[]
}

const lineOf = (text: string, cutAtEnd: boolean): string => (cutAtEnd ? text.split('\n')[0]! : text.slice(text.lastIndexOf('\n') + 1))

/** The run's recorded findings of a copy, with their spans in it. */
function recordedFindings(file: ReportedFile, copy: string): CopyFinding[] {
  const { toOffset } = location(copy)
  return file.findings.map((finding) => ({
    ruleId: finding.ruleId,
    reason: finding.reason,
    actual: finding.actual,
    expected: finding.expected,
    start: toOffset({ line: finding.line, column: finding.column }) ?? 0,
    end: toOffset({ line: finding.endLine, column: finding.endColumn }) ?? 0,
  }))
}

/**
 * What `review` walks through, file by file: each change a person decides on (places in the source), then
 * the file's open findings, moved from the cleaned copy to the source, without those at a rejected change.
 */
export function planReview(record: RunRecord, options: PlanOptions): ReviewPlan {
  const items: ReviewItem[] = []
  const stale: string[] = []
  let files = 0
  for (const file of record.report.files) {
    const sourcePath = record.sourcePath(file)
    if (options.only && !options.only.has(sourcePath)) continue
    const shown = record.shown(file)
    const source = existsSync(sourcePath) ? readTextFile(sourcePath) : undefined
    if (source === undefined || sourceHashOf(source) !== file.sourceHash) {
      if (record.decidable(file).some((change) => record.stateOf(change.id) === 'undecided') || file.findings.length > 0) stale.push(shown)
      continue
    }
    const decidable = record.decidable(file)
    const changes: ChangeItem[] = decidable.map((change) => ({
      kind: 'change',
      id: change.id,
      file: shown,
      ruleId: change.ruleId,
      ruleLocation: change.rule,
      note: options.noteOf(change.ruleId),
      line: change.line,
      column: change.column,
      before: change.before,
      after: change.after,
      contextBefore: lineOf(change.context.before, false),
      contextAfter: lineOf(change.context.after, true),
    }))
    const copy = applyChanges(
      source,
      file.changes.map((change) => ({ ...change, rule: { order: 0 } })),
    ).output
    const map = new OffsetMap(file.changes)
    const rejected = decidable.filter((change) => record.stateOf(change.id) === 'rejected').map((change) => map.toOutput(change))
    const found = record.report.run.checked ? recordedFindings(file, copy) : (options.check?.(copy, file.copy) ?? [])
    const { toPoint } = location(source)
    const findings: FindingItem[] = found
      .filter((finding) => !rejected.some((span) => spansMeet(span, finding)))
      .map((finding) => {
        const at = toPoint(map.toSource(finding).start) ?? { line: 1, column: 1 }
        return {
          kind: 'finding',
          file: shown,
          ruleId: finding.ruleId,
          reason: finding.reason,
          line: at.line,
          column: at.column,
          actual: finding.actual,
          expected: finding.expected,
        }
      })
    if (changes.length + findings.length > 0) files++
    items.push(...changes, ...findings)
  }
  return { items, files, stale }
}

import type { VFileMessage } from 'vfile-message'
import type { FileResult } from '../engine/clean.js'
import type { Change } from '../model/change.js'
import type { Decision } from '../model/decision.js'
import { type FileTally, sourceHashOf } from './report.js'
import type { StoredFile, StoredFinding } from './stored.js'

/* One file of a run as report.json stores it, and what it adds to the run's totals. */

function describeFinding(message: VFileMessage): StoredFinding {
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
  }
}

/**
 * One file's entry in report.json, made from the run's result: the same change list that made its cleaned
 * copy and its diff, each change once with only what cannot be derived (`stored.ts`), and what the checks
 * still find in the copy (`findings`, when the run checks).
 */
export function recordFile(
  result: FileResult,
  place: { path: string; copy: string },
  findings: VFileMessage[] = [],
  decisionOf: (id: string) => Decision | undefined = () => undefined,
): StoredFile {
  const ids = result.ids
  const edit = (change: Change, id: string) => ({
    id,
    ruleId: change.rule.id,
    start: change.start,
    end: change.end,
    before: change.before,
    after: change.after,
  })
  const file: StoredFile = {
    path: place.path,
    copy: place.copy,
    sourceHash: sourceHashOf(result.source),
    changes: result.applied.map((change) => {
      const id = ids.get(change)!
      const decision = decisionOf(id)
      return decision ? { ...edit(change, id), decision } : edit(change, id)
    }),
  }
  if (result.skipped.length > 0) {
    file.skipped = result.skipped.map((skip) => {
      const by = skip.by ? ids.get(skip.by) : undefined
      return { ...edit(skip.change, ids.get(skip.change)!), reason: skip.reason, ...(by ? { by } : {}) }
    })
  }
  if (findings.length > 0) file.findings = findings.map(describeFinding)
  return file
}

export function tallyOf(file: StoredFile): FileTally {
  const byRule: Record<string, number> = {}
  for (const change of file.changes) byRule[change.ruleId] = (byRule[change.ruleId] ?? 0) + 1
  const skipped = file.skipped ?? []
  return {
    changes: file.changes.length,
    accepted: file.changes.filter((change) => change.decision === 'accepted').length,
    rejected: skipped.filter((skip) => skip.reason === 'rejected').length,
    skipped: skipped.length,
    findings: file.findings?.length ?? 0,
    byRule,
    heldBackRules: [...new Set(skipped.map((skip) => skip.ruleId))],
  }
}

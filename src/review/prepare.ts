import path from 'node:path'
import { formatOf } from '../formats/format.js'
import { loadProseReaders, proseOf } from '../formats/prose.js'
import { findInputs } from '../io/inputs.js'
import { defaultRulePaths, loadRuleSet } from '../rules/load.js'
import { planReview, type CopyFinding, type ReviewPlan } from './items.js'
import { RunRecord, type DecidableChange } from './record.js'
import type { DecisionStore } from './session.js'

/** What a review (in the terminal or the browser) works from: the record, the rules, and what to walk through. */
export interface PreparedReview {
  record: RunRecord
  /** The rule paths as `--rules` would name them, relative to the working folder: where words and rules are written. */
  rulePaths: string[]
  plan: ReviewPlan
}

export interface ReviewScope {
  /** The output folder of the run (`--out`). */
  out: string
  rules?: string[]
  /** Only these sources (files or folders) of the run; all when empty. */
  paths?: string[]
}

/** The rule paths a review writes to: those given, else the run's, else the project's default. */
export function reviewRulePaths(record: RunRecord, cwd: string, given?: string[]): string[] {
  return given ?? (record.report.run.rules?.map((each) => path.relative(cwd, path.resolve(record.base, each))) || defaultRulePaths(cwd))
}

/**
 * Reads the last run's record and plans the review: every change to decide with its rule's note, and the
 * open findings (from the run, or checked now when the run did not check).
 */
export async function prepareReview(scope: ReviewScope, cwd: string): Promise<PreparedReview> {
  const record = RunRecord.open(path.resolve(cwd, scope.out), cwd)
  const rulePaths = reviewRulePaths(record, cwd, scope.rules)
  const ruleSet = loadRuleSet(rulePaths)
  const notes = new Map(ruleSet.rules.map((rule) => [rule.id, rule.note]))
  const only = scope.paths && scope.paths.length > 0 ? new Set(findInputs(scope.paths, cwd).files.map((file) => file.absolutePath)) : undefined
  // The checks load a dictionary: only when the run did not record its findings.
  const checker = record.report.run.checked ? undefined : (await import('../checks/index.js')).createChecker(ruleSet)
  if (checker) await loadProseReaders(['markdown', 'html'])
  // Markdown and HTML copies: only their prose is checked (src/formats/).
  const check = (copy: string, file: string): CopyFinding[] =>
    (checker?.check(copy, undefined, proseOf(copy, formatOf(file))).messages ?? []).map((message) => ({
      ruleId: message.ruleId ?? '',
      reason: message.reason,
      actual: message.actual ?? '',
      expected: message.expected ?? [],
      start: message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0,
      end: message.place && 'end' in message.place ? (message.place.end.offset ?? 0) : 0,
    }))
  const plan = planReview(record, { only, noteOf: (id) => notes.get(id), check })
  return { record, rulePaths, plan }
}

/** Each record's decidable changes by id, worked out once per record. */
const changesById = new WeakMap<RunRecord, Map<string, DecidableChange>>()

/**
 * The session's store over a record: each decision goes into decisions.json's map (the caller saves).
 * `record` is asked each time: the web review reads the record again when another tab or the terminal
 * changed it.
 */
export function recordStore(record: () => RunRecord): DecisionStore {
  return {
    get: (id) => record().review.decisions.get(id)?.decision,
    set: (item, decision) => {
      const current = record()
      let byId = changesById.get(current)
      if (!byId) changesById.set(current, (byId = new Map(current.allDecidable().map((change) => [change.id, change]))))
      const change = byId.get(item.id)
      if (!change) return
      if (decision) current.decide(change, decision)
      else current.review.decisions.delete(item.id)
    },
  }
}

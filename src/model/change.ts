import type { RuleInfo } from './rule.js'

/**
 * A proposed edit: replace `[start, end)` of the source text (UTF-16 offsets) by `after`.
 * Matching produces these; one applier applies them; the diff, the reports and review read them.
 */
export interface Change {
  start: number
  end: number
  /** The source text in `[start, end)`. */
  before: string
  after: string
  rule: RuleInfo
}

/** Why a change was not applied: beaten by an overlapping one, tied with another entity, or held back by a person's decision. */
export type SkipReason = 'overlap' | 'ambiguous' | 'rejected' | 'undecided'

/** A change that was not applied, and why; `by` is the change that won where one did. */
export interface SkippedChange {
  change: Change
  reason: SkipReason
  by?: Change
}

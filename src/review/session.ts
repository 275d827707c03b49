import type { Decision, DecisionRecord, Decisions } from './decisions.js'

/** One change to decide on, with what a person needs to judge it. */
export interface ReviewItem {
  id: string
  file: string
  ruleId: string
  ruleLocation: string
  note?: string
  line: number
  column: number
  before: string
  after: string
  contextBefore: string
  contextAfter: string
}

/** The keys of the review, as in `git add -p`; the help text and the prompt derive from this table. */
export const REVIEW_KEYS = [
  { key: 'y', help: 'accept this change' },
  { key: 'n', help: 'reject this change' },
  { key: 'a', help: 'accept this and every later change of this rule' },
  { key: 'd', help: 'reject this and every later change of this rule' },
  { key: 's', help: 'skip the rest of this file (decide later)' },
  { key: 'u', help: 'undo the last decision' },
  { key: 'q', help: 'quit; decisions so far are kept' },
  { key: '?', help: 'print help' },
] as const
export type ReviewKey = (typeof REVIEW_KEYS)[number]['key']

/**
 * The review's state, without any terminal: a queue of undecided changes, the decisions made, and an
 * undo stack. Every decision is recorded at once, so quitting (or a crash) keeps what was decided.
 */
export class ReviewSession {
  private position = 0
  private readonly skippedFiles = new Set<string>()
  /** Each step: the ids it decided (with what they had before) and the position to return to. */
  private readonly history: { position: number; previous: [string, DecisionRecord | undefined][]; skipped?: string }[] = []

  constructor(
    readonly items: ReviewItem[],
    readonly decisions: Decisions,
  ) {
    this.advance()
  }

  get current(): ReviewItem | undefined {
    return this.items[this.position]
  }

  get done(): boolean {
    return this.position >= this.items.length
  }

  /** Counts for the prompt: which change of how many. */
  get progress(): { index: number; total: number } {
    return { index: this.position + 1, total: this.items.length }
  }

  decide(decision: Decision): void {
    const item = this.current
    if (!item) return
    this.record([item], decision)
  }

  /** This change and every later undecided change of the same rule. */
  decideRule(decision: Decision): void {
    const item = this.current
    if (!item) return
    this.record(
      this.items.slice(this.position).filter((other) => other.ruleId === item.ruleId && !this.decisions.has(other.id) && !this.skippedFiles.has(other.file)),
      decision,
    )
  }

  skipFile(): void {
    const item = this.current
    if (!item) return
    this.history.push({ position: this.position, previous: [], skipped: item.file })
    this.skippedFiles.add(item.file)
    this.advance()
  }

  /** Takes back the last step; returns false when there is nothing to undo. */
  undo(): boolean {
    const step = this.history.pop()
    if (!step) return false
    for (const [id, record] of step.previous) {
      if (record) this.decisions.set(id, record)
      else this.decisions.delete(id)
    }
    if (step.skipped) this.skippedFiles.delete(step.skipped)
    this.position = step.position
    return true
  }

  private record(items: ReviewItem[], decision: Decision): void {
    this.history.push({ position: this.position, previous: items.map((item) => [item.id, this.decisions.get(item.id)]) })
    for (const item of items) {
      this.decisions.set(item.id, { decision, file: item.file, ruleId: item.ruleId, before: item.before, after: item.after })
    }
    this.advance()
  }

  /** Moves to the next change nobody has decided on, outside skipped files. */
  private advance(): void {
    while (this.position < this.items.length) {
      const item = this.items[this.position]!
      if (!this.decisions.has(item.id) && !this.skippedFiles.has(item.file)) return
      this.position++
    }
  }
}

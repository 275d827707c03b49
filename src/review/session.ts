import type { Decision } from '../model/decision.js'

/** One change to decide on, with what a person needs to judge it (places are the source's). */
export interface ChangeItem {
  kind: 'change'
  id: string
  /** The source, as shown to the person. */
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

/** An open finding of the checks, at its place in the source: a person fixes it, keeps the word, or makes a rule. */
export interface FindingItem {
  kind: 'finding'
  file: string
  ruleId: string
  reason: string
  line: number
  column: number
  actual: string
  expected: string[]
}

export type ReviewItem = ChangeItem | FindingItem

/** The keys of the review, as in `git add -p`; the help text and the prompts derive from this table. */
export const REVIEW_KEYS = [
  { key: 'y', on: 'change', help: 'accept this change' },
  { key: 'n', on: 'change', help: 'reject this change (the text stays as written; no check asks about it again)' },
  { key: 'a', on: 'change', help: 'accept this and every later undecided change of this rule' },
  { key: 'd', on: 'change', help: 'reject this and every later undecided change of this rule' },
  { key: 'k', on: 'finding', help: 'keep: this word is right (adds it to the names list; never flagged again)' },
  { key: 'r', on: 'finding', help: 'make a rule: the suggestion becomes the canonical form of this word' },
  { key: 'n', on: 'finding', help: 'next: leave this finding open' },
  { key: 's', on: 'both', help: 'skip the rest of this file (decide later)' },
  { key: 'u', on: 'both', help: 'undo the last step (a word kept or a rule made stays in its file)' },
  { key: 'q', on: 'both', help: 'quit; decisions so far are kept' },
  { key: '?', on: 'both', help: 'print help' },
] as const
export type ReviewKey = (typeof REVIEW_KEYS)[number]['key']

/** The keys that act on an item of this kind. */
export const keysFor = (kind: ReviewItem['kind']): ReviewKey[] => [
  ...new Set(REVIEW_KEYS.filter((each) => each.on === kind || each.on === 'both').map((each) => each.key)),
]

/** Where the session records decisions: the run record (decisions.json), read and written by id. */
export interface DecisionStore {
  get(id: string): Decision | undefined
  set(item: ChangeItem, decision: Decision | undefined): void
}

/**
 * The review's state, without any terminal: a queue of changes nobody has decided on and of open
 * findings, file by file, and an undo stack. Every decision goes to the store at once, so quitting (or a
 * crash) keeps what was decided.
 */
export class ReviewSession {
  private position = 0
  private readonly skippedFiles = new Set<string>()
  /** Each step: the ids it decided (with what they had before) and the position to return to. */
  private readonly history: { position: number; previous: [ChangeItem, Decision | undefined][]; skipped?: string }[] = []
  /** The changes undecided when the session began: what the progress counts against. */
  private readonly wasUndecided = new Set<string>()
  readonly changesToReview: number

  constructor(
    readonly items: ReviewItem[],
    readonly decisions: DecisionStore,
  ) {
    for (const item of items) if (item.kind === 'change' && decisions.get(item.id) === undefined) this.wasUndecided.add(item.id)
    this.changesToReview = this.wasUndecided.size
    this.advance()
  }

  get current(): ReviewItem | undefined {
    return this.items[this.position]
  }

  get done(): boolean {
    return this.position >= this.items.length
  }

  /** Which undecided change of how many (counting only changes undecided at the start). */
  get progress(): { index: number; total: number } {
    const before = this.items.slice(0, this.position).filter((item) => item.kind === 'change' && this.wasUndecided.has(item.id)).length
    return { index: before + 1, total: this.changesToReview }
  }

  decide(decision: Decision): void {
    const item = this.current
    if (item?.kind !== 'change') return
    this.record([item], decision)
  }

  /** This change and every later undecided change of the same rule. */
  decideRule(decision: Decision): void {
    const item = this.current
    if (item?.kind !== 'change') return
    this.record(this.restOfRule(this.position), decision)
  }

  /**
   * Decides the change `id` wherever it is in the queue (the web review lets a person pick any change);
   * `undefined` takes its decision back. One step, undone by `undo`. False when there is no such change.
   */
  decideChange(id: string, decision: Decision | undefined): boolean {
    const item = this.changeOf(id)
    if (!item) return false
    this.record([item], decision)
    return true
  }

  /** The change `id` and every undecided change of its rule after it, as `a`/`d` do at the current change. */
  decideRuleFrom(id: string, decision: Decision): boolean {
    const at = this.items.findIndex((item) => item.kind === 'change' && item.id === id)
    if (at < 0) return false
    const item = this.items[at] as ChangeItem
    this.record([item, ...this.restOfRule(at).filter((other) => other !== item)], decision)
    return true
  }

  private changeOf(id: string): ChangeItem | undefined {
    return this.items.find((item): item is ChangeItem => item.kind === 'change' && item.id === id)
  }

  /** The undecided changes of the rule of the change at `from`, from there on, outside skipped files. */
  private restOfRule(from: number): ChangeItem[] {
    const item = this.items[from]
    if (item?.kind !== 'change') return []
    return this.items
      .slice(from)
      .filter(
        (other): other is ChangeItem =>
          other.kind === 'change' && other.ruleId === item.ruleId && this.decisions.get(other.id) === undefined && !this.skippedFiles.has(other.file),
      )
  }

  /** Leaves the current item as it is and moves on (a finding left open). */
  next(): void {
    if (this.done) return
    this.history.push({ position: this.position, previous: [] })
    this.position++
    this.advance()
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
    for (const [item, decision] of step.previous) this.decisions.set(item, decision)
    if (step.skipped) this.skippedFiles.delete(step.skipped)
    this.position = step.position
    return true
  }

  private record(items: ChangeItem[], decision: Decision | undefined): void {
    this.history.push({ position: this.position, previous: items.map((item) => [item, this.decisions.get(item.id)]) })
    for (const item of items) this.decisions.set(item, decision)
    this.advance()
  }

  /** Moves to the next item to show: a change nobody has decided on, or a finding, outside skipped files. */
  private advance(): void {
    while (this.position < this.items.length) {
      const item = this.items[this.position]!
      const decided = item.kind === 'change' && this.decisions.get(item.id) !== undefined
      if (!decided && !this.skippedFiles.has(item.file)) return
      this.position++
    }
  }
}

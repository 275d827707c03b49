import { applyChanges } from '../apply/apply.js'
import { spansMeet, type Span } from '../apply/offset-map.js'
import type { Change, SkippedChange } from '../model/change.js'
import { ConfigError } from '../model/errors.js'
import { formatOf } from '../formats/format.js'
import { allRanges, insideOneRange, isDisabled, maskOutside, proseOf, type ProseMap } from '../formats/prose.js'
import type { InputFile } from '../io/inputs.js'
import { readTextFile } from '../io/read.js'
import { findChanges } from '../match/index.js'
import { changeIds } from '../model/change-ids.js'
import type { Decision } from '../model/decision.js'
import type { RuleSet } from '../match/rule-set.js'

export interface CleanedText {
  output: string
  applied: Change[]
  skipped: SkippedChange[]
  /** The stable id of every change (applied or skipped), when the text has a file name. */
  ids: Map<Change, string>
}

/** What a person decided, for the changes of one file. */
export interface ReviewState {
  /** The file's place in the output folder: part of every change id, the same from any working folder. */
  file: string
  decisionOf: (id: string) => Decision | undefined
  /** Apply only accepted changes (not undecided ones). */
  onlyAccepted?: boolean
}

const bySource = (a: Change, b: Change): number => a.start - b.start || a.end - b.end || a.rule.order - b.rule.order

/**
 * match → apply, for one text. With a review state, every change gets its stable id first, and rejected
 * changes (and, with `onlyAccepted`, undecided ones) are held back before the overlap policy runs, so a
 * change that lost only to a rejected one can apply. `leaveAlone`: spans no change may meet.
 */
export function cleanText(text: string, ruleSet: RuleSet, review?: ReviewState, prose?: ProseMap, leaveAlone: readonly Span[] = []): CleanedText {
  const found = prose ? findProseChanges(text, ruleSet, prose) : findChanges(text, ruleSet)
  // A span the project leaves alone (`ignore:` in its config): no change that meets it is even proposed.
  const outside = (change: Change): boolean => !leaveAlone.some((span) => spansMeet(span, change))
  const changes = leaveAlone.length === 0 ? found.changes : found.changes.filter(outside)
  const ambiguous = leaveAlone.length === 0 ? found.ambiguous : found.ambiguous.filter((skip) => outside(skip.change))
  const all = [...changes, ...ambiguous.map((skip) => skip.change)].sort(bySource)
  const ids = new Map<Change, string>()
  const held: SkippedChange[] = []
  let candidates = changes
  if (review) {
    changeIds(review.file, text, all).forEach((id, index) => {
      ids.set(all[index]!, id)
    })
    candidates = changes.filter((change) => {
      const decision = review.decisionOf(ids.get(change)!)
      if (decision === 'rejected') held.push({ change, reason: 'rejected' })
      else if (review.onlyAccepted && decision !== 'accepted') held.push({ change, reason: 'undecided' })
      else return true
      return false
    })
  }
  const { output, applied, skipped } = applyChanges(text, candidates)
  return { output, applied, skipped: [...ambiguous, ...held, ...skipped].sort((a, b) => bySource(a.change, b.change)), ids }
}

/**
 * The changes of a Markdown or HTML text: the rules see its prose alone (the rest blanked, so code or an
 * address gives no match and every offset stays), and a change must lie inside one stretch of prose (one
 * that reaches into markup, `**Beijing** ,`, is dropped) and outside every span a comment disables for its rule.
 */
function findProseChanges(text: string, ruleSet: RuleSet, prose: ProseMap): ReturnType<typeof findChanges> {
  const ranges = allRanges(prose)
  const { changes, ambiguous } = findChanges(maskOutside(text, ranges), ruleSet)
  const kept = (change: Change): boolean => insideOneRange(change, ranges) && !isDisabled(change, change.rule.id, prose.disabled)
  return { changes: changes.filter(kept), ambiguous: ambiguous.filter((skip) => kept(skip.change)) }
}

export interface FileResult extends CleanedText {
  input: InputFile
  source: string
}

export interface FileFailure {
  input: InputFile
  error: ConfigError
}

export interface CleanRun {
  results: FileResult[]
  /** Files that could not be read (not UTF-8, binary, unreadable): recorded, and the run goes on. */
  failures: FileFailure[]
}

export interface CleanOptions {
  decisionOf?: (id: string) => Decision | undefined
  onlyAccepted?: boolean
}

/** Cleans files one after the other; the parsers of their formats must be loaded first (`loadProseReaders`). */
export function cleanFiles(inputs: InputFile[], ruleSet: RuleSet, options: CleanOptions = {}): CleanRun {
  const results: FileResult[] = []
  const failures: FileFailure[] = []
  for (const input of inputs) {
    let source: string
    try {
      source = readTextFile(input.absolutePath)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      failures.push({ input, error: new ConfigError(error.message, input.displayPath) })
      continue
    }
    const review: ReviewState = { file: input.outputPath, decisionOf: options.decisionOf ?? (() => undefined), onlyAccepted: options.onlyAccepted }
    results.push({ input, source, ...cleanText(source, ruleSet, review, proseOf(source, formatOf(input.absolutePath))) })
  }
  return { results, failures }
}

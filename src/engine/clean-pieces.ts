import { applyChanges } from '../apply/apply.js'
import type { Change } from '../model/change.js'
import { findChanges } from '../match/index.js'
import type { RuleSet } from '../match/rule-set.js'

/** One piece of a cleaned text: the output of `[start, end)` of the source, and the changes applied there. */
export interface CleanedPiece {
  /** Where the piece starts in the source (UTF-16 offsets, as the changes' own). */
  start: number
  end: number
  output: string
  /** In source order, with offsets into the whole source. */
  applied: Change[]
}

export interface PieceSizes {
  /** The least a piece holds (code units); a text up to `piece + margin` is one piece. */
  piece: number
  /** What the rules see on each side of a piece, beyond it. */
  margin: number
}

/**
 * Pieces of 16 M code units with 64 KB on each side: a piece's work stays under about 300 MB, and the
 * bench's 11.6 MB stream is one piece (in pieces of 4 MB it took 0.06 s more to match and 0.2 s more CPU in
 * all, on a run of 1.1 s).
 */
export const PIECE_SIZES: PieceSizes = { piece: 16 << 20, margin: 64 << 10 }

/**
 * A long text cleaned piece by piece, with what cleaning it whole would give, in bounded memory: matching
 * a text takes about 20 times its size (each change, each match and its slices), so `clean -` on a 60 MB
 * stream would need more than a gigabyte at once.
 *
 * A piece ends at the start of a line, and the rules are run on the piece with `margin` code units of the
 * text around it (out to the start of a line), so that what they look at before and after a change is
 * there. A piece keeps the changes that start in it. An end is taken only where no change found crosses
 * it: the overlap policy then decides the changes of each piece as it decides them in the whole text,
 * since it only weighs changes that collide. So the output is the whole text's, byte for byte, as long as
 * no match and no lookaround reaches more than `margin` past a piece's end: a rule would have to read
 * across 64 KB (a variant whose words are that far apart, over a run of blank lines).
 */
export function* cleanInPieces(text: string, ruleSet: RuleSet, sizes: PieceSizes = PIECE_SIZES): Generator<CleanedPiece> {
  let start = 0
  while (start < text.length || start === 0) {
    if (text.length - start <= sizes.piece + sizes.margin) {
      yield cleanWindow(text, ruleSet, start, text.length, lineStartAtOrBefore(text, start - sizes.margin), text.length)
      return
    }
    let piece = sizes.piece
    for (;;) {
      const windowStart = lineStartAtOrBefore(text, start - sizes.margin)
      const windowEnd = lineStartAtOrAfter(text, start + piece + 2 * sizes.margin)
      const window = text.slice(windowStart, windowEnd)
      const { changes } = findChanges(window, ruleSet)
      const end = uncrossedLineStart(window, changes, start + piece - windowStart, windowEnd === text.length ? window.length : window.length - sizes.margin)
      if (end !== undefined) {
        yield pieceOf(window, windowStart, changes, start, windowStart + end)
        start = windowStart + end
        break
      }
      // Every line start within reach is inside a change (a change of more than a megabyte): take a longer piece.
      piece *= 2
    }
  }
}

/** The piece `[start, end)` of the text, its rules run on `[windowStart, windowEnd)`. */
function cleanWindow(text: string, ruleSet: RuleSet, start: number, end: number, windowStart: number, windowEnd: number): CleanedPiece {
  const window = windowStart === 0 && windowEnd === text.length ? text : text.slice(windowStart, windowEnd)
  return pieceOf(window, windowStart, findChanges(window, ruleSet).changes, start, end)
}

/** The changes of `window` (which starts at `windowStart` in the text) that start in `[start, end)`, applied. */
function pieceOf(window: string, windowStart: number, changes: Change[], start: number, end: number): CleanedPiece {
  const from = start - windowStart
  const to = end - windowStart
  const whole = from === 0 && to === window.length
  const mine = whole ? changes : changes.filter((change) => change.start >= from && change.start < to)
  const shift =
    (by: number) =>
    (change: Change): Change => ({ ...change, start: change.start + by, end: change.end + by })
  const { output, applied } = applyChanges(whole ? window : window.slice(from, to), from === 0 ? mine : mine.map(shift(-from)))
  return { start, end, output, applied: start === 0 ? applied : applied.map(shift(start)) }
}

/** The first line start at or after `from` and at most `limit` that no change crosses, if any. */
function uncrossedLineStart(window: string, changes: Change[], from: number, limit: number): number | undefined {
  // Where changes cover, as sorted spans: a line start strictly inside one is crossed.
  const spans = changes.filter((change) => change.end - change.start > 1).sort((a, b) => a.start - b.start)
  let next = 0
  let coveredTo = -1
  for (let candidate = lineStartAtOrAfter(window, from); candidate <= limit; candidate = lineStartAtOrAfter(window, candidate + 1)) {
    while (next < spans.length && spans[next]!.start < candidate) coveredTo = Math.max(coveredTo, spans[next++]!.end)
    if (coveredTo <= candidate) return candidate
    if (candidate >= window.length) return undefined
  }
  return undefined
}

function lineStartAtOrBefore(text: string, offset: number): number {
  if (offset <= 0) return 0
  return text.lastIndexOf('\n', offset - 1) + 1
}

function lineStartAtOrAfter(text: string, offset: number): number {
  if (offset <= 0) return 0
  if (offset >= text.length) return text.length
  if (text[offset - 1] === '\n') return offset
  const newline = text.indexOf('\n', offset)
  return newline < 0 ? text.length : newline + 1
}

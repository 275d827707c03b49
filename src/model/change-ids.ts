import { createHash } from 'node:crypto'
import type { Change } from './change.js'

const CONTEXT_CHARS = 20

/** Up to CONTEXT_CHARS of text on each side, cut at line breaks so an edit in another paragraph leaves it. */
function contextOf(source: string, change: Change): [string, string] {
  const before = source.slice(Math.max(0, change.start - CONTEXT_CHARS), change.start)
  const after = source.slice(change.end, change.end + CONTEXT_CHARS)
  return [before.slice(before.lastIndexOf('\n') + 1), after.split('\n')[0]!]
}

/**
 * Stable ids for a file's changes: a hash of the file, the rule, the matched text and the text around it
 * (within its line), with no offsets, so an id survives edits elsewhere in the file. Identical changes in identical context
 * are told apart by a `-2`, `-3`… suffix in source order.
 */
export function changeIds(file: string, source: string, changes: Change[]): string[] {
  const seen = new Map<string, number>()
  return changes.map((change) => {
    const hash = createHash('sha256')
      .update([file, change.rule.id, change.before, ...contextOf(source, change)].join('\u0000'))
      .digest('hex')
      .slice(0, 12)
    const count = (seen.get(hash) ?? 0) + 1
    seen.set(hash, count)
    return count === 1 ? hash : `${hash}-${count}`
  })
}

import type { Change, SkippedChange } from '../change.js'

/** What the applier needs of a change: its range, its replacement, and its rule's place in the rule set. */
export interface Applicable {
  start: number
  end: number
  after: string
  rule: { order: number }
}

export interface Applied<T extends Applicable = Change> {
  output: string
  /** The changes applied, in source order. */
  applied: T[]
  /** The changes not applied because a winning change overlaps them. */
  skipped: (Omit<SkippedChange, 'change' | 'by'> & { change: T; by?: T })[]
}

const changeLength = (change: Applicable): number => change.end - change.start

/** Two changes collide if their ranges share a character, or both insert at one place. */
export function overlaps(a: Applicable, b: Applicable): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start
  if (a.start === a.end) return b.start < a.start && a.start < b.end
  if (b.start === b.end) return a.start < b.start && b.start < a.end
  return a.start < b.end && b.start < a.end
}

/** The overlap policy: the longest change wins; between equals, the earlier rule, then the earlier place. */
function byPrecedence(a: Applicable, b: Applicable): number {
  return changeLength(b) - changeLength(a) || a.rule.order - b.rule.order || a.start - b.start
}

const bySourceOrder = (a: Applicable, b: Applicable): number => a.start - b.start || a.end - b.end

/**
 * The one applier: keeps the changes that win under the overlap policy, applies them in one pass over
 * the original text, and returns the ones it skipped with the change that beat each.
 */
export function applyChanges<T extends Applicable>(text: string, changes: T[]): Applied<T> {
  const applied: T[] = []
  const skipped: Applied<T>['skipped'] = []
  for (const cluster of overlapClusters([...changes].sort(bySourceOrder))) {
    const winners: T[] = []
    for (const change of cluster.sort(byPrecedence)) {
      const by = winners.find((winner) => overlaps(winner, change))
      if (by) skipped.push({ change, reason: 'overlap', by })
      else winners.push(change)
    }
    applied.push(...winners)
  }
  applied.sort(bySourceOrder)

  const parts: string[] = []
  let position = 0
  for (const change of applied) {
    parts.push(text.slice(position, change.start), change.after)
    position = change.end
  }
  parts.push(text.slice(position))
  return { output: parts.join(''), applied, skipped }
}

/**
 * Splits changes (sorted by start) into runs that may overlap one another, so the longest-first
 * resolution only ever compares neighbours and stays linear on large files.
 */
function overlapClusters<T extends Applicable>(sorted: T[]): T[][] {
  const clusters: T[][] = []
  let current: T[] = []
  let reach = -1
  for (const change of sorted) {
    const touches = change.start < reach || (change.start === reach && current.some((other) => overlaps(other, change)))
    if (!touches && current.length > 0) {
      clusters.push(current)
      current = []
    }
    current.push(change)
    reach = Math.max(reach, change.end)
  }
  if (current.length > 0) clusters.push(current)
  return clusters
}

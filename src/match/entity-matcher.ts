import type { Change } from '../change.js'
import type { EntityRule, EntityVariant } from '../rules/types.js'
import { matchCasing } from './casing.js'
import { contextSources, leadingWordKey, literalSource } from './regexp-source.js'

interface CompiledVariant {
  entity: EntityRule
  variant: EntityVariant
  /** Sticky: tested at one position only. */
  regexp: RegExp
}

const byLengthDescending = (a: string, b: string): number => b.length - a.length

/**
 * Finds every variant of every entity in one scan. A single case-insensitive alternation of all
 * variants finds the places where one may start; the few variants that share the leading word there
 * are then tested exactly (case, context). Occurrences of canonical forms are protected: a variant
 * inside one (`Zaobao` inside `Lianhe Zaobao`) is not a match.
 */
export class EntityMatcher {
  private readonly finder: RegExp | null
  private readonly byLeadingWord = new Map<string, CompiledVariant[]>()
  private readonly canonicalFinders: RegExp[]

  constructor(entities: EntityRule[]) {
    const finderSources: string[] = []
    for (const entity of entities) {
      for (const variant of entity.variants) {
        const { prefix, suffix } = contextSources(variant.context)
        const flags = variant.ignoreCase ? 'iuy' : 'uy'
        const regexp = new RegExp(`${prefix}${literalSource(variant.text)}${suffix}`, flags)
        const key = leadingWordKey(variant.text)
        const group = this.byLeadingWord.get(key) ?? []
        group.push({ entity, variant, regexp })
        this.byLeadingWord.set(key, group)
        finderSources.push(literalSource(variant.text))
      }
    }
    this.finder = finderSources.length > 0 ? new RegExp(finderSources.join('|'), 'giu') : null

    // Longest first, so that at one position the finder reports the longest canonical form.
    const canonicalFinder = (list: EntityRule[], flags: string): RegExp[] => {
      const sources = list.map((entity) => entity.canonical).sort(byLengthDescending).map((text) => literalSource(text))
      return sources.length > 0 ? [new RegExp(sources.join('|'), flags)] : []
    }
    this.canonicalFinders = [
      ...canonicalFinder(entities.filter((entity) => !entity.variants.some((variant) => variant.ignoreCase)), 'gu'),
      ...canonicalFinder(entities.filter((entity) => entity.variants.some((variant) => variant.ignoreCase)), 'giu'),
    ]
  }

  find(text: string): Change[] {
    if (!this.finder) return []
    const isProtected = protectedSpans(text, this.canonicalFinders)
    const changes: Change[] = []
    const finder = new RegExp(this.finder)
    for (let found = finder.exec(text); found; found = finder.exec(text)) {
      const start = found.index
      for (const { entity, variant, regexp } of this.byLeadingWord.get(leadingWordKey(text, start)) ?? []) {
        regexp.lastIndex = start
        const match = regexp.exec(text)
        if (!match) continue
        const end = start + match[0].length
        if (isProtected(start, end)) continue
        const after = variant.ignoreCase ? matchCasing(match[0], entity.canonical) : entity.canonical
        changes.push({ start, end, before: match[0], after, rule: entity })
      }
      // Search again from the next character: a shorter variant may start inside this match.
      finder.lastIndex = start + 1
    }
    return changes
  }
}

/** A test for "lies inside an occurrence of a canonical form", built once per text. */
function protectedSpans(text: string, finders: RegExp[]): (start: number, end: number) => boolean {
  const spans: [number, number][] = []
  for (const pattern of finders) {
    const finder = new RegExp(pattern)
    for (let found = finder.exec(text); found; found = finder.exec(text)) {
      spans.push([found.index, found.index + found[0].length])
      finder.lastIndex = found.index + 1
    }
  }
  if (spans.length === 0) return () => false
  spans.sort((a, b) => a[0] - b[0])
  // furthestEnd[i]: the furthest end among spans[0..i], so one binary search answers each question.
  const furthestEnd: number[] = []
  spans.forEach(([, end], index) => furthestEnd.push(Math.max(end, furthestEnd[index - 1] ?? 0)))
  return (start, end) => {
    let low = 0
    let high = spans.length - 1
    let last = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (spans[middle]![0] <= start) {
        last = middle
        low = middle + 1
      } else high = middle - 1
    }
    return last >= 0 && furthestEnd[last]! >= end
  }
}

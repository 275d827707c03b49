import type { Change } from '../change.js'
import type { EntityRule, EntityVariant } from '../rules/types.js'
import { matchCasing } from './casing.js'
import { PhraseIndex } from './phrase-index.js'

/**
 * Finds every variant of every entity in one scan (see PhraseIndex). Occurrences of canonical forms are
 * protected: a variant inside one (`Zaobao` inside `Lianhe Zaobao`) is not a match.
 */
export class EntityMatcher {
  // Variants and canonical forms in one index: one scan of the text finds both.
  private readonly phrases = new PhraseIndex<{ entity: EntityRule; variant: EntityVariant | null }>()

  constructor(entities: EntityRule[]) {
    for (const entity of entities) {
      for (const variant of entity.variants) {
        this.phrases.add(variant.text, { ignoreCase: variant.ignoreCase, context: variant.context }, { entity, variant })
      }
      const ignoreCase = entity.variants.some((variant) => variant.ignoreCase)
      this.phrases.add(entity.canonical, { ignoreCase }, { entity, variant: null })
    }
  }

  find(text: string): Change[] {
    const matches = this.phrases.findAll(text)
    const found = matches.filter((match) => match.payload.variant !== null)
    if (found.length === 0) return []
    const isProtected = protectedSpans(matches.flatMap((match): [number, number][] => (match.payload.variant === null ? [[match.start, match.end]] : [])))
    const changes: Change[] = []
    for (const { start, end, text: matched, payload } of found) {
      if (isProtected(start, end)) continue
      const { entity } = payload
      const variant = payload.variant!
      const after = variant.ignoreCase ? matchCasing(matched, entity.canonical) : entity.canonical
      changes.push({ start, end, before: matched, after, rule: entity })
    }
    return changes.sort((a, b) => a.start - b.start || b.end - a.end)
  }
}

/** A test for "lies inside one of these spans", answered by one binary search. */
function protectedSpans(spans: [number, number][]): (start: number, end: number) => boolean {
  if (spans.length === 0) return () => false
  spans.sort((a, b) => a[0] - b[0])
  // furthestEnd[i]: the furthest end among spans[0..i].
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

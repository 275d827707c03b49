import type { Change } from '../change.js'
import type { EntityRule, EntityVariant } from '../rules/types.js'
import { matchCasing } from './casing.js'
import { PhraseIndex } from './phrase-index.js'

/**
 * Finds every variant of every entity in one scan (see PhraseIndex). Occurrences of canonical forms are
 * protected: a variant inside one (`Zaobao` inside `Lianhe Zaobao`) is not a match.
 */
export class EntityMatcher {
  private readonly variants = new PhraseIndex<{ entity: EntityRule; variant: EntityVariant }>()
  private readonly canonicals = new PhraseIndex<EntityRule>()

  constructor(entities: EntityRule[]) {
    for (const entity of entities) {
      for (const variant of entity.variants) {
        this.variants.add(variant.text, { ignoreCase: variant.ignoreCase, context: variant.context }, { entity, variant })
      }
      const ignoreCase = entity.variants.some((variant) => variant.ignoreCase)
      this.canonicals.add(entity.canonical, { ignoreCase }, entity)
    }
  }

  find(text: string): Change[] {
    const found = this.variants.findAll(text)
    if (found.length === 0) return []
    const isProtected = protectedSpans(this.canonicals.findAll(text).map((match): [number, number] => [match.start, match.end]))
    const changes: Change[] = []
    for (const { start, end, text: matched, payload } of found) {
      if (isProtected(start, end)) continue
      const { entity, variant } = payload
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

import type { Change } from '../model/change.js'
import type { EntityRule, EntityVariant } from '../model/rule.js'
import { matchCasing } from './casing.js'
import { PhraseIndex } from './phrase-index.js'

interface Payload {
  entity: EntityRule
  /** null for an occurrence of a canonical form, which protects what is inside it. */
  variant: EntityVariant | null
  /** A form derived from the variant (written in capitals, or its words joined by hyphens), not the variant as written. */
  derived: boolean
}

/**
 * The forms a variant is also written in, which the seeds taught (issue 13): in capitals, as in a
 * headline or a byline (`UNITED ZARD`), and, for a variant of several words, with hyphens between them
 * instead of spaces (`United-Zard`, `UNITED-ZARD`). A variant that ignores case has every casing already.
 * The capitals of a short variant are left out: two letters in capitals are an acronym of their own.
 */
export function derivedForms(variant: Pick<EntityVariant, 'text' | 'ignoreCase'>): string[] {
  const words = variant.text.trim().split(/\s+/) // the same `\s` as with the `u` flag, split faster
  const asWritten = [words.join(' '), ...(words.length > 1 ? [words.join('-')] : [])]
  const capitals = variant.ignoreCase || variant.text.replace(/[^\p{L}]/gu, '').length < 3 ? [] : asWritten.map((form) => form.toUpperCase())
  const forms = new Set([...asWritten.slice(1), ...capitals])
  forms.delete(words.join(' '))
  return [...forms]
}

/**
 * Finds every variant of every entity, and its derived forms (derivedForms), in one scan (see PhraseIndex).
 * Occurrences of canonical forms, as written and in the same derived forms, are protected: a variant inside
 * one (`Zaobao` inside `Lianhe Zaobao`) is not a match. Where a variant as written matches, a derived form
 * of another variant at the same place does not.
 */
export class EntityMatcher {
  // Variants and canonical forms in one index: one scan of the text finds both.
  private readonly phrases = new PhraseIndex<Payload>()

  constructor(entities: EntityRule[]) {
    for (const entity of entities) {
      for (const variant of entity.variants) {
        const options = { ignoreCase: variant.ignoreCase, context: variant.context }
        this.phrases.add(variant.text, options, { entity, variant, derived: false })
        for (const form of derivedForms(variant)) this.phrases.add(form, options, { entity, variant, derived: true })
      }
      const ignoreCase = entity.variants.some((variant) => variant.ignoreCase)
      this.phrases.add(entity.canonical, { ignoreCase }, { entity, variant: null, derived: false })
      for (const form of derivedForms({ text: entity.canonical, ignoreCase })) this.phrases.add(form, { ignoreCase }, { entity, variant: null, derived: true })
    }
  }

  find(text: string): Change[] {
    const matches = this.phrases.findAll(text)
    const found = matches.filter((match) => match.payload.variant !== null)
    if (found.length === 0) return []
    // A canonical form as written protects every match inside it; in a derived form, only derived matches
    // (an entity may list the capitals of its own canonical form as a variant: INTERFAX → Interfax).
    const spansOf = (derived: boolean): [number, number][] =>
      matches.flatMap((match): [number, number][] => (match.payload.variant === null && (derived || !match.payload.derived) ? [[match.start, match.end]] : []))
    const protectedAsWritten = protectedSpans(spansOf(false))
    const protectedDerived = protectedSpans(spansOf(true))
    const asWritten = new Set(found.filter((match) => !match.payload.derived).map((match) => `${match.start}:${match.end}`))
    const changes: Change[] = []
    for (const { start, end, text: matched, payload } of found) {
      if ((payload.derived ? protectedDerived : protectedAsWritten)(start, end)) continue
      if (payload.derived && asWritten.has(`${start}:${end}`)) continue
      const { entity, variant } = payload
      // The canonical form in the casing of the match: as written, or in capitals where the match is (LIANHE ZAOBAO).
      const after = variant!.ignoreCase || payload.derived ? matchCasing(matched, entity.canonical) : entity.canonical
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
  spans.forEach(([, end], index) => {
    furthestEnd.push(Math.max(end, furthestEnd[index - 1] ?? 0))
  })
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

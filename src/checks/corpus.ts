import { distance } from 'fastest-levenshtein'
import { shapeOf } from './pinyin.js'

/** A rarer spelling of a capitalised word and the commoner one it is close to, with how often each occurs. */
export interface CorpusSpelling {
  rarer: string
  commoner: string
  rarerCount: number
  commonerCount: number
}

const CAPITALISED = /(?<![\p{L}\p{M}'’-])\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*/gu
const MAX_FORMS = 300_000
/** Case and accents dropped: `Brozović` and `Brozovic` are one spelling, not a slip. */
const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** A word in American spelling, as far as its ending tells (`Defence` → defense, `Centre` → center). */
const americanOf = (word: string): string =>
  fold(word)
    .replace(/ence$/, 'ense')
    .replace(/our(s?)$/, 'or$1')
    .replace(/tre(s?)$/, 'ter$1')
    .replace(/is(e|ed|es|ing|ation)$/, 'iz$1')
    .replace(/ogue$/, 'og')

/**
 * Counts the capitalised word forms of a corpus, one text at a time (the first pass of `check` over a
 * folder): only counts are kept, so memory is bounded by the number of distinct forms (capped).
 */
export class SpellingCounter {
  readonly counts = new Map<string, number>()

  add(text: string): void {
    for (const match of text.matchAll(CAPITALISED)) {
      const form = match[0].replace(/['’]s?$/u, '').replace(/-+$/u, '')
      const count = this.counts.get(form)
      if (count !== undefined) this.counts.set(form, count + 1)
      else if (this.counts.size < MAX_FORMS) this.counts.set(form, 1)
    }
  }

  /**
   * Pairs of spellings a letter apart, where the commoner occurs three times or more and three times as
   * often as the rarer: the rarer is then likely a slip of the same name (`Bosonaro` beside `Bolsonaro`).
   * Words of romanised Chinese are left out: one letter makes another Chinese name (`Hongsen`,
   * `Hongshen`). Whether the rarer is a known word is for the check to say.
   */
  spellings(): CorpusSpelling[] {
    // Two words a letter apart share a form with one letter deleted (SymSpell's index): the commoner
    // spellings are looked up by those, not compared with every word.
    const byDeletion = new Map<string, [string, number][]>()
    for (const [form, count] of this.counts) {
      if (count < 3 || form.length < 5 || form.length > 24) continue
      for (const key of deletionsOf(form)) {
        const same = byDeletion.get(key)
        if (same) same.push([form, count])
        else byDeletion.set(key, [[form, count]])
      }
    }
    const pairs: CorpusSpelling[] = []
    for (const [form, count] of this.counts) {
      if (form.length < 6 || form.length > 24 || shapeOf(form) === 'chinese') continue
      let best: CorpusSpelling | undefined
      for (const key of deletionsOf(form)) {
        for (const [other, otherCount] of byDeletion.get(key) ?? []) {
          if (other === form || otherCount < 3 * count || (best && otherCount <= best.commonerCount) || fold(other) === fold(form)) continue
          // Another form of the same word is not a slip (`Bolsonaros`, `Taiwanese`), nor is the British
          // or American spelling of one (`Defence`, `Defense`).
          if (other.startsWith(form) || form.startsWith(other) || americanOf(form) === americanOf(other)) continue
          if (distance(form, other) === 1) best = { rarer: form, commoner: other, rarerCount: count, commonerCount: otherCount }
        }
      }
      if (best) pairs.push(best)
    }
    return pairs
  }
}

/** A word and every form of it with one letter deleted. */
function deletionsOf(word: string): Set<string> {
  const keys = new Set([word])
  for (let at = 0; at < word.length; at++) keys.add(word.slice(0, at) + word.slice(at + 1))
  return keys
}

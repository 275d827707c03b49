import { readFileSync } from 'node:fs'

/**
 * Hanyu pinyin, as a model of what romanised Chinese looks like: the syllables and the Chinese surnames
 * that CC-CEDICT lists (data/cedict/pinyin.json, derived by scripts/derive-cedict-names.mjs). Written by
 * hand because no npm package splits toneless pinyin into syllables and tells names from transliterations.
 */
interface PinyinTables {
  syllables: string[]
  surnames: string[]
}

const tables = JSON.parse(readFileSync(new URL('../../data/cedict/pinyin.json', import.meta.url), 'utf8')) as PinyinTables
const SYLLABLES = new Set(tables.syllables)
const SURNAMES = new Set(tables.surnames)
const LONGEST = Math.max(...tables.syllables.map((syllable) => syllable.length))

/**
 * The fewest pinyin syllables a word splits into (`Qiaoli` → qiao li, `Xi'an` → xi an), or null when it
 * is not pinyin. `ü` may be written `v` (`Lvzi`), as Chinese input methods do.
 */
export function pinyinSyllables(word: string): string[] | null {
  const parts = word.toLowerCase().replace(/ü/g, 'v').split(/['’-]/u)
  const syllables: string[] = []
  for (const part of parts) {
    if (!/^[a-z]+$/.test(part)) return null
    // best[i]: the fewest syllables that spell part.slice(0, i).
    const best: (string[] | null)[] = [[]]
    for (let end = 1; end <= part.length; end++) {
      best[end] = null
      for (let start = Math.max(0, end - LONGEST); start < end; start++) {
        const before = best[start]
        if (before && SYLLABLES.has(part.slice(start, end)) && (!best[end] || before.length + 1 < best[end]!.length))
          best[end] = [...before, part.slice(start, end)]
      }
    }
    const split = best[part.length]
    if (!split) return null
    syllables.push(...split)
  }
  return syllables.length > 0 ? syllables : null
}

export const isChineseSurname = (word: string): boolean => SURNAMES.has(word.toLowerCase())

/**
 * The shape of a capitalised word to a reader of Chinese news: a pinyin word of one or two syllables is a
 * Chinese given name or place name (`Qiaoli`, `Yilan`); three or more syllables in one word is the run a
 * transliteration of a foreign name leaves (`Sikefu`, `Shaoyigu`); anything else is `other` (`Ravorov`).
 */
export type WordShape = 'chinese' | 'transliteration' | 'other'

export function shapeOf(word: string): WordShape {
  const syllables = pinyinSyllables(word.replace(/['’]s$/u, ''))
  if (!syllables) return 'other'
  return syllables.length <= 2 ? 'chinese' : 'transliteration'
}

/**
 * Whether words form a Chinese person's name: a Chinese surname followed by a given name of one or two
 * pinyin syllables, as one word or two (`Hu Qiaoli`, `Wang Li Li`).
 */
export function isChinesePersonName(words: string[]): boolean {
  if (words.length < 2 || words.length > 3 || !isChineseSurname(words[0]!)) return false
  const given = words.slice(1).map((word) => pinyinSyllables(word.replace(/['’]s$/u, '')))
  if (given.some((syllables) => !syllables)) return false
  const count = given.reduce((sum, syllables) => sum + syllables!.length, 0)
  return count >= 1 && count <= 2
}

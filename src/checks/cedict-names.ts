import { readFileSync } from 'node:fs'
import type { Category } from '../model/rule.js'

/** A proper noun of CC-CEDICT with its Chinese form (data/cedict/names.tsv). */
export interface CedictName {
  name: string
  full?: string
  zh: string
  /** Toneless pinyin of the Chinese form, syllables apart (`ma ke long`). */
  pinyin: string
  category: Category
}

let cached: CedictName[] | undefined

/**
 * The large gazetteer derived from CC-CEDICT by scripts/derive-cedict-names.mjs (CC BY-SA 4.0, see
 * data/cedict/LICENSE.md): read once per thread from the package's own files, never fetched.
 */
export function cedictNames(): CedictName[] {
  cached ??= readFileSync(new URL('../../data/cedict/names.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name = '', full = '', zh = '', pinyin = '', category = 'place'] = line.split('\t')
      return { name, full: full || undefined, zh, pinyin, category: category as Category }
    })
  return cached
}

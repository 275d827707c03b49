import dictionaryEn from 'dictionary-en'
import { doubleMetaphone } from 'double-metaphone'
import { distance } from 'fastest-levenshtein'
import nspell from 'nspell'
import { pinyin } from 'pinyin-pro'
import type { RuleSet } from '../rules/compile.js'
import type { Category, EntityRule } from '../rules/types.js'

/** A name the suspect-name check compares unknown words with. */
export interface KnownName {
  /** What to suggest. */
  display: string
  category: Category
  /** Letters only, lower case: what spelling is compared on. */
  key: string
  sound: string
  /** The pinyin of its Chinese form, letters only (`makelong` for 马克龙). */
  pinyin?: string
  /** Where the name comes from: a rule id or `gazetteer`. */
  origin: string
}

export interface NameMatch {
  name: KnownName
  how: 'pinyin' | 'sound' | 'spelling'
  distance: number
}

export const lettersOnly = (text: string): string => text.toLowerCase().replace(/[^\p{L}]/gu, '')

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu

/**
 * What the checks know, built once per run from the rule set: the English dictionary with every
 * canonical form, variant, known name and gazetteer name added as personal words, and an index of the
 * names unknown words are compared with.
 */
export class Knowledge {
  readonly names: KnownName[] = []
  // dictionary-en ships Uint8Arrays; nspell's typings predate that and ask for Buffers (same bytes).
  private readonly spell = nspell({ aff: Buffer.from(dictionaryEn.aff), dic: Buffer.from(dictionaryEn.dic) })
  private readonly known = new Set<string>()
  private readonly matchCache = new Map<string, NameMatch | null>()
  // nspell's lookup is the costliest step of the checks, and news repeats its words: remember answers.
  private readonly knownCache = new Map<string, boolean>()

  constructor(ruleSet: Pick<RuleSet, 'rules' | 'names' | 'gazetteer'>) {
    const entities = ruleSet.rules.filter((rule): rule is EntityRule => rule.kind === 'entity')
    for (const entity of entities) {
      this.learn(entity.canonical)
      for (const variant of entity.variants) this.learn(variant.text)
      if (['person', 'organisation', 'place'].includes(entity.category)) this.addName(entity.canonical, entity.category, entity.zh, entity.id)
    }
    for (const name of ruleSet.names) this.learn(name)
    for (const entry of ruleSet.gazetteer) {
      for (const text of [entry.name, entry.full ?? '', ...entry.variants]) this.learn(text)
      this.addName(entry.name, entry.category, entry.zh, 'gazetteer')
    }
  }

  /** Whether a word is English or a known name (case as the dictionary rules it, or as listed); a possessive counts as its word, a compound as its parts. */
  isKnown(word: string): boolean {
    let known = this.knownCache.get(word)
    if (known === undefined) {
      // Bounded: a long run over many rare words must not grow it without end.
      if (this.knownCache.size > 200_000) this.knownCache.clear()
      known = this.lookUp(word)
      this.knownCache.set(word, known)
    }
    return known
  }

  private lookUp(word: string): boolean {
    const stem = word.replace(/['’]s?$/u, '')
    if (this.known.has(word) || this.known.has(stem) || this.spell.correct(word) || (stem !== word && stem !== '' && this.spell.correct(stem))) return true
    // A compound (`China-Russia`, `anti-terrorism`) is known when each of its parts is.
    const parts = stem.split('-')
    return parts.length > 1 && parts.every((part) => part !== '' && this.isKnown(part))
  }

  /** Whether a whole CamelCase word such as `YouTube` is listed as a known name. */
  isListedName(word: string): boolean {
    return this.known.has(word)
  }

  /** The known name that an unknown word (or words) most likely garbles, if any. */
  closestName(text: string): NameMatch | null {
    const key = lettersOnly(text.replace(/['’]s$/u, ''))
    if (key.length < 4) return null
    if (this.matchCache.has(key)) return this.matchCache.get(key)!
    const sound = doubleMetaphone(key)[0]
    let best: NameMatch | null = null
    for (const name of this.names) {
      const candidate = compare(key, sound, name)
      if (candidate && (!best || candidate.distance < best.distance)) best = candidate
    }
    this.matchCache.set(key, best)
    return best
  }

  private learn(text: string): void {
    for (const word of text.match(WORD) ?? []) {
      this.known.add(word)
      this.spell.add(word)
    }
  }

  private addName(display: string, category: Category, zh: string | undefined, origin: string): void {
    const key = lettersOnly(display)
    if (key.length < 3) return
    const chinese = zh?.split(/[\/／,，]/u)[0]?.replace(/[^\p{Script=Han}]/gu, '')
    const romanised = chinese ? (pinyin(chinese, { toneType: 'none', type: 'array' }) as string[]).join('') : undefined
    this.names.push({ display, category, key, sound: doubleMetaphone(key)[0], pinyin: romanised || undefined, origin })
  }
}

/**
 * How an unknown word relates to a name: it is the pinyin of the name's Chinese form (exactly: one letter
 * makes another syllable, `hongren` is not 洪森 `hongsen`; one slip only in names of ten letters or more),
 * it sounds the same (same double-metaphone key) and is spelled alike, or it is a letter or two off a long
 * name.
 */
function compare(key: string, sound: string, name: KnownName): NameMatch | null {
  if (key === name.key) return null
  if (name.pinyin && name.pinyin.length >= 4) {
    const slip = distance(key, name.pinyin)
    if (slip === 0 || (slip === 1 && key.length >= 10)) return { name, how: 'pinyin', distance: slip }
  }
  const letters = distance(key, name.key)
  const longest = Math.max(key.length, name.key.length)
  if (sound === name.sound && sound.length >= 2 && letters <= Math.ceil(longest * 0.34)) return { name, how: 'sound', distance: letters }
  if (key[0] === name.key[0] && longest >= 6 && letters <= Math.floor(longest / 6)) return { name, how: 'spelling', distance: letters }
  return null
}

import dictionaryEn from 'dictionary-en'
import { doubleMetaphone } from 'double-metaphone'
import { distance } from 'fastest-levenshtein'
import { LRUCache } from 'lru-cache'
import nspell from 'nspell'
import { pinyin } from 'pinyin-pro'
import type { RuleSet } from '../match/rule-set.js'
import type { Category, EntityRule } from '../model/rule.js'
import { cedictNames } from './cedict-names.js'
import { isChinesePersonName, pinyinSyllables, shapeOf } from './pinyin.js'
import { transliterationKey } from './transliteration.js'

/** A name the suspect-name check compares unknown words with. */
export interface KnownName {
  /** What to suggest. */
  display: string
  category: Category
  /** Letters only, lower case: what spelling is compared on. */
  key: string
  sound: string
  /** The consonant skeleton a transliteration through Chinese keeps (`RFRF` for Lavrov). */
  skeleton: string
  /** The pinyin of its Chinese form, letters only (`makelong` for 马克龙). */
  pinyin?: string
  /** How many syllables that pinyin has. */
  syllables: number
  /** Whether it is a foreign name: not romanised Chinese, and its Chinese form (if any) a transliteration. */
  foreign: boolean
  acronym: boolean
  /**
   * Whether unknown words are compared with it by sound and spelling: the names of the rules and of the
   * hand-written gazetteer (those news repeats). CC-CEDICT's thousands of names would make every rare
   * foreign name sound like one of them (`Grigory` like Gregoire); they count by their exact pinyin only.
   */
  fuzzy: boolean
  /** Where the name comes from: a rule id, `gazetteer` or `cc-cedict`. */
  origin: string
}

export interface NameMatch {
  name: KnownName
  how: 'pinyin' | 'sound' | 'spelling' | 'transliteration'
  distance: number
}

/** Lower case, letters only, accents dropped (`Shiseidō` and `Shiseido` are one spelling). */
export const lettersOnly = (text: string): string =>
  text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu
const ACRONYM = /^[\p{Lu}\d&.-]+$/u

/**
 * What the checks know, built once per run from the rule set and the CC-CEDICT gazetteer: the English
 * dictionary with every canonical form, variant, known name and gazetteer name added as personal words,
 * and an index of the names unknown words are compared with. The user's rules and names come first: on a
 * tie, the earlier name wins.
 */
export class Knowledge {
  // dictionary-en ships Uint8Arrays; nspell's typings predate that and ask for Buffers (same bytes).
  private readonly spell = nspell({ aff: Buffer.from(dictionaryEn.aff), dic: Buffer.from(dictionaryEn.dic) })
  private readonly known = new Set<string>()
  // Both caches are bounded LRUs (lru-cache): a long run over many rare words must not grow them without end,
  // and the words a news corpus repeats stay in them. A name match is wrapped, as the cache keeps no null.
  private readonly matchCache = new LRUCache<string, { best: NameMatch | null }>({ max: 100_000 })
  // nspell's lookup is the costliest step of the checks, and news repeats its words: remember answers.
  private readonly knownCache = new LRUCache<string, boolean>({ max: 200_000 })
  // Blocking: spelling and sound are compared within a first letter, pinyin and skeletons looked up whole.
  private readonly byInitial = new Map<string, KnownName[]>()
  private readonly byPinyin = new Map<string, KnownName[]>()
  private readonly bySkeleton = new Map<string, KnownName[]>()

  constructor(ruleSet: Pick<RuleSet, 'rules' | 'names' | 'gazetteer'>) {
    const entities = ruleSet.rules.filter((rule): rule is EntityRule => rule.kind === 'entity')
    for (const entity of entities) {
      this.learn(entity.canonical)
      for (const variant of entity.variants) this.learn(variant.text)
      if (['person', 'organisation', 'place'].includes(entity.category)) this.addName(entity.canonical, entity.category, romanise(entity.zh), entity.id)
    }
    for (const name of ruleSet.names) this.learn(name)
    for (const entry of ruleSet.gazetteer) {
      for (const text of [entry.name, entry.full ?? '', ...entry.variants]) this.learn(text)
      this.addName(entry.name, entry.category, romanise(entry.zh), 'gazetteer')
    }
    for (const entry of cedictNames()) {
      this.learn(entry.full ?? entry.name)
      this.learn(entry.name)
      this.addName(entry.name, entry.category, entry.pinyin.split(' '), 'cc-cedict')
    }
  }

  /** Whether a word is English or a known name (case as the dictionary rules it, or as listed); a possessive counts as its word, a compound as its parts. */
  isKnown(word: string): boolean {
    let known = this.knownCache.get(word)
    if (known === undefined) {
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

  /** Whether a word is an English common word (`Valley`, `Games`), not only a name (`Beijing`). */
  isCommonWord(word: string): boolean {
    return this.isKnown(word.toLowerCase())
  }

  /** Whether a whole CamelCase word such as `YouTube` is listed as a known name. */
  isListedName(word: string): boolean {
    return this.known.has(word)
  }

  /**
   * The known name that an unknown word (or words) most likely garbles, if any, of the kind asked for.
   * How it compares depends on the shape of the words: romanised Chinese (a Chinese person's name, a word
   * of one or two pinyin syllables) is never compared by English sound or spelling, only by being the exact
   * pinyin of a foreign name's Chinese form (`Ma Kelong` = 马克龙 Macron); a run of three pinyin syllables or
   * more (`Kulebo`) by that pinyin or by the consonant skeleton a transliteration keeps; any other word by
   * sound (double metaphone) and spelling.
   */
  closestName(text: string, kind?: Category): NameMatch | null {
    const clean = text.replace(/['’]s$/u, '')
    const key = lettersOnly(clean)
    if (key.length < 4) return null
    const cacheKey = `${kind ?? ''}:${clean}`
    const cached = this.matchCache.get(cacheKey)
    if (cached) return cached.best
    const best = this.match(clean, key, kind)
    this.matchCache.set(cacheKey, { best })
    return best
  }

  private match(text: string, key: string, kind: Category | undefined): NameMatch | null {
    const words = text.split(/\s+/u)
    const allCaps = ACRONYM.test(text.replace(/\s/g, ''))
    const fits = (name: KnownName): boolean => name.key !== key && (!kind || name.category === kind) && (allCaps || !name.acronym)
    const shapes = words.map(shapeOf)
    const chinese = isChinesePersonName(words) || shapes.every((shape) => shape === 'chinese')
    // A slip in a foreign name's pinyin in a transliteration's syllable run (`Guermu` for 格尔木 geermu),
    // or in any long run (`Peisikefo`): in a short word a letter makes another name.
    const run = words.length === 1 && shapes[0] === 'transliteration'
    const pinyinMatch = this.pinyinMatch(key, fits, run ? 6 : 10)
    if (pinyinMatch || chinese) return pinyinMatch
    const transliterated = words.length === 1 && shapes[0] === 'transliteration'
    const sound = doubleMetaphone(key)[0]
    const skeleton = transliterationKey(key)
    let best: NameMatch | null = null
    for (const name of this.byInitial.get(key[0]!) ?? []) {
      if (!fits(name) || Math.abs(name.key.length - key.length) > 4) continue
      const candidate = transliterated ? compareTransliteration(key, skeleton, name) : compareSpelling(key, sound, name)
      if (candidate && (!best || candidate.distance < best.distance)) best = candidate
    }
    if (best || transliterated) return best
    for (const name of this.bySkeleton.get(skeleton) ?? []) {
      const candidate = fits(name) ? compareSkeleton(key, skeleton, name) : null
      if (candidate && (!best || candidate.distance < best.distance)) best = candidate
    }
    return best
  }

  /** The foreign name whose Chinese form's pinyin the letters are (three syllables or more: two are a Chinese given name as often). */
  private pinyinMatch(key: string, fits: (name: KnownName) => boolean, slipFrom: number): NameMatch | null {
    for (const name of this.byPinyin.get(key) ?? []) if (fits(name)) return { name, how: 'pinyin', distance: 0 }
    if (key.length < slipFrom) return null
    for (const name of this.byPinyin.values()) {
      const first = name[0]!
      if (first.pinyin![0] === key[0] && Math.abs(first.pinyin!.length - key.length) <= 1 && distance(key, first.pinyin!) === 1) {
        const fitting = name.find(fits)
        if (fitting) return { name: fitting, how: 'pinyin', distance: 1 }
      }
    }
    return null
  }

  private learn(text: string): void {
    for (const word of text.match(WORD) ?? []) {
      if (this.known.has(word)) continue
      this.known.add(word)
      this.spell.add(word)
    }
  }

  private addName(display: string, category: Category, syllables: string[] | undefined, origin: string): void {
    if (!['person', 'organisation', 'place'].includes(category)) return
    const key = lettersOnly(display)
    if (key.length < 3) return
    const romanised = syllables?.join('') || undefined
    const name: KnownName = {
      display,
      category,
      key,
      sound: doubleMetaphone(key)[0],
      skeleton: transliterationKey(key),
      pinyin: romanised,
      syllables: syllables?.length ?? 0,
      foreign: isForeign(display, romanised),
      acronym: ACRONYM.test(display.replace(/\s/g, '')),
      fuzzy: origin !== 'cc-cedict',
      origin,
    }
    if (!name.fuzzy) {
      this.indexPinyin(name)
      return
    }
    const bucket = this.byInitial.get(key[0]!) ?? []
    bucket.push(name)
    this.byInitial.set(key[0]!, bucket)
    if (name.foreign) this.bySkeleton.set(name.skeleton, [...(this.bySkeleton.get(name.skeleton) ?? []), name])
    this.indexPinyin(name)
  }

  private indexPinyin(name: KnownName): void {
    if (!name.foreign || name.syllables < 3 || name.pinyin!.length < 4) return
    const same = this.byPinyin.get(name.pinyin!) ?? []
    same.push(name)
    this.byPinyin.set(name.pinyin!, same)
  }
}

/**
 * Whether a name is foreign to Chinese: its Chinese form transliterates it (the pinyin does not begin with
 * the name's first word: 库列巴 kulieba for Kuleba, 格尔木 geermu for Golmud, but 白洋淀 baiyangdian for
 * Baiyang Lake), or, with no Chinese form, it is not pinyin.
 */
function isForeign(display: string, romanised: string | undefined): boolean {
  const first = lettersOnly(display.split(/\s+/u)[0] ?? '')
  return romanised ? !romanised.startsWith(first) : !pinyinSyllables(display.replace(/\s+/gu, ''))
}

/** The syllables of a Chinese form (pinyin-pro for the hand-written lists; CC-CEDICT brings its own). */
function romanise(zh: string | undefined): string[] | undefined {
  const chinese = zh?.split(/[/／,，]/u)[0]?.replace(/[^\p{Script=Han}]/gu, '')
  return chinese ? (pinyin(chinese, { toneType: 'none', type: 'array' }) as string[]) : undefined
}

/** Shared leading letters: a garble keeps how a name begins (`Lavroff`, `Bosonaro`), a different name rarely does. */
const sharedStart = (a: string, b: string): number => {
  let at = 0
  while (at < a.length && a[at] === b[at]) at++
  return at
}

/**
 * An English-spelled word against a name: the same sound (double metaphone), the same first two letters
 * and spelled alike, or a letter or two off a long name.
 */
function compareSpelling(key: string, sound: string, name: KnownName): NameMatch | null {
  const letters = distance(key, name.key)
  const longest = Math.max(key.length, name.key.length)
  if (sound === name.sound && sound.length >= 2 && sharedStart(key, name.key) >= 2 && letters <= Math.ceil(longest * 0.34))
    return { name, how: 'sound', distance: letters }
  if (longest >= 6 && letters <= Math.floor(longest / 6)) return { name, how: 'spelling', distance: letters }
  return null
}

/** A run of pinyin syllables against a foreign name: the same consonant skeleton (three or more) and close in spelling (`Kulebo` → Kuleba). */
function compareTransliteration(key: string, skeleton: string, name: KnownName): NameMatch | null {
  if (!name.foreign || skeleton.length < 3 || skeleton !== name.skeleton || sharedStart(key, name.key) < 2) return null
  const letters = distance(key, name.key)
  return letters <= Math.ceil(Math.max(key.length, name.key.length) / 3) ? { name, how: 'transliteration', distance: letters } : null
}

/**
 * Any other word against a foreign name: the same consonant skeleton of four classes or more, whatever the
 * first letter (Chinese does not tell l from r: `Ravorov` → Lavrov), and not too far in spelling.
 */
function compareSkeleton(key: string, skeleton: string, name: KnownName): NameMatch | null {
  if (!name.foreign || skeleton.length < 4 || skeleton !== name.skeleton) return null
  const letters = distance(key, name.key)
  return letters <= Math.ceil(Math.max(key.length, name.key.length) / 4) ? { name, how: 'transliteration', distance: letters } : null
}

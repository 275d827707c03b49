import type { Context } from '../model/rule.js'
import { contextSources, isWordChar, leadingWordKey } from './regexp-source.js'

interface Entry<T> {
  /** Its place among the phrases added: matches at one place come in this order. */
  order: number
  /** What follows its leading word, as `continuationAt` reads it ('' when nothing does). */
  continuation: string
  /** The phrase's words as written. */
  words: string[]
  /** The same, lower-cased, when case is ignored (a lower case may be longer: `İ` → `i̇`). */
  lowered: string[] | null
  ignoreCase: boolean
  context: ContextTest | null
  payload: T
}

export interface PhraseMatch<T> {
  start: number
  end: number
  text: string
  payload: T
}

// Whether a code point is a word character ([\p{L}\p{M}\p{N}_]): a table for ASCII, the regex (memoised) beyond.
const ASCII_WORD = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? 1 : 0))
const wideWordChars = new Map<number, boolean>()
function isWordCode(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1
  let known = wideWordChars.get(code)
  if (known === undefined) {
    known = isWordChar(String.fromCodePoint(code))
    wideWordChars.set(code, known)
  }
  return known
}

/** The hash of an ASCII word as it is scanned, lower-cased; keys are hashed the same way. */
const hashStep = (hash: number, code: number): number => (Math.imul(hash, 31) + (code >= 65 && code <= 90 ? code | 0x20 : code)) | 0
const NOT_ASCII = -1

function asciiHash(word: string): number {
  let hash = 0
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 128) return NOT_ASCII
    hash = hashStep(hash, code)
  }
  return hash
}

/**
 * Calls `visit(start, end, hash)` for each run of word characters, with the word's lower-case hash
 * (NOT_ASCII when it has a character beyond ASCII). A hand-written scan: the same loop with
 * `matchAll(/[\p{L}\p{M}\p{N}_]+/gu)` ran at a third of the speed, and it is the inner loop of cleaning.
 */
function forEachWord(text: string, visit: (start: number, end: number, hash: number) => void): void {
  const length = text.length
  let index = 0
  while (index < length) {
    // Code units, not code points, until a surrogate comes: charCodeAt is the cheaper read.
    let code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff) code = text.codePointAt(index)!
    if (code < 128 ? ASCII_WORD[code] === 0 : !isWordCode(code)) {
      index += code > 0xffff ? 2 : 1
      continue
    }
    const start = index
    let hash = 0
    for (;;) {
      hash = hash === NOT_ASCII || code >= 128 ? NOT_ASCII : hashStep(hash, code)
      index += code > 0xffff ? 2 : 1
      if (index >= length) break
      code = text.charCodeAt(index)
      if (code >= 0xd800 && code <= 0xdbff) code = text.codePointAt(index)!
      if (code < 128 ? ASCII_WORD[code] === 0 : !isWordCode(code)) break
    }
    visit(start, index, hash)
  }
}
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char)
const codePointAt = (text: string, index: number): string | undefined => {
  const code = text.codePointAt(index)
  return code === undefined ? undefined : String.fromCodePoint(code)
}

/** Lookaround regexes for one context, built once and shared by every phrase that has that context. */
interface ContextTest {
  atStart: LazyRegExp | null
  atEnd: LazyRegExp | null
}

/**
 * A regex compiled when first used: building the lookarounds of every context (classes of Unicode
 * properties) took 11 ms of a start, for contexts that a short text never reaches.
 */
interface LazyRegExp {
  source: string
  regexp?: RegExp
}

/**
 * Literal phrases, found in one pass over the text however many there are: phrases are indexed by their
 * leading word (lower-cased), the text's words are looked up in that index, and only the phrases that
 * start with that word are compared, character by character. Words of a phrase match across any run of
 * whitespace; a phrase matches whole tokens only: no word character right after it, nor right before it
 * when it starts with one.
 */
export class PhraseIndex<T> {
  private readonly byLeadingWord = new Map<string, Entry<T>[]>()
  /** Phrases that start with punctuation (rare), by their first character. */
  private readonly byFirstChar = new Map<string, Entry<T>[]>()
  private readonly contexts = new Map<string, ContextTest>()
  /**
   * A filter in front of byLeadingWord, by the hash of ASCII keys: most words of a text start no phrase,
   * and looking one up means slicing and lower-casing it. An ASCII word can only equal an ASCII key, so a
   * word whose hash no key has is skipped; a word with other characters is always looked up.
   */
  private readonly asciiKeyHashes: number[] = []
  /** Built at the first search: 16 slots a key or more, so that few words get through for nothing. */
  private filter: { bits: Uint32Array; mask: number } | undefined
  /**
   * The phrases of a leading word shared by more than BUCKET_FROM of them, by what follows the word
   * (continuationAt), built at the first search: 10,000 variants `Multi N Word` made each `multi` of a
   * text compare 40,000 phrases (3 MB of text took 3 s instead of 0.1 s).
   */
  private buckets = new Map<string, Map<string, Entry<T>[]>>()
  private added = 0

  add(phrase: string, options: { ignoreCase: boolean; context?: Context }, payload: T): void {
    const trimmed = phrase.trim()
    const first = codePointAt(trimmed, 0)
    // `\s` is the same set with or without the `u` flag; without it, split takes V8's faster path (10,000 entities: 40,000 phrases).
    const words = trimmed.split(/\s+/)
    const entry: Entry<T> = {
      order: this.added++,
      continuation: continuationAt(words.join(' '), leadingRunLength(trimmed)),
      words,
      lowered: options.ignoreCase ? words.map((word) => word.toLowerCase()) : null,
      ignoreCase: options.ignoreCase,
      context: this.contextTest(options.context),
      payload,
    }
    const [index, key] = isWordChar(first) ? [this.byLeadingWord, leadingWordKey(trimmed)] : [this.byFirstChar, first!]
    if (index === this.byLeadingWord) {
      const hash = asciiHash(key)
      if (hash !== NOT_ASCII) this.asciiKeyHashes.push(hash)
      this.filter = undefined
      this.buckets.delete(key)
    }
    const entries = index.get(key)
    if (entries) entries.push(entry)
    else index.set(key, [entry])
  }

  /** Every match of every phrase, including matches that overlap or share a start. */
  findAll(text: string): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = []
    const tryAt = (start: number, entries: Entry<T>[]): void => {
      for (const entry of entries) {
        const end = matchAt(text, start, entry)
        if (end >= 0) matches.push({ start, end, text: text.slice(start, end), payload: entry.payload })
      }
    }
    if (this.byLeadingWord.size > 0) {
      const { bits, mask } = this.keyFilter()
      forEachWord(text, (start, end, hash) => {
        if (hash !== NOT_ASCII && ((bits[(hash & mask) >>> 5]! >>> (hash & 31)) & 1) === 0) return
        const key = text.slice(start, end).toLowerCase()
        const entries = this.byLeadingWord.get(key)
        if (entries) tryAt(start, entries.length > BUCKET_FROM ? this.bucketed(key, entries, continuationAt(text, end)) : entries)
      })
    }
    if (this.byFirstChar.size > 0) {
      for (let index = 0; index < text.length; index++) {
        const entries = this.byFirstChar.get(codePointAt(text, index)!)
        if (entries) tryAt(index, entries)
      }
    }
    return matches
  }

  /** The phrases of `key` that may match where the text goes on with `continuation`, in the order they were added. */
  private bucketed(key: string, entries: Entry<T>[], continuation: string): Entry<T>[] {
    let buckets = this.buckets.get(key)
    if (!buckets) {
      buckets = new Map()
      for (const entry of entries) {
        const bucket = buckets.get(entry.continuation)
        if (bucket) bucket.push(entry)
        else buckets.set(entry.continuation, [entry])
      }
      this.buckets.set(key, buckets)
    }
    // A phrase that ends with its leading word matches whatever follows it (a whole token is checked after).
    const going = continuation === '' ? [] : (buckets.get(continuation) ?? [])
    const ending = buckets.get('') ?? []
    if (going.length === 0 || ending.length === 0) return going.length === 0 ? ending : going
    return [...going, ...ending].sort((a, b) => a.order - b.order)
  }

  // A bit a slot: 20,000 keys take 64 KB, which stays in the cache as the text is scanned.
  private keyFilter(): { bits: Uint32Array; mask: number } {
    if (!this.filter) {
      let size = 1 << 12
      while (size < this.asciiKeyHashes.length * 16) size *= 2
      const bits = new Uint32Array(size >>> 5)
      for (const hash of this.asciiKeyHashes) bits[(hash & (size - 1)) >>> 5]! |= 1 << (hash & 31)
      this.filter = { bits, mask: size - 1 }
    }
    return this.filter
  }

  private contextTest(context: Context | undefined): ContextTest | null {
    if (!context || Object.keys(context).length === 0) return null
    const key = JSON.stringify(context)
    let test = this.contexts.get(key)
    if (!test) {
      const { prefix, suffix } = contextSources(context)
      test = { atStart: prefix ? { source: prefix } : null, atEnd: suffix ? { source: suffix } : null }
      this.contexts.set(key, test)
    }
    return test
  }
}

/** Leading words shared by more phrases than this are looked up by what follows them too. */
const BUCKET_FROM = 16
const LEADING_RUN = /[\p{L}\p{M}\p{N}_]*/uy

function leadingRunLength(text: string, from = 0): number {
  LEADING_RUN.lastIndex = from
  return LEADING_RUN.exec(text)![0].length
}

/**
 * What follows a word that ends at `end`, lower-cased: after whitespace, a space and the next run of word
 * characters (' word'); else the next character and the run after it ('-word', '.s'); '' at the end. A
 * phrase can match only where the text goes on as the phrase does after its leading word (or where the
 * phrase ends with it): the phrase's words are compared with the text as written or lower-cased, and a
 * run of word characters ends at the same place in both.
 */
function continuationAt(text: string, end: number): string {
  if (end >= text.length) return ''
  let position = end
  let lead: string
  if (isSpace(text[position])) {
    while (isSpace(text[position])) position++
    lead = ' '
  } else {
    lead = codePointAt(text, position)!
    position += lead.length
  }
  return (lead + text.slice(position, position + leadingRunLength(text, position))).toLowerCase()
}

/** The end of the phrase matched at `start`, or -1. */
function matchAt<T>(text: string, start: number, entry: Entry<T>): number {
  let position = start
  for (let index = 0; index < entry.words.length; index++) {
    if (index > 0) {
      if (!isSpace(text[position])) return -1
      while (isSpace(text[position])) position++
    }
    // Compare as many code units as the word has as written; lower-case both sides only then.
    const word = entry.words[index]!
    const found = text.slice(position, position + word.length)
    if (entry.lowered ? found.toLowerCase() !== entry.lowered[index] : found !== word) return -1
    position += word.length
  }
  // A whole token: the text must not go on with a word character, whatever the phrase ends with (`U.S.`
  // is not a match inside `U.S.A.`, which would become `United StatesA.`).
  if (isWordChar(codePointAt(text, position))) return -1
  if (entry.context && !(holdsAt(entry.context.atStart, text, start) && holdsAt(entry.context.atEnd, text, position))) return -1
  return position
}

function holdsAt(test: LazyRegExp | null, text: string, index: number): boolean {
  if (!test) return true
  const regexp = (test.regexp ??= new RegExp(test.source, 'uy'))
  regexp.lastIndex = index
  return regexp.test(text)
}

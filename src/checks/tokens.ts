import type { Paragraph, Root, Sentence } from 'nlcst'
import type { VFile } from 'vfile'
import { DOMAIN_ENDINGS } from './words.js'

/** A word of a sentence, with its offsets in the file. */
export interface Token {
  value: string
  start: number
  end: number
}

/**
 * A run of words that reads as one sentence. retext splits sentences at `Moscow. The` but not at
 * `released.Stable`, and `18).Chinese` becomes two sentences with nothing between them: segments split
 * at every such join, and `glued` says the segment began right after one.
 */
export interface Segment {
  tokens: Token[]
  start: number
  end: number
  /** How the segment is joined to the one before without a space: across two sentence nodes, inside one word, or not. */
  glued: 'sentence' | 'word' | false
  /** Offset of the join's full stop (or ! or ?), when glued. */
  joinAt?: number
}

/** A full stop glued between two words inside one word node: `released.Stable`, `relations.power`. */
export const GLUED_STOP = /(?<=\p{L}\p{Ll}|\d|[)\]"”’])[.!?](?=["”’]?\p{L})/gu

/** Whether a word can hold a glued stop at all: the cheap test before GLUED_STOP's lookarounds. */
export const mayHoldStop = (word: string): boolean => word.includes('.') || word.includes('!') || word.includes('?')

/**
 * Whether a full stop glued between `left` and `right` inside one word joins two sentences: a capitalised
 * word after it (but not `Ph.D.`), or two lower-case words of three letters or more that are not a web
 * address or file name (`relations.power`, not `zaobao.com` or `www.mid.ru`, also after a hyphen that
 * joins it to a source's name: `Hunan Daily-www.voc.com.cn`).
 */
export function looksLikeTwoSentences(left: string, right: string): boolean {
  if (/(?:^|[-–—/|])(?:www|https?)$|@|:\/\//iu.test(left.split('.')[0]!)) return false
  const rightWord = /^\p{L}+/u.exec(right)?.[0] ?? ''
  if (/^\p{Lu}(?:\p{Ll}|\.)/u.test(right)) return !/(?:^|\.)(?:Ph|Ed|Th)$/u.test(left)
  const leftWord = /\p{L}+$/u.exec(left)?.[0] ?? ''
  return leftWord.length >= 3 && rightWord.length >= 3 && !DOMAIN_ENDINGS.has(rightWord.toLowerCase()) && !left.includes('.')
}

/** The sentence's closing full stop, before any closing quotes or brackets that follow it. */
function terminalStop(text: string, end: number): number {
  let index = end - 1
  while (index > 0 && /["”’)\]]/u.test(text[index]!)) index--
  return /[.!?]/u.test(text[index] ?? '') ? index : end - 1
}

const offsetOf = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }, side: 'start' | 'end'): number =>
  node.position?.[side].offset ?? 0

// Several checks read the words and segments of one tree: compute both in one pass, once per tree.
const cache = new WeakMap<Root, { words: Token[]; segments: Segment[] }>()

function analysed(tree: Root, file: VFile): { words: Token[]; segments: Segment[] } {
  let found = cache.get(tree)
  if (!found) {
    found = analyse(tree, file)
    cache.set(tree, found)
  }
  return found
}

/**
 * Every word node of the tree, in order, as its text and offsets: one walk shared by the checks (each
 * of them visiting the tree with unist-util-visit and nlcst-to-string took half the time of `check`).
 */
export function words(tree: Root, file: VFile): Token[] {
  return analysed(tree, file).words
}

export function segments(tree: Root, file: VFile): Segment[] {
  return analysed(tree, file).segments
}

// Words live in sentences, sentences in paragraphs: one pass over those gives the words and the segments.
function analyse(tree: Root, file: VFile): { words: Token[]; segments: Segment[] } {
  const text = String(file.value)
  const words: Token[] = []
  const out: Segment[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    let previous: Sentence | undefined
    for (const sentence of (paragraph as Paragraph).children) {
      if (sentence.type !== 'SentenceNode') {
        previous = undefined
        continue
      }
      const gluedToPrevious = previous !== undefined && offsetOf(previous, 'end') === offsetOf(sentence, 'start')
      let current: Segment = { tokens: [], start: offsetOf(sentence, 'start'), end: offsetOf(sentence, 'end'), glued: gluedToPrevious ? 'sentence' : false }
      if (gluedToPrevious) current.joinAt = terminalStop(text, offsetOf(previous!, 'end'))
      for (const child of sentence.children) {
        if (child.type !== 'WordNode') continue
        const start = offsetOf(child, 'start')
        const end = offsetOf(child, 'end')
        const value = text.slice(start, end)
        const word: Token = { value, start, end }
        words.push(word)
        let from = 0
        for (const stop of mayHoldStop(value) ? value.matchAll(GLUED_STOP) : []) {
          const right = value.slice(stop.index + 1).replace(/^["”’]/u, '')
          if (!looksLikeTwoSentences(value.slice(0, stop.index), right)) continue
          if (stop.index > from) current.tokens.push({ value: value.slice(from, stop.index), start: start + from, end: start + stop.index })
          current.end = start + stop.index + 1
          out.push(current)
          from = stop.index + 1
          current = { tokens: [], start: start + from, end: offsetOf(sentence, 'end'), glued: 'word', joinAt: start + stop.index }
        }
        // A word with no join in it is its own token (most words: no second copy of it).
        if (from === 0) current.tokens.push(word)
        else if (from < value.length) current.tokens.push({ value: value.slice(from), start: start + from, end })
      }
      out.push(current)
      previous = sentence
    }
  }
  return { words, segments: out.filter((segment) => segment.tokens.length > 0) }
}

import type { Root } from 'nlcst'
import retextEnglish from 'retext-english'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { stringifyPosition } from 'unist-util-stringify-position'
import type { VFileMessage } from 'vfile-message'
import type { Span } from '../apply/offset-map.js'
import { insideOneRange, isDisabled, maskOutside, type ProseMap } from '../formats/prose.js'
import type { RuleSet } from '../match/rule-set.js'
import { ambiguousTerms } from './ambiguous-terms.js'
import { artifacts } from './artifacts.js'
import type { CorpusSpelling } from './corpus.js'
import { fragments } from './fragments.js'
import { report } from './message.js'
import { fixingRuleOf, knownVariants } from './known-variants.js'
import { Knowledge } from './knowledge.js'
import { missingSpace } from './missing-space.js'
import type { Check, CheckOptions } from './options.js'
import { repeatedPhrases } from './repeated-phrases.js'
import { repeatedWords } from './repeated-words.js'
import { runTogether } from './run-together.js'
import { spaceBeforePunctuation } from './space-before-punctuation.js'
import { suspectNames } from './suspect-names.js'
import { truncated } from './truncated.js'
import { untranslated } from './untranslated.js'

/**
 * The one table of checks: each a retext plugin in its own file. The rule ids a check reports are listed
 * with it (docs/checks.md has a section for each).
 */
export const CHECKS: { plugin: Check; ruleIds: string[]; summary: string }[] = [
  { plugin: missingSpace, ruleIds: ['missing-space'], summary: 'a sentence glued to the next without a space' },
  { plugin: runTogether, ruleIds: ['run-together'], summary: 'two words run together (promotionThe)' },
  { plugin: repeatedWords, ruleIds: ['repeated-word'], summary: 'a word said twice (new new)' },
  { plugin: repeatedPhrases, ruleIds: ['repeated-phrase'], summary: 'a phrase said twice' },
  { plugin: fragments, ruleIds: ['fragment'], summary: 'a fragment left by a broken join' },
  { plugin: artifacts, ruleIds: ['mt-artifact'], summary: 'machine-translation leftovers (Essence, **)' },
  { plugin: spaceBeforePunctuation, ruleIds: ['space-before-punctuation'], summary: 'a space before a comma or in a possessive' },
  { plugin: truncated, ruleIds: ['truncated'], summary: 'a text that ends mid-word' },
  { plugin: untranslated, ruleIds: ['untranslated'], summary: 'Chinese left untranslated in the English' },
  { plugin: ambiguousTerms, ruleIds: ['ambiguous-term'], summary: 'a term garble a rule knows, in a context no rule lists (the Xi)' },
  { plugin: knownVariants, ruleIds: ['known-variant'], summary: 'a known variant a rule will fix' },
  { plugin: suspectNames, ruleIds: ['suspect-name', 'unknown-word'], summary: 'an unknown word that looks like a garbled name' },
]

export interface Checker {
  /**
   * Runs every check on one text; the messages are on the returned file, sorted by place. With the prose
   * map of a Markdown or HTML text, only its prose is checked, a block at a time (see `proseChunks`).
   */
  check(text: string, path?: string, prose?: ProseMap): VFile
}

/** Builds the retext pipeline once (the dictionary is loaded here, once per run). */
export function createChecker(ruleSet: RuleSet, options: { unknown?: boolean; corpus?: CorpusSpelling[] } = {}): Checker {
  const corpus = options.corpus?.length ? new Map(options.corpus.map((spelling) => [spelling.rarer, spelling])) : undefined
  const checkOptions: CheckOptions = { ruleSet, knowledge: new Knowledge(ruleSet), unknown: options.unknown ?? false, corpus }
  const knownIds = new Set([...ruleSet.rules.map((rule) => rule.id), ...CHECKS.flatMap((check) => check.ruleIds)])
  const processor = CHECKS.reduce<Processor<Root, Root, Root>>(
    (pipeline, { plugin }) => pipeline.use(() => plugin(checkOptions)) as unknown as Processor<Root, Root, Root>,
    unified().use(retextEnglish) as unknown as Processor<Root, Root, Root>,
  ).freeze()
  const checkOne = (text: string, path?: string): VFile => {
    const file = new VFile({ value: blankOverlongTokens(text), path })
    // A message is an Error: V8 records a stack trace for each (a fifth of the cost of the checks), and
    // vfile then replaces it with ''. Record none while checking.
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      processor.runSync(processor.parse(file), file)
    } finally {
      Error.stackTraceLimit = stackTraceLimit
    }
    return file
  }
  return {
    check(text, path, prose) {
      // Paths are relative to the working folder: said as `.`, so no output (vfile-reporter-json) shows it absolute.
      const file = new VFile({ value: text, path, cwd: '.' })
      if (prose) {
        for (const chunk of proseChunks(text, prose)) {
          for (const message of checkOne(chunk.text, path).messages) {
            if (message.ruleId === 'truncated' && !chunk.last) continue
            shiftMessage(message, chunk.start, chunk.line - 1)
            if (inProse(message, chunk.ranges) && !disabledFor(message, prose)) file.messages.push(message)
          }
        }
        reportUnknownIds(file, prose, knownIds)
      } else {
        // A large text is checked a chunk of whole paragraphs at a time (the checks look within a
        // paragraph, the truncation check at the end): memory stays bounded by the chunk, not the file.
        let line = 1
        for (const chunk of paragraphChunks(text)) {
          for (const message of checkOne(chunk.text, path).messages) {
            if (message.ruleId === 'truncated' && chunk.start + chunk.text.length < text.length) continue
            shiftMessage(message, chunk.start, line - 1)
            file.messages.push(message)
          }
          line += chunk.lines
        }
      }
      file.messages.sort((a, b) => offsetOf(a) - offsetOf(b))
      return file
    },
  }
}

/** Longer than any word or address of prose: such a run is data (a dump, an encoded blob), not text to check. */
const MAX_TOKEN_CHARS = 2_000

/**
 * Each run of non-space characters longer than MAX_TOKEN_CHARS, replaced by as many spaces (every offset
 * stays). The English parser recurses once per symbol inside a token: a 200 KB `a.a.a…` overflowed its stack.
 */
export function blankOverlongTokens(text: string): string {
  return text.replace(new RegExp(`\\S{${MAX_TOKEN_CHARS + 1},}`, 'g'), (run) => ' '.repeat(run.length))
}

const CHUNK_CHARS = 256 * 1024
const offsetOf = (message: VFileMessage): number => (message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0)

/** The text cut at paragraph breaks (a blank line, else a line break) into chunks of about CHUNK_CHARS. */
export function paragraphChunks(text: string): { text: string; start: number; lines: number }[] {
  const chunks: { text: string; start: number; lines: number }[] = []
  let start = 0
  while (start < text.length || chunks.length === 0) {
    let end = text.length
    if (end - start > CHUNK_CHARS) {
      const limit = start + CHUNK_CHARS
      const blank = text.lastIndexOf('\n\n', limit)
      const newline = text.lastIndexOf('\n', limit)
      end = blank > start ? blank + 2 : newline > start ? newline + 1 : limit
    }
    const piece = text.slice(start, end)
    chunks.push({ text: piece, start, lines: piece.split('\n').length - 1 })
    start = end
    if (start >= text.length) break
  }
  return chunks
}

/** The span a message covers, by offsets into the whole text (after `shiftMessage`). */
function spanOf(message: VFileMessage): Span | undefined {
  const place = message.place && 'start' in message.place ? message.place : undefined
  const start = place?.start.offset
  const end = place?.end.offset
  return start === undefined || end === undefined ? undefined : { start, end }
}

/** A message that reaches into markup (`**Lavrov**,` read as `Lavrov  ,`) is not about the prose: dropped. */
const inProse = (message: VFileMessage, ranges: readonly Span[]): boolean => {
  const span = spanOf(message)
  return span === undefined || insideOneRange(span, ranges)
}

const disabledFor = (message: VFileMessage, prose: ProseMap): boolean => {
  const span = spanOf(message)
  if (span === undefined) return false
  const fixingRule = fixingRuleOf.get(message)
  return isDisabled(span, message.ruleId ?? undefined, prose.disabled) || (fixingRule !== undefined && isDisabled(span, fixingRule, prose.disabled))
}

/**
 * A disable comment that names an id that is no rule and no check (a typo: `lavorv`) disables nothing
 * for it: said where the comment is, as ESLint reports a directive that does nothing.
 */
function reportUnknownIds(file: VFile, prose: ProseMap, knownIds: ReadonlySet<string>): void {
  for (const directive of prose.directives) {
    for (const id of directive.ids.filter((each) => !knownIds.has(each))) {
      report(file, {
        ruleId: 'disable-comment',
        reason: `\`${id}\` is not a rule or a check: this comment does nothing for it`,
        start: directive.start,
        end: directive.end,
        actual: id,
      })
    }
  }
}

/**
 * One chunk per block of prose: the text from the start of the block's first line to its end, with all
 * but the block's prose blanked (so a chunk starts at column 1 and every column stays), and the line it
 * starts on. A block is checked alone, as retext's Markdown and HTML integrations make a paragraph of
 * each: a heading never runs into the paragraph under it. Only the last block can be `truncated`.
 */
export function proseChunks(text: string, prose: ProseMap): { text: string; start: number; line: number; ranges: Span[]; last: boolean }[] {
  let line = 1
  let counted = 0
  return prose.blocks.map((block, index) => {
    const first = block.ranges[0]!.start
    const start = text.lastIndexOf('\n', first - 1) + 1
    for (let at = text.indexOf('\n', counted); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) line++
    counted = Math.max(counted, start)
    return {
      text: maskOutside(text, block.ranges, start, block.ranges.at(-1)!.end),
      start,
      line,
      ranges: block.ranges,
      last: index === prose.blocks.length - 1,
    }
  })
}

/** Moves a message found in a chunk to its place in the whole file. */
function shiftMessage(message: VFileMessage, offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return
  const place = message.place
  const shift = (point: { line: number; column: number; offset?: number }): void => {
    point.line += lines
    if (point.offset !== undefined) point.offset += offset
  }
  if (place && 'start' in place) {
    shift(place.start)
    shift(place.end)
  } else if (place) shift(place)
  if (message.line !== undefined) message.line += lines
  message.name = stringifyPosition(place) || '1:1'
}

import type { Span } from '../apply/offset-map.js'
import { ConfigError } from '../model/errors.js'
import type { DisabledSpan } from './disable-comments.js'
import type { ProseMap } from './prose-map.js'
import type { TextFormat } from './format.js'

export type { DisabledSpan } from './disable-comments.js'
export { ProseCollector, type ProseBlock, type ProseMap } from './prose-map.js'

type ProseReader = (text: string) => ProseMap
const readers = new Map<TextFormat, ProseReader>()

/**
 * Loads the parsers of the formats a run will read (remark and rehype take a fifth of a second to load: a
 * run of plain text does not pay for them). Call it before `proseOf`.
 */
export async function loadProseReaders(formats: Iterable<TextFormat>): Promise<void> {
  for (const format of new Set(formats)) {
    if (readers.has(format)) continue
    if (format === 'markdown') readers.set(format, (await import('./markdown.js')).markdownProse)
    if (format === 'html') readers.set(format, (await import('./html.js')).htmlProse)
  }
}

const FORMAT_NAMES: Record<TextFormat, string> = { text: 'text', markdown: 'Markdown', html: 'HTML' }

/**
 * Where the prose of a text in the given format is; undefined for plain text, which is prose throughout.
 * A text nested too deeply for the parsers (20,000 `<b>` in a row overflow hast-util-from-parse5's
 * recursion) is refused with a ConfigError naming `label`: the file is reported and left as it is.
 */
export function proseOf(text: string, format: TextFormat, label = ''): ProseMap | undefined {
  if (format === 'text') return undefined
  const reader = readers.get(format)
  if (!reader) throw new Error(`the ${format} parser was not loaded (loadProseReaders)`)
  try {
    return reader(text)
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigError(`cannot be read as ${FORMAT_NAMES[format]}: nested too deeply (${error.message})`, label)
    throw error
  }
}

const isLineBreak = (char: string): boolean => char === '\n' || char === '\r'

/** `text` with every character outside `ranges` (sorted, not overlapping) blanked to a space, line breaks kept: every offset, line and column stays. */
export function maskOutside(text: string, ranges: readonly Span[], from = 0, to = text.length): string {
  let masked = ''
  let at = from
  const blank = (end: number): void => {
    for (let index = at; index < end; index++) masked += isLineBreak(text[index]!) ? text[index] : ' '
  }
  for (const range of ranges) {
    const start = Math.max(range.start, from)
    const end = Math.min(range.end, to)
    if (end <= start) continue
    blank(start)
    masked += text.slice(start, end)
    at = end
  }
  blank(to)
  return masked
}

/**
 * A text with all but its prose blanked (plain text as it is), for what reads a whole text at once
 * rather than a block at a time: the corpus's spellings, `suggest`.
 */
export function proseText(text: string, format: TextFormat, label = ''): string {
  const prose = proseOf(text, format, label)
  return prose ? maskOutside(text, allRanges(prose)) : text
}

/** Every prose range of the map, in order. */
export const allRanges = (prose: ProseMap): Span[] => prose.blocks.flatMap((block) => block.ranges)

/** Whether `span` lies inside one of `ranges` (sorted): a change or a message that crosses markup does not. */
export function insideOneRange(span: Span, ranges: readonly Span[]): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = ranges[middle]!
    if (range.end < span.start) low = middle + 1
    else if (range.start > span.start) high = middle - 1
    else if (span.end <= range.end) return true
    else low = middle + 1 // a range that ends where the span starts: the next may hold it
  }
  return false
}

/** Whether `span` (a change or a message of rule or check `id`) meets a span disabled for it. */
export function isDisabled(span: Span, id: string | undefined, disabled: readonly DisabledSpan[]): boolean {
  return disabled.some((off) => (off.ids === undefined || (id !== undefined && off.ids.includes(id))) && meets(span, off))
}

/** Overlap, or an insertion at or inside the span's edges. */
function meets(a: Span, b: Span): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end
  return a.start < b.end && b.start < a.end
}

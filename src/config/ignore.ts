import type { Span } from '../apply/offset-map.js'
import type { IgnoreEntry } from './types.js'

/**
 * The spans of `text` a project leaves alone (`ignore:` in its config): every occurrence of each phrase
 * (case as written) and every match of each regex, sorted by start. `clean` makes no change that meets
 * one, and `check` reports nothing that meets one.
 */
export function ignoredSpans(text: string, entries: readonly IgnoreEntry[]): Span[] {
  const spans: Span[] = []
  for (const entry of entries) {
    if ('phrase' in entry) {
      for (let at = text.indexOf(entry.phrase); at >= 0; at = text.indexOf(entry.phrase, at + entry.phrase.length)) {
        spans.push({ start: at, end: at + entry.phrase.length })
      }
    } else {
      for (const match of text.matchAll(new RegExp(entry.regex, `gu${entry.flags}`))) {
        // An empty match leaves nothing to protect (and matchAll moves past it by itself).
        if (match[0].length > 0) spans.push({ start: match.index, end: match.index + match[0].length })
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end)
}

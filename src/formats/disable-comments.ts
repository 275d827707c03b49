import type { Span } from '../apply/offset-map.js'

/** A span a `<!-- mtclean-disable [ids…] -->` comment leaves alone: for the ids named, or for all. */
export interface DisabledSpan extends Span {
  ids?: string[]
}

/** A directive read from a comment: `mtclean-disable [ids…]` or `mtclean-enable [ids…]`. */
export interface Directive {
  kind: 'disable' | 'enable'
  /** The rule and check ids named; none: every rule and check. */
  ids: string[]
}

// The comment's text, without `<!--` and `-->`: the directive alone in it, ids split by spaces or commas
// (as textlint-filter-rule-comments and ESLint write them).
const DIRECTIVE = /^\s*mtclean-(disable|enable)(?:\s+([^]*?))?\s*$/

/** The directive a comment holds, if it holds one (and nothing else). */
export function directiveOf(comment: string): Directive | undefined {
  const match = DIRECTIVE.exec(comment)
  if (!match) return undefined
  const ids = (match[2] ?? '').split(/[\s,]+/).filter((id) => id !== '')
  return { kind: match[1] as Directive['kind'], ids }
}

/**
 * Turns directives met in document order into the spans they disable. A disable runs from the end of its
 * comment to the start of the `mtclean-enable` that closes it, or to the end of the text. A plain enable
 * closes every open disable; an enable with ids closes the disables of those ids (an id-less disable
 * stays open until a plain enable).
 */
export class DisableTracker {
  private readonly open: { start: number; ids: string[] | undefined }[] = []
  readonly spans: DisabledSpan[] = []

  add(directive: Directive, commentStart: number, commentEnd: number): void {
    if (directive.kind === 'disable') {
      this.open.push({ start: commentEnd, ids: directive.ids.length > 0 ? directive.ids : undefined })
      return
    }
    const closing = directive.ids
    for (let index = this.open.length - 1; index >= 0; index--) {
      const span = this.open[index]!
      if (closing.length === 0) {
        this.close(span, commentStart, span.ids)
        this.open.splice(index, 1)
      } else if (span.ids) {
        const closed = span.ids.filter((id) => closing.includes(id))
        if (closed.length === 0) continue
        this.close(span, commentStart, closed)
        span.ids = span.ids.filter((id) => !closing.includes(id))
        if (span.ids.length === 0) this.open.splice(index, 1)
      }
    }
  }

  /** The spans, with every disable still open run to `textEnd`. */
  finish(textEnd: number): DisabledSpan[] {
    for (const span of this.open) this.close(span, textEnd, span.ids)
    this.open.length = 0
    return this.spans.sort((a, b) => a.start - b.start || a.end - b.end)
  }

  private close(span: { start: number }, end: number, ids: string[] | undefined): void {
    if (end > span.start) this.spans.push(ids ? { start: span.start, end, ids } : { start: span.start, end })
  }
}

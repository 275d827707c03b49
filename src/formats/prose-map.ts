import type { Span } from '../apply/offset-map.js'
import { DisableTracker, directiveOf, type DisabledSpan } from './disable-comments.js'

/** The prose of one block (a paragraph, a heading, a table cell, a list item's text): never joined to another's. */
export interface ProseBlock {
  /** Its prose in the original text, in order, not touching: the markup between two ranges is not prose. */
  ranges: Span[]
}

/**
 * Where the prose of a Markdown or HTML text is, by offsets into the text as written: only this is
 * cleaned and checked. Everything else (code, URLs, attributes, comments, front matter, markup) stays.
 */
export interface ProseMap {
  blocks: ProseBlock[]
  disabled: DisabledSpan[]
  /** Every disable or enable comment that names ids, at its place: `check` reports an id that is no rule or check. */
  directives: { start: number; end: number; ids: string[] }[]
}

/**
 * Collects prose ranges and disable comments in document order, as a walk over a syntax tree meets them
 * (`markdown.ts`, `html.ts`): a range is added to the current block, and the walk starts a new block
 * wherever the tree has a block boundary.
 */
export class ProseCollector {
  private readonly blocks: ProseBlock[] = []
  private current: Span[] = []
  private readonly disables = new DisableTracker()
  private readonly directives: ProseMap['directives'] = []

  text(start: number, end: number): void {
    if (end <= start) return
    const last = this.current.at(-1)
    if (last && last.end === start) last.end = end
    else this.current.push({ start, end })
  }

  breakBlock(): void {
    if (this.current.length > 0) this.blocks.push({ ranges: this.current })
    this.current = []
  }

  /** A comment at [start, end) whose text (without `<!--` and `-->`) is `value`. */
  comment(value: string, start: number, end: number): void {
    const directive = directiveOf(value)
    if (!directive) return
    this.disables.add(directive, start, end)
    if (directive.ids.length > 0) this.directives.push({ start, end, ids: directive.ids })
  }

  finish(textLength: number): ProseMap {
    this.breakBlock()
    return { blocks: this.blocks, disabled: this.disables.finish(textLength), directives: this.directives }
  }
}

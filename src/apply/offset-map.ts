/** What the map needs of an applied change: its range in the source and its replacement's length. */
export interface AppliedSpan {
  start: number
  end: number
  after: string
}

export interface Span {
  start: number
  end: number
}

/**
 * Offsets in a source ↔ offsets in the text the applier made of it, from the changes it applied (in
 * source order, not overlapping). A place inside a replaced span maps to the whole of its counterpart.
 */
export class OffsetMap {
  /** Each change's start in the output: the source start moved by the changes before it. */
  private readonly outputStarts: number[] = []

  constructor(private readonly applied: readonly AppliedSpan[]) {
    let shift = 0
    for (const change of applied) {
      this.outputStarts.push(change.start + shift)
      shift += change.after.length - (change.end - change.start)
    }
  }

  /** The span of the output that a span of the source became. */
  toOutput(span: Span): Span {
    return { start: this.mapStart(span.start, 'source'), end: this.mapEnd(span.end, 'source') }
  }

  /** The span of the source that a span of the output came from. */
  toSource(span: Span): Span {
    return { start: this.mapStart(span.start, 'output'), end: this.mapEnd(span.end, 'output') }
  }

  /** The last change that starts at or before `offset` on the given side, or -1. */
  private lastAtOrBefore(offset: number, side: 'source' | 'output'): number {
    let low = 0
    let high = this.applied.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      const start = side === 'source' ? this.applied[middle]!.start : this.outputStarts[middle]!
      if (start <= offset) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    return found
  }

  private edges(index: number): { source: Span; output: Span } {
    const change = this.applied[index]!
    const outputStart = this.outputStarts[index]!
    return { source: { start: change.start, end: change.end }, output: { start: outputStart, end: outputStart + change.after.length } }
  }

  private mapStart(offset: number, side: 'source' | 'output'): number {
    const other = side === 'source' ? 'output' : 'source'
    const index = this.lastAtOrBefore(offset, side)
    if (index < 0) return offset
    const edges = this.edges(index)
    if (offset < edges[side].end) return edges[other].start
    return offset - edges[side].end + edges[other].end
  }

  private mapEnd(offset: number, side: 'source' | 'output'): number {
    const other = side === 'source' ? 'output' : 'source'
    // An end is the first offset after the span: the change it falls in is the last one starting before it.
    const index = this.lastAtOrBefore(offset - 1, side)
    if (index < 0) return offset
    const edges = this.edges(index)
    if (offset <= edges[side].end) return edges[other].end
    return offset - edges[side].end + edges[other].end
  }
}

/** Whether two spans share a character (an empty span touches what it sits inside). */
export function spansMeet(a: Span, b: Span): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end
  return a.start < b.end && b.start < a.end
}

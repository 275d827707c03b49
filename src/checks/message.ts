import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { VFileMessage } from 'vfile-message'

export const SOURCE = 'mtclean'

/** Where each check is explained: an anchor in docs/checks.md. */
export const docsUrl = (ruleId: string): string => `docs/checks.md#${ruleId}`

const locations = new WeakMap<VFile, ReturnType<typeof location>>()

/** The unist point of an offset in the file (line/column index built once per file). */
export function pointAt(file: VFile, offset: number): Point {
  let index = locations.get(file)
  if (!index) {
    index = location(file)
    locations.set(file, index)
  }
  return index.toPoint(offset) ?? { line: 1, column: 1, offset }
}

export function placeOf(file: VFile, start: number, end: number): Position {
  return { start: pointAt(file, start), end: pointAt(file, end) }
}

export interface Finding {
  ruleId: string
  reason: string
  start: number
  end: number
  actual?: string
  expected?: string[]
  note?: string
}

/** The one way checks report: a vfile message with place, ruleId, source, url, actual and expected. */
export function report(file: VFile, finding: Finding): VFileMessage {
  const message = file.message(finding.reason, { place: placeOf(file, finding.start, finding.end), ruleId: finding.ruleId, source: SOURCE })
  message.url = docsUrl(finding.ruleId)
  message.actual = finding.actual ?? String(file.value).slice(finding.start, finding.end)
  if (finding.expected) message.expected = finding.expected
  if (finding.note) message.note = finding.note
  return message
}

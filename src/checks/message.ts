import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { VFileMessage } from 'vfile-message'
import { fileURLToPath } from 'node:url'
import { relativeUrl } from '../model/paths.js'

export const SOURCE = 'mtclean'

/** docs/checks.md of the installed package (next to package.json): a section per check, headed by its id. */
export const CHECKS_DOCS = fileURLToPath(new URL('../../docs/checks.md', import.meta.url))

/**
 * Where a check is explained, as a URL that resolves from `readFrom`, the folder the text holding it is read
 * in: the working folder for `check`'s output, the output folder for the reports. The fragment is the
 * check's heading (`## suspect-name`), the anchor a Markdown viewer (GitHub, npm, an editor's preview) gives it.
 */
export function docsUrl(ruleId: string, readFrom: string = process.cwd()): string {
  // Made for every message: the relative path is worked out once per folder.
  let base = docsFrom.get(readFrom)
  if (base === undefined) docsFrom.set(readFrom, (base = relativeUrl(CHECKS_DOCS, readFrom)))
  return `${base}#${ruleId}`
}
const docsFrom = new Map<string, string>()

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

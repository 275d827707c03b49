import { FILE_HEADERS_ONLY, formatPatch, type StructuredPatch } from 'diff'
import type { FileResult } from '../engine/clean.js'

const CONTEXT = 3
const NO_NEWLINE = '\\ No newline at end of file'

/** Lines without their `\n` (a `\r` stays, as in jsdiff), and whether the last one ends with a newline. */
function splitLines(text: string): { lines: string[]; lastHasNewline: boolean } {
  if (text === '') return { lines: [], lastHasNewline: true }
  const lines = text.split('\n')
  const lastHasNewline = lines[lines.length - 1] === ''
  if (lastHasNewline) lines.pop()
  return { lines, lastHasNewline }
}

const count = (text: string, char: string): number => text.split(char).length - 1

/**
 * The hunks of one file, from its applied changes rather than by diffing the texts again: the engine
 * already knows what changed, so the cost is that of the changed lines, not of a diff of the whole file
 * (which made a 5 MB file spend two thirds of its time in jsdiff's search).
 */
function filePatch(result: FileResult): StructuredPatch {
  const name = result.input.displayPath
  const before = splitLines(result.source)
  const after = splitLines(result.output)
  // Line starts of the source, to find the lines a change touches.
  const lineStarts = [0]
  for (let index = result.source.indexOf('\n'); index >= 0; index = result.source.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  const lineOf = (offset: number): number => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return low
  }
  // Changed regions in source lines (inclusive), each with how many lines it gains or loses.
  const regions: { first: number; last: number; shift: number }[] = []
  for (const change of result.applied) {
    const first = lineOf(change.start)
    const last = lineOf(Math.max(change.start, change.end - (change.end > change.start ? 1 : 0)))
    const shift = count(change.after, '\n') - count(change.before, '\n')
    const previous = regions[regions.length - 1]
    if (previous && first <= previous.last + 1) {
      previous.last = Math.max(previous.last, last)
      previous.shift += shift
    } else regions.push({ first, last, shift })
  }
  // Regions close enough to share their context lines make one hunk.
  const groups: (typeof regions)[] = []
  for (const region of regions) {
    const group = groups[groups.length - 1]
    if (group && region.first - group[group.length - 1]!.last <= 2 * CONTEXT + 1) group.push(region)
    else groups.push([region])
  }
  const hunks: StructuredPatch['hunks'] = []
  let delta = 0 // lines gained before the current region
  const emit = (lines: string[], prefix: string, side: { lines: string[]; lastHasNewline: boolean }, index: number): void => {
    lines.push(prefix + side.lines[index]!)
    if (index === side.lines.length - 1 && !side.lastHasNewline) lines.push(NO_NEWLINE)
  }
  for (const group of groups) {
    const oldFrom = Math.max(0, group[0]!.first - CONTEXT)
    const oldTo = Math.min(before.lines.length - 1, group[group.length - 1]!.last + CONTEXT)
    const newFrom = oldFrom + delta
    const lines: string[] = []
    let line = oldFrom
    for (const region of group) {
      for (; line < region.first; line++) emit(lines, ' ', before, line)
      for (let old = region.first; old <= Math.min(region.last, before.lines.length - 1); old++) emit(lines, '-', before, old)
      for (let added = region.first + delta; added <= region.last + delta + region.shift && added < after.lines.length; added++) emit(lines, '+', after, added)
      delta += region.shift
      line = region.last + 1
    }
    for (; line <= oldTo; line++) emit(lines, ' ', before, line)
    const oldLines = oldTo - oldFrom + 1
    const newLines = oldLines + group.reduce((sum, region) => sum + region.shift, 0)
    hunks.push({ oldStart: oldLines > 0 ? oldFrom + 1 : oldFrom, oldLines, newStart: newLines > 0 ? newFrom + 1 : newFrom, newLines, lines })
  }
  // A name with a space gets a tab after it, as git writes it, so that GNU patch reads the whole name.
  const header = name.includes(' ') ? '' : undefined
  return { oldFileName: gitQuoted(`a/${name}`), newFileName: gitQuoted(`b/${name}`), oldHeader: header, newHeader: header, hunks } as unknown as StructuredPatch
}

const C_ESCAPES: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 34: '"', 92: '\\' }

/**
 * A path as git writes it in a diff: as is when plain, else in double quotes with C escapes and the bytes
 * of other characters in octal (git's quote_c_style with core.quotePath), which `git apply` and GNU patch
 * read back. A newline in a file name no longer breaks the diff.
 */
export function gitQuoted(name: string): string {
  if (!/[\u0000-\u001f"\\\u007f-\uffff]/.test(name)) return name
  let quoted = ''
  for (const byte of Buffer.from(name, 'utf8')) {
    const escaped = C_ESCAPES[byte]
    if (escaped) quoted += `\\${escaped}`
    else if (byte < 0x20 || byte >= 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`
    else quoted += String.fromCharCode(byte)
  }
  return `"${quoted}"`
}

/** One file's part of the unified diff ('' when the copy equals the source). */
export function fileDiff(result: FileResult): string {
  return result.output === result.source ? '' : formatPatch(filePatch(result), FILE_HEADERS_ONLY)
}

/**
 * A file's part of changes.diff made again from the record (`mtclean report`, `report merge`): its path as
 * the report gives it (relative to the run's folder, as the diff's are), its texts and its applied changes.
 */
export function recordDiff(
  file: string,
  texts: { source: string; output: string },
  changes: { start: number; end: number; before: string; after: string }[],
): string {
  return fileDiff({ input: { displayPath: file }, source: texts.source, output: texts.output, applied: changes } as unknown as FileResult)
}

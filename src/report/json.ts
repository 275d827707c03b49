import type { Report, ReportedFile } from './report.js'

// report.json is `JSON.stringify(report, null, 2)`, written a file entry at a time: the entries are
// indented for their place in the `files` array, and the rest is split around that array.
const FILES_PLACEHOLDER = '\u0000files\u0000'
const ENTRY_INDENT = '    '

// An entry stringified two arrays deep is indented as in `files`: only the brackets are cut off.
const NESTED_OPENING = '[\n  [\n'
const NESTED_CLOSING = '\n  ]\n]'

/** One file's entry, indented as in the whole report. */
export function jsonFileEntry(file: ReportedFile): string {
  return JSON.stringify([[file]], null, 2).slice(NESTED_OPENING.length, -NESTED_CLOSING.length)
}

/** What goes before and after the entries (joined by `,\n`); with no entries, the whole report. */
export function jsonFrame(report: Omit<Report, 'files'>, entries: number): { head: string; tail: string } {
  const ordered = { run: report.run, summary: report.summary, rules: report.rules, files: entries > 0 ? [FILES_PLACEHOLDER] : [], failures: report.failures }
  const whole = `${JSON.stringify(ordered, null, 2)}\n`
  if (entries === 0) return { head: whole, tail: '' }
  const marker = `${ENTRY_INDENT}${JSON.stringify(FILES_PLACEHOLDER)}`
  const at = whole.indexOf(marker)
  return { head: whole.slice(0, at), tail: whole.slice(at + marker.length) }
}

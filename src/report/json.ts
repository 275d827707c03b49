import { REPORT_VERSION, withoutDerivedCopy, type StoredFile, type StoredReport } from './stored.js'

// report.json is written a file entry at a time: the frame (the run, its totals, the rules) is indented
// for a person to read, and each file's entry is one line (indenting every change of every file made the
// report several times the size of the texts), so the whole file is still valid JSON for any tool.
const FILES_PLACEHOLDER = '\u0000files\u0000'
const ENTRY_INDENT = '    '

/** One file's entry: one line, indented as an item of `files` (without its copy's place where the run's inputs give it). */
export function jsonFileEntry(file: StoredFile, inputs: string[]): string {
  return `${ENTRY_INDENT}${JSON.stringify(withoutDerivedCopy(file, inputs))}`
}

/** What goes before and after the entries (joined by `,\n`); with no entries, the whole report. */
export function jsonFrame(report: Omit<StoredReport, 'files' | 'version'>, entries: number): { head: string; tail: string } {
  const ordered = {
    version: REPORT_VERSION,
    run: report.run,
    summary: report.summary,
    rules: report.rules,
    files: entries > 0 ? [FILES_PLACEHOLDER] : [],
    failures: report.failures,
  }
  const whole = `${JSON.stringify(ordered, null, 2)}\n`
  if (entries === 0) return { head: whole, tail: '' }
  const marker = `${ENTRY_INDENT}${JSON.stringify(FILES_PLACEHOLDER)}`
  const at = whole.indexOf(marker)
  return { head: whole.slice(0, at), tail: whole.slice(at + marker.length) }
}

/** A whole report.json at once (`report merge`), exactly as the streaming writer writes it. */
export function jsonReport(report: StoredReport): string {
  const { head, tail } = jsonFrame(report, report.files.length)
  return head + report.files.map((file) => jsonFileEntry(file, report.run.inputs)).join(',\n') + tail
}

import type { VFile } from 'vfile'
import { visibleControls } from '../model/controls.js'
import { reporter } from 'vfile-reporter'
import reporterJson from 'vfile-reporter-json'
import stringWidth from 'string-width'
import { stringifyPosition } from 'unist-util-stringify-position'
import wrapAnsi from 'wrap-ansi'
import { githubLines, sarifDocument, sarifResults, type SarifRule } from './ci-formats.js'

export const FORMATS = ['text', 'unix', 'json', 'github', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

export interface DiagnosticsOptions {
  /** Colour in the text format (a terminal, no NO_COLOR, no --no-color). */
  color?: boolean
  /** The terminal's width, when stdout is one: the text format's lines are made to fit it. */
  width?: number
}

/** The width the text format must fit: the terminal's, when stdout is one that knows its size; none into a pipe or a file. */
export function terminalWidth(stdout: { isTTY?: boolean; columns?: number } = process.stdout): number | undefined {
  return stdout.isTTY === true && typeof stdout.columns === 'number' && stdout.columns > 0 ? stdout.columns : undefined
}

/** One line per message, `file:line:column-line:column  warning  reason  rule-id  source`, for grep and editors. */
function unixLines(file: VFile): string {
  const lines: string[] = []
  for (const message of file.messages) {
    const place =
      message.place && 'start' in message.place ? message.place : { start: message.place ?? { line: message.line, column: message.column }, end: undefined }
    const start = `${place.start.line ?? 1}:${place.start.column ?? 1}`
    const end = place.end ? `-${place.end.line}:${place.end.column}` : ''
    const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
    const fields = [`${file.path}:${start}${end}`, severity, message.reason, message.ruleId ?? '', message.source ?? '']
    lines.push(fields.map((field) => visibleControls(field).replace(/\n/g, '\\n')).join('  '))
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

/** vfile-reporter's block for one file, without its closing count (the run prints its own totals). */
function textBlock(file: VFile, color: boolean, width: number | undefined): string {
  if (file.messages.length === 0) return ''
  // What the text and the file name hold never reaches the terminal raw. With colour, the reporter's own
  // escapes must stay: what the file holds is made visible first, then the reporter colours it.
  if (color || width) makeControlsVisible(file)
  if (width) wrapReasons(file, width)
  const text = reporter([file], { color, quiet: true })
  const shown = color ? text : visibleControls(text)
  return `${shown.slice(0, shown.lastIndexOf('\n\n'))}\n`
}

/** Every field of the file vfile-reporter prints, with its control characters visible (the file is changed). */
function makeControlsVisible(file: VFile): void {
  // The reporter names a file by its first path (history[0]), not its current one.
  file.history = file.history.map(visibleControls)
  for (const message of file.messages) {
    message.reason = visibleControls(message.reason)
    message.message = visibleControls(message.message)
    if (message.stack) message.stack = visibleControls(message.stack)
    if (message.ruleId) message.ruleId = visibleControls(message.ruleId)
    if (message.source) message.source = visibleControls(message.source)
  }
}

/** The narrowest reason column worth wrapping to: below it, lines run past a very narrow terminal instead. */
const MIN_REASON_WIDTH = 24

/**
 * Fits vfile-reporter's rows into a terminal `width` columns wide. The reporter pads the reason column to
 * the longest reason (lines of 200+ characters) and has no width option (nor has ESLint's stylish
 * formatter); it prints the lines after a reason's first as they are. So each reason is wrapped (wrap-ansi,
 * which counts wide characters as two) to the room the other columns leave, and its further lines are
 * indented to the reason column. The message is changed, as makeControlsVisible changes it.
 */
function wrapReasons(file: VFile, width: number): void {
  const widest = (cells: string[]): number => Math.max(0, ...cells.map((cell) => stringWidth(cell)))
  const place = widest(file.messages.map((message) => stringifyPosition(message.place)))
  const label = widest(file.messages.map((message) => (message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info')))
  const rule = widest(file.messages.map((message) => message.ruleId ?? ''))
  const source = widest(file.messages.map((message) => message.source ?? ''))
  // Each column is followed by one space; the last one's trailing space is trimmed.
  const indent = place + 1 + label + 1
  const room = Math.max(MIN_REASON_WIDTH, width - indent - 1 - rule - 1 - source)
  for (const message of file.messages) {
    const lines = wrapAnsi(message.message, room, { hard: true, trim: true }).split('\n')
    message.message = lines.map((line, index) => (index === 0 ? line : `${' '.repeat(indent)}${line}`)).join('\n')
  }
}

/**
 * One file's diagnostics in a unified format: vfile-reporter (text), one line each (unix), or its
 * vfile-reporter-json object. Files are formatted one at a time, so a run of any size streams them;
 * `DiagnosticsStream` joins them.
 */
export function formatFileDiagnostics(file: VFile, format: Format, options: DiagnosticsOptions = {}): string {
  switch (format) {
    case 'json':
      return reporterJson([file]).slice(1, -1)
    case 'unix':
      return unixLines(file)
    case 'text':
      return textBlock(file, options.color ?? false, options.width)
    case 'github':
      return githubLines(file)
    case 'sarif':
      // The file's SARIF results as a JSON array: `DiagnosticsStream` gathers them into one run.
      return JSON.stringify(sarifResults(file))
  }
}

/** Joins formatted files into one output: for json, one vfile-reporter-json array. */
export class DiagnosticsStream {
  private count = 0
  /** For sarif: one document, written at the end (its rules list is that of the rules that fired). */
  private sarif: unknown[] = []

  constructor(
    private readonly format: Format,
    private readonly write: (text: string) => void,
    /** For sarif: what each rule id is (the checks' table), for the document's rules. */
    private readonly describeRule: (ruleId: string) => SarifRule = (id) => ({ id }),
  ) {}

  add(piece: string): void {
    // (A loop, not push(...): a file can have more results than a call takes arguments.)
    if (this.format === 'sarif') for (const result of JSON.parse(piece) as unknown[]) this.sarif.push(result)
    else if (this.format === 'json') this.write(this.count === 0 ? `[${piece}` : `,${piece}`)
    else if (piece === '') return
    // vfile-reporter puts a blank line between files.
    else this.write(this.format === 'text' && this.count > 0 ? `\n${piece}` : piece)
    this.count++
  }

  end(): void {
    if (this.format === 'sarif') this.write(`${JSON.stringify(sarifDocument(this.sarif as ReturnType<typeof sarifResults>, this.describeRule), null, 2)}\n`)
    if (this.format === 'json') this.write(this.count === 0 ? '[]\n' : ']\n')
  }
}

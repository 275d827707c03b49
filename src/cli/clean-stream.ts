import { closeSync, openSync, writeSync } from 'node:fs'
import { cleanInPieces } from '../engine/clean-pieces.js'
import { cleanText } from '../engine/clean.js'
import type { Change } from '../model/change.js'
import { ConfigError } from '../model/errors.js'
import { formatOf } from '../formats/format.js'
import { loadProseReaders, proseOf } from '../formats/prose.js'
import { describeFsError } from '../io/read.js'
import { loadRuleSet, rulePathsOf } from '../rules/load.js'
import { ignoredSpans } from '../config/ignore.js'
import type { IgnoreEntry } from '../config/types.js'
import { readStdinText, STDIN_LABEL, STDIN_PATH } from './stdin.js'

export interface CleanStreamOptions {
  rules?: string[]
  /** Where the changes go as JSON lines (a file, or a descriptor such as /dev/fd/3). */
  changes?: string
  /** The project config's spans to leave alone. */
  ignore?: IgnoreEntry[]
  /** The text's name: its extension says its format, as Prettier's --stdin-filepath does. */
  stdinFilename?: string
}

/** One change as a line of `--changes`: offsets into the text read (UTF-16 code units, as in report.json). */
export interface ChangeLine {
  start: number
  end: number
  before: string
  after: string
  ruleId: string
}

/**
 * `clean -`: stdin cleaned to stdout, and nothing else on stdout. It reads the text, loads the rules (a rule
 * set validated before comes from the cache), matches and writes, and does nothing else: no output folder,
 * no reports, no review record, no checks, no progress, no summary. A filter in a pipeline (`parallel
 * --pipe`, an editor) says nothing on success, as sed and `prettier --stdin` do. Errors still go to stderr.
 * A long text (past 16 M characters) is cleaned and written a piece at a time (clean-pieces.ts), as the whole text would be.
 */
export async function cleanStream(options: CleanStreamOptions): Promise<void> {
  if (options.changes === STDIN_PATH) throw new ConfigError('standard output holds the cleaned text: give --changes a file (or /dev/fd/N)', '--changes')
  const text = await readStdinText(STDIN_LABEL)
  const ruleSet = loadRuleSet(rulePathsOf(options.rules, process.cwd()))
  const format = formatOf(options.stdinFilename)
  const leaveAlone = options.ignore?.length ? ignoredSpans(text, options.ignore) : []
  // Plain text is cleaned in pieces, in bounded memory; Markdown and HTML (parsed whole) and a text with spans
  // the project leaves alone are cleaned at once.
  let pieces: Iterable<{ output: string; applied: Change[] }>
  if (format === 'text' && leaveAlone.length === 0) pieces = cleanInPieces(text, ruleSet)
  else {
    await loadProseReaders([format])
    pieces = [cleanText(text, ruleSet, undefined, proseOf(text, format, options.stdinFilename ?? STDIN_LABEL), leaveAlone)]
  }
  // Opened before a byte is written to stdout, so that a --changes that cannot be written stops the run with
  // nothing printed. Not written atomically (no temp file and rename): the target may be a descriptor or a FIFO.
  const changes = options.changes === undefined ? undefined : openChanges(options.changes)
  try {
    for (const piece of pieces) {
      process.stdout.write(piece.output)
      if (changes !== undefined && piece.applied.length > 0) {
        const lines = piece.applied.map(
          (change) =>
            `${JSON.stringify({ start: change.start, end: change.end, before: change.before, after: change.after, ruleId: change.rule.id } satisfies ChangeLine)}\n`,
        )
        writeChanges(changes, lines.join(''), options.changes!)
      }
    }
  } finally {
    if (changes !== undefined) closeSync(changes)
  }
}

function openChanges(file: string): number {
  try {
    return openSync(file, 'w')
  } catch (error) {
    throw new ConfigError(describeFsError(error), file)
  }
}

function writeChanges(descriptor: number, text: string, file: string): void {
  const bytes = Buffer.from(text, 'utf8')
  try {
    for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written)
  } catch (error) {
    throw new ConfigError(describeFsError(error), file)
  }
}

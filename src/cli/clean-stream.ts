import { writeFileSync } from 'node:fs'
import { cleanText } from '../clean.js'
import { ConfigError } from '../errors.js'
import { formatOf } from '../formats/format.js'
import { loadProseReaders, proseOf } from '../formats/prose.js'
import { describeFsError } from '../io/read.js'
import { defaultRulePaths, loadRuleSet } from '../rules/load.js'
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
 * `clean -`: stdin cleaned to stdout, and nothing else on stdout. Only the rules are loaded (the parsed
 * rule files are cached); no output folder, no reports, no review record, no progress, no summary: a filter
 * in a pipeline (`parallel --pipe`, an editor) says nothing on success, as sed and `prettier --stdin` do,
 * and a summary per chunk would pile up on the terminal under `parallel --pipe`. Errors still go to stderr.
 */
export async function cleanStream(options: CleanStreamOptions): Promise<void> {
  if (options.changes === STDIN_PATH) throw new ConfigError('standard output holds the cleaned text: give --changes a file (or /dev/fd/N)', '--changes')
  const text = await readStdinText(STDIN_LABEL)
  const ruleSet = loadRuleSet(options.rules ?? defaultRulePaths(process.cwd()))
  const format = formatOf(options.stdinFilename)
  await loadProseReaders([format])
  const prose = proseOf(text, format, options.stdinFilename ?? STDIN_LABEL)
  const { output, applied } = cleanText(text, ruleSet, undefined, prose, options.ignore?.length ? ignoredSpans(text, options.ignore) : [])
  if (options.changes !== undefined) {
    const lines = applied.map((change) => JSON.stringify({ start: change.start, end: change.end, before: change.before, after: change.after, ruleId: change.rule.id } satisfies ChangeLine))
    try {
      // Not written atomically (no temp file and rename): the target may be a descriptor or a FIFO.
      writeFileSync(options.changes, lines.map((line) => `${line}\n`).join(''))
    } catch (error) {
      throw new ConfigError(describeFsError(error), options.changes)
    }
  }
  process.stdout.write(output)
}

import type { Span } from '../apply/offset-map.js'
import { dropMessagesIn } from '../checks/quiet-spans.js'
import { SpellingCounter, type CorpusSpelling } from '../checks/corpus.js'
import { formatOf, formatsOf, type TextFormat } from '../formats/format.js'
import { loadProseReaders, proseOf, proseText } from '../formats/prose.js'
import { ConfigError } from '../model/errors.js'
import type { InputFile } from '../io/inputs.js'
import { readInputText } from '../io/read.js'
import { formatFileDiagnostics, type Format } from '../report/diagnostics.js'
import { compileValidated, type LoadedRules } from '../rules/compile.js'
import { settleFindings } from '../config/findings.js'
import type { FindingCounts } from '../config/severity.js'
import type { IgnoreEntry, Severity } from '../config/types.js'

export interface CheckSetup {
  /** Loaded and validated by the run (a worker only compiles them). */
  rules: LoadedRules
  format: Format
  /** Colour in the text format (decided by the run: a terminal, no NO_COLOR, no --no-color). */
  color?: boolean
  /** The terminal's width, for the text format (decided by the run: stdout is a terminal). */
  width?: number
  unknown: boolean
  /** Spans a person said are right (rejected changes), by absolute path: no message there. */
  quiet: Record<string, Span[]>
  /** Rarer spellings of the folder checked (`corpusSpellings`), handed to every worker. */
  corpus?: CorpusSpelling[]
  /** The project config's check severities (`off` drops a check's messages, `error` makes them errors). */
  severities?: Record<string, Severity>
  /** The project config's spans to leave alone: no message there. */
  ignore?: IgnoreEntry[]
  /** The formats of the inputs: their parsers are loaded once, before the first file. */
  formats: TextFormat[]
}

/** One file's diagnostics, already formatted: that is all the run needs to keep of it. */
export type CheckPiece = { path: string; failure: string } | { path: string; problems: number; counts: FindingCounts; output: string }

export async function createCheckTask(setup: CheckSetup): Promise<(input: InputFile) => CheckPiece> {
  const ruleSet = compileValidated(setup.rules)
  const { createChecker } = await import('../checks/index.js')
  const checker = createChecker(ruleSet, { unknown: setup.unknown, corpus: setup.corpus })
  await loadProseReaders(setup.formats)
  return (input) => {
    const read = readInputText(input.absolutePath)
    if ('failure' in read) return { path: input.displayPath, failure: read.failure }
    let prose
    try {
      prose = proseOf(read.text, formatOf(input.absolutePath), input.displayPath)
    } catch (error) {
      if (error instanceof ConfigError) return { path: input.displayPath, failure: error.message }
      throw error
    }
    const file = checker.check(read.text, input.displayPath, prose)
    dropMessagesIn(file, setup.quiet[input.absolutePath] ?? [])
    const counts = settleFindings(file, read.text, setup)
    return {
      path: input.displayPath,
      problems: file.messages.length,
      counts,
      output: formatFileDiagnostics(file, setup.format, { color: setup.color, width: setup.width }),
    }
  }
}

/**
 * The first pass of a check over several files: counts their capitalised word forms, one file at a time
 * (only the counts stay in memory), and returns the rarer spellings a letter off a commoner one.
 */
export async function corpusSpellings(files: InputFile[]): Promise<CorpusSpelling[]> {
  if (files.length < 2) return []
  await loadProseReaders(formatsOf(files))
  const counter = new SpellingCounter()
  for (const input of files) {
    const read = readInputText(input.absolutePath)
    if (!('text' in read)) continue
    try {
      // Only the prose of Markdown and HTML: a name in code or an address is no spelling of the corpus.
      counter.add(proseText(read.text, formatOf(input.absolutePath), input.displayPath))
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error // a file nested too deeply: its own run reports it
    }
  }
  return counter.spellings()
}

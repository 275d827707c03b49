import path from 'node:path'
import { OffsetMap } from '../apply/offset-map.js'
import type { CorpusSpelling } from '../checks/corpus.js'
import { cleanText, type FileResult } from '../engine/clean.js'
import { displayPathOf, type InputFile } from '../io/inputs.js'
import { describeFsError, readInputText } from '../io/read.js'
import { ConfigError } from '../model/errors.js'
import { writeFileAtomic } from '../io/write.js'
import { fileDiff } from '../report/diff.js'
import { jsonFileEntry } from '../report/json.js'
import { recordFile, tallyOf } from '../report/record-file.js'
import type { FileTally } from '../report/report.js'
import { loadDecisions } from '../review/decisions.js'
import { compileValidated, type LoadedRules } from '../rules/compile.js'
import { dropMessagesIn } from '../checks/quiet-spans.js'
import { formatOf, type TextFormat } from '../formats/format.js'
import { loadProseReaders, proseOf } from '../formats/prose.js'
import type { VFileMessage } from 'vfile-message'
import { ignoredSpans } from '../config/ignore.js'
import type { IgnoreEntry, Severity } from '../config/types.js'
import { settleFindings } from '../config/findings.js'

/** What every file of a `clean` run shares; plain data, so a worker thread can rebuild the rest. */
export interface CleanSetup {
  /** Loaded and validated by the run (a worker only compiles them). */
  rules: LoadedRules
  outFolder: string
  /** How paths are shown: relative to this folder. */
  cwd: string
  /** The folder the report's paths are relative to (where the run was made). */
  base: string
  /** The run's inputs, relative to `base` (report.json leaves out a copy's place they give). */
  inputs: string[]
  onlyAccepted: boolean
  /** Run the checks on each cleaned copy and list what they find in the reports. */
  check: boolean
  /** With `check`: rarer spellings of the folder (`corpusSpellings`), for the suspect-name check. */
  corpus?: CorpusSpelling[]
  /** false for a dry run: nothing is written, only the diff is wanted. */
  write: boolean
  /** The project config's spans to leave alone (no change there, no finding there) and check severities. */
  ignore?: IgnoreEntry[]
  severities?: Record<string, Severity>
  /** The formats of the inputs: their parsers are loaded once, before the first file. */
  formats: TextFormat[]
}

export interface CleanItem {
  input: InputFile
  /** The file's place in the run (the report's anchors are numbered by it). */
  index: number
}

/**
 * One file's share of every output, rendered where it was cleaned and encoded there as UTF-8: a worker
 * thread hands the bytes over without a copy, and the writing thread has nothing left to encode.
 */
export type CleanPiece = { path: string; failure: string } | { path: string; tally: FileTally; diff: Uint8Array; json: Uint8Array }

/** Writes a cleaned copy; a file-system error (disk full, read-only) stops the run with one line naming it. */
function writeCopy(outputPath: string, text: string, cwd: string): void {
  try {
    writeFileAtomic(outputPath, text)
  } catch (error) {
    throw new ConfigError(describeFsError(error), displayPathOf(outputPath, cwd))
  }
}

/**
 * The most changes one file may have: each takes a few hundred bytes in the reports, and a report entry is
 * one string (1,000,000 changes overflowed it: "Invalid string length"). A 50 MB news file has about
 * 300,000; a rule set that proposes more than this limit is rewriting almost every character.
 */
const MAX_CHANGES_PER_FILE = 500_000

// TextEncoder, not Buffer.from: a small Buffer is a slice of a shared pool, which cannot be transferred.
const utf8 = new TextEncoder()
const NOTHING = new Uint8Array(0)

/**
 * The work of `clean` on one file: read, match, apply, write the copy, and render its part of the diff
 * and of each report. A file that cannot be read is a recorded failure, not an error: the run goes on.
 */
export async function createCleanTask(setup: CleanSetup): Promise<(item: CleanItem) => CleanPiece> {
  const ruleSet = compileValidated(setup.rules)
  const { decisions } = loadDecisions(setup.outFolder)
  const decisionOf = (id: string) => decisions.get(id)?.decision
  // The checks load a dictionary: only when asked for.
  const checker = setup.check ? (await import('../checks/index.js')).createChecker(ruleSet, { corpus: setup.corpus }) : undefined
  await loadProseReaders(setup.formats)
  return ({ input }) => {
    const read = readInputText(input.absolutePath)
    if ('failure' in read) return { path: input.displayPath, failure: read.failure }
    const source = read.text
    const leaveAlone = setup.ignore?.length ? ignoredSpans(source, setup.ignore) : []
    // Markdown and HTML: only the prose is cleaned and checked (src/formats/).
    const format = formatOf(input.absolutePath)
    const review = { file: input.outputPath, decisionOf, onlyAccepted: setup.onlyAccepted }
    let prose
    try {
      prose = proseOf(source, format, input.displayPath)
    } catch (error) {
      if (error instanceof ConfigError) return { path: input.displayPath, failure: error.message }
      throw error
    }
    const result: FileResult = { input, source, ...cleanText(source, ruleSet, review, prose, leaveAlone) }
    const proposed = result.applied.length + result.skipped.length
    if (proposed > MAX_CHANGES_PER_FILE) {
      const limit = MAX_CHANGES_PER_FILE.toLocaleString('en')
      return {
        path: input.displayPath,
        failure: `the rules propose ${proposed.toLocaleString('en')} changes in this file (the limit is ${limit}): a rule matches almost everywhere; check the rules or split the file`,
      }
    }
    const outputPath = path.join(setup.outFolder, input.outputPath)
    if (setup.write) writeCopy(outputPath, result.output, setup.cwd)
    const diff = fileDiff(result)
    const shownOutput = displayPathOf(outputPath, setup.cwd)
    let findings: VFileMessage[] = []
    if (checker) {
      // The copy differs from the source only in prose: it parses as the source did.
      const checked = checker.check(result.output, shownOutput, proseOf(result.output, format, shownOutput))
      // A rejected change is a person's word that the text is right there: no check asks about it again.
      const map = new OffsetMap(result.applied)
      dropMessagesIn(
        checked,
        result.skipped.filter((skip) => skip.reason === 'rejected').map((skip) => map.toOutput(skip.change)),
      )
      settleFindings(checked, result.output, setup)
      findings = checked.messages
    }
    // (A finding's link to its check's description is made by the views, from where they are read.)
    const recorded = recordFile(result, { path: displayPathOf(input.absolutePath, setup.base), copy: input.outputPath }, findings, decisionOf)
    return {
      path: input.displayPath,
      tally: tallyOf(recorded),
      diff: utf8.encode(diff),
      json: setup.write ? utf8.encode(jsonFileEntry(recorded, setup.inputs)) : NOTHING,
    }
  }
}

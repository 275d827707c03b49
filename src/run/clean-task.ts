import path from 'node:path'
import type { CorpusSpelling } from '../checks/corpus.js'
import { cleanText, type FileResult } from '../clean.js'
import { displayPathOf, type InputFile } from '../io/inputs.js'
import { readInputText } from '../io/read.js'
import { writeFileAtomic } from '../io/write.js'
import { fileDiff } from '../report/diff.js'
import { htmlFile } from '../report/html.js'
import { jsonFileEntry } from '../report/json.js'
import { markdownFile } from '../report/markdown.js'
import { reportFile, tallyOf, type FileTally } from '../report/report.js'
import { loadDecisions } from '../review/decisions.js'
import { compileValidated, type LoadedRules } from '../rules/compile.js'

/** What every file of a `clean` run shares; plain data, so a worker thread can rebuild the rest. */
export interface CleanSetup {
  /** Loaded and validated by the run (a worker only compiles them). */
  rules: LoadedRules
  outFolder: string
  /** How paths are shown: relative to this folder. */
  cwd: string
  onlyAccepted: boolean
  /** Run the checks on each cleaned copy and list what they find in the reports. */
  check: boolean
  /** With `check`: rarer spellings of the folder (`corpusSpellings`), for the suspect-name check. */
  corpus?: CorpusSpelling[]
  /** false for a dry run: nothing is written, only the diff is wanted. */
  write: boolean
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
export type CleanPiece =
  | { path: string; failure: string }
  | { path: string; tally: FileTally; diff: Uint8Array; json: Uint8Array; markdown: Uint8Array; html: Uint8Array }

// TextEncoder, not Buffer.from: a small Buffer is a slice of a shared pool, which cannot be transferred.
const utf8 = new TextEncoder()
const NOTHING = new Uint8Array(0)

/**
 * The work of `clean` on one file: read, match, apply, write the copy, and render its part of the diff
 * and of each report. A file that cannot be read is a recorded failure, not an error: the run goes on.
 */
export async function createCleanTask(setup: CleanSetup): Promise<(item: CleanItem) => CleanPiece> {
  const ruleSet = compileValidated(setup.rules)
  const decisions = loadDecisions(setup.outFolder)
  const decisionOf = (id: string) => decisions.get(id)?.decision
  // The checks load a dictionary: only when asked for.
  const checker = setup.check ? (await import('../checks/index.js')).createChecker(ruleSet, { corpus: setup.corpus }) : undefined
  return ({ input, index }) => {
    const read = readInputText(input.absolutePath)
    if ('failure' in read) return { path: input.displayPath, failure: read.failure }
    const source = read.text
    const result: FileResult = { input, source, ...cleanText(source, ruleSet, { file: input.displayPath, decisionOf, onlyAccepted: setup.onlyAccepted }) }
    const outputPath = path.join(setup.outFolder, input.outputPath)
    if (setup.write) writeFileAtomic(outputPath, result.output)
    const diff = fileDiff(result)
    const shownOutput = displayPathOf(outputPath, setup.cwd)
    const findings = checker ? checker.check(result.output, shownOutput).messages : []
    const reported = reportFile(result, shownOutput, findings, decisionOf)
    if (!setup.write) return { path: input.displayPath, tally: tallyOf(reported), diff: utf8.encode(diff), json: NOTHING, markdown: NOTHING, html: NOTHING }
    return {
      path: input.displayPath,
      tally: tallyOf(reported),
      diff: utf8.encode(diff),
      json: utf8.encode(jsonFileEntry(reported)),
      markdown: utf8.encode(markdownFile(reported)),
      html: utf8.encode(htmlFile(reported, diff, result.output, index)),
    }
  }
}

import { applyChanges } from './apply/apply.js'
import type { Change, SkippedChange } from './change.js'
import { ConfigError } from './errors.js'
import type { InputFile } from './io/inputs.js'
import { readTextFile } from './io/read.js'
import { findChanges } from './match/index.js'
import type { RuleSet } from './rules/compile.js'

export interface CleanedText {
  output: string
  applied: Change[]
  skipped: SkippedChange[]
}

/** match → apply, for one text. */
export function cleanText(text: string, ruleSet: RuleSet): CleanedText {
  const { changes, ambiguous } = findChanges(text, ruleSet)
  const { output, applied, skipped } = applyChanges(text, changes)
  return { output, applied, skipped: [...ambiguous, ...skipped].sort((a, b) => a.change.start - b.change.start) }
}

export interface FileResult extends CleanedText {
  input: InputFile
  source: string
}

export interface FileFailure {
  input: InputFile
  error: ConfigError
}

export interface CleanRun {
  results: FileResult[]
  /** Files that could not be read (not UTF-8, binary, unreadable): recorded, and the run goes on. */
  failures: FileFailure[]
}

export function cleanFiles(inputs: InputFile[], ruleSet: RuleSet): CleanRun {
  const results: FileResult[] = []
  const failures: FileFailure[] = []
  for (const input of inputs) {
    let source: string
    try {
      source = readTextFile(input.absolutePath)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      failures.push({ input, error: new ConfigError(error.message, input.displayPath) })
      continue
    }
    results.push({ input, source, ...cleanText(source, ruleSet) })
  }
  return { results, failures }
}

import type { Span } from '../apply/offset-map.js'
import { dropMessagesIn } from '../checks/quiet-spans.js'
import type { InputFile } from '../io/inputs.js'
import { readInputText } from '../io/read.js'
import { formatFileDiagnostics, type Format } from '../report/diagnostics.js'
import { compileValidated, type LoadedRules } from '../rules/compile.js'

export interface CheckSetup {
  /** Loaded and validated by the run (a worker only compiles them). */
  rules: LoadedRules
  format: Format
  unknown: boolean
  /** Spans a person said are right (rejected changes), by absolute path: no message there. */
  quiet: Record<string, Span[]>
}

/** One file's diagnostics, already formatted: that is all the run needs to keep of it. */
export type CheckPiece = { path: string; failure: string } | { path: string; problems: number; output: string }

export async function createCheckTask(setup: CheckSetup): Promise<(input: InputFile) => CheckPiece> {
  const ruleSet = compileValidated(setup.rules)
  const { createChecker } = await import('../checks/index.js')
  const checker = createChecker(ruleSet, { unknown: setup.unknown })
  return (input) => {
    const read = readInputText(input.absolutePath)
    if ('failure' in read) return { path: input.displayPath, failure: read.failure }
    const file = checker.check(read.text, input.displayPath)
    dropMessagesIn(file, setup.quiet[input.absolutePath] ?? [])
    return { path: input.displayPath, problems: file.messages.length, output: formatFileDiagnostics(file, setup.format) }
  }
}

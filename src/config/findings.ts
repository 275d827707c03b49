import type { VFile } from 'vfile'
import { dropMessagesIn } from '../checks/quiet-spans.js'
import { ignoredSpans } from './ignore.js'
import { applySeverities, type FindingCounts } from './severity.js'
import type { IgnoreEntry, Severity } from './types.js'

/** What a project config says of a checked text's messages: those in spans it leaves alone go, then its severities apply. */
export function settleFindings(file: VFile, text: string, config: { severities?: Record<string, Severity>; ignore?: IgnoreEntry[] }): FindingCounts {
  if (config.ignore?.length) dropMessagesIn(file, ignoredSpans(text, config.ignore))
  return applySeverities(file, config.severities ?? {})
}

import path from 'node:path'

/** The review's record as data (its names, its file), below every layer that reads or shows it; review/decisions.ts reads and writes it. */
export const DECISIONS_FILE = 'decisions.json'

export type Decision = 'accepted' | 'rejected'

/** What a person decided about one change, with enough to recognise it without the report. */
export interface DecisionRecord {
  decision: Decision
  /** The file's place in the output folder (its cleaned copy's path): the same from any working folder. */
  file: string
  ruleId: string
  before: string
  after: string
}

/** What `apply` wrote into one source: the ids it applied and the hash of the text it left. */
export interface AppliedRecord {
  /** sha256 of the source as `apply` wrote it: a source with this hash has had these changes applied. */
  hash: string
  ids: string[]
}

/**
 * The review's one record, kept next to the output (`cleaned/decisions.json`): decisions by stable change
 * id, and what `apply` wrote, by the file's place in the output folder. Every command reads it when it runs;
 * report.json only shows a snapshot of it.
 */
export interface ReviewRecord {
  decisions: Map<string, DecisionRecord>
  applied: Map<string, AppliedRecord>
}

export function decisionsPath(outFolder: string): string {
  return path.join(outFolder, DECISIONS_FILE)
}

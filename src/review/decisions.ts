import { existsSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../errors.js'
import { readTextFile } from '../io/read.js'
import { writeOutputs } from '../io/write.js'

export const DECISIONS_FILE = 'decisions.json'

export type Decision = 'accepted' | 'rejected'

/** What a person decided about one change, with enough to recognise it without the report. */
export interface DecisionRecord {
  decision: Decision
  file: string
  ruleId: string
  before: string
  after: string
}

/** Decisions by stable change id; kept next to the output (`cleaned/decisions.json`). */
export type Decisions = Map<string, DecisionRecord>

export function decisionsPath(outFolder: string): string {
  return path.join(outFolder, DECISIONS_FILE)
}

export function loadDecisions(outFolder: string, displayPath = decisionsPath(outFolder)): Decisions {
  const file = decisionsPath(outFolder)
  if (!existsSync(file)) return new Map()
  let data: unknown
  try {
    data = JSON.parse(readTextFile(file))
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.message, displayPath)
    throw new ConfigError(`invalid JSON: ${(error as Error).message}`, displayPath)
  }
  const records = (data as { decisions?: unknown }).decisions
  if (typeof records !== 'object' || records === null || Array.isArray(records)) {
    throw new ConfigError('not a decisions file: expected {"version": 1, "decisions": {…}}', displayPath)
  }
  const decisions: Decisions = new Map()
  for (const [id, record] of Object.entries(records as Record<string, DecisionRecord>)) {
    if (record?.decision !== 'accepted' && record?.decision !== 'rejected') {
      throw new ConfigError(`decision for ${id} must be "accepted" or "rejected"`, displayPath)
    }
    decisions.set(id, record)
  }
  return decisions
}

/** Written atomically, ids in order, no timestamps: the same decisions give the same bytes. */
export function saveDecisions(outFolder: string, decisions: Decisions): void {
  const sorted = Object.fromEntries([...decisions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  writeOutputs([{ path: decisionsPath(outFolder), content: `${JSON.stringify({ version: 1, decisions: sorted }, null, 2)}\n` }])
}

import { existsSync } from 'node:fs'
import { ConfigError } from '../model/errors.js'
import { readTextFile } from '../io/read.js'
import { writeOutputs } from '../io/write.js'
import { type DecisionRecord, decisionsPath, type ReviewRecord } from '../model/decision.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const STRING_FIELDS = ['file', 'ruleId', 'before', 'after'] as const

export function emptyRecord(): ReviewRecord {
  return { decisions: new Map(), applied: new Map() }
}

/** Reads decisions.json (an empty record when there is none); a file that is not one is a ConfigError. */
export function loadDecisions(outFolder: string, displayPath = decisionsPath(outFolder)): ReviewRecord {
  const file = decisionsPath(outFolder)
  if (!existsSync(file)) return emptyRecord()
  let data: unknown
  try {
    data = JSON.parse(readTextFile(file))
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.message, displayPath)
    throw new ConfigError(`invalid JSON: ${(error as Error).message}`, displayPath)
  }
  if (!isObject(data) || !isObject(data.decisions)) {
    throw new ConfigError('not a decisions file: expected {"version": 1, "decisions": {…}}', displayPath)
  }
  const record = emptyRecord()
  for (const [id, entry] of Object.entries(data.decisions)) {
    if (!isObject(entry) || (entry.decision !== 'accepted' && entry.decision !== 'rejected')) {
      throw new ConfigError(`decision for ${id} must be "accepted" or "rejected"`, displayPath)
    }
    for (const field of STRING_FIELDS) {
      if (typeof entry[field] !== 'string') throw new ConfigError(`decision for ${id}: "${field}" must be a string`, displayPath)
    }
    record.decisions.set(id, entry as unknown as DecisionRecord)
  }
  if (data.applied !== undefined) {
    if (!isObject(data.applied)) throw new ConfigError('"applied" must be an object', displayPath)
    for (const [file, entry] of Object.entries(data.applied)) {
      if (!isObject(entry) || typeof entry.hash !== 'string' || !Array.isArray(entry.ids) || !entry.ids.every((id) => typeof id === 'string')) {
        throw new ConfigError(`applied record for ${file} must be {"hash": "…", "ids": […]}`, displayPath)
      }
      record.applied.set(file, { hash: entry.hash, ids: entry.ids as string[] })
    }
  }
  return record
}

const sortedObject = <T>(map: Map<string, T>): Record<string, T> => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** Written atomically, keys in order, no timestamps: the same record gives the same bytes. */
export function saveDecisions(outFolder: string, record: ReviewRecord): void {
  const data: Record<string, unknown> = { version: 1, decisions: sortedObject(record.decisions) }
  if (record.applied.size > 0) data.applied = sortedObject(record.applied)
  writeOutputs([{ path: decisionsPath(outFolder), content: `${JSON.stringify(data, null, 2)}\n` }])
}

import path from 'node:path'
import { ConfigError } from '../model/errors.js'
import type { DecidableChange, RunRecord } from './record.js'

/** A change id may be shortened to a unique prefix of this many characters or more, as with git. */
export const MIN_ID_PREFIX = 6

export interface Selection {
  ids: string[]
  rules?: string[]
  files?: string[]
  all?: boolean
}

/** What a selection names: the changes named by id, and those chosen in bulk (by rule, file or all). */
export interface Selected {
  byId: DecidableChange[]
  inBulk: DecidableChange[]
}

function byId(record: RunRecord, everything: DecidableChange[], id: string): DecidableChange {
  const exact = everything.filter((change) => change.id === id)
  if (exact.length === 0 && id.length < MIN_ID_PREFIX) throw new ConfigError(`id prefix too short: give ${MIN_ID_PREFIX} characters or more`, id)
  const matches = exact.length > 0 ? exact : everything.filter((change) => change.id.startsWith(id))
  if (matches.length === 0) throw new ConfigError('no change with this id in the report', id)
  if (matches.length > 1) throw new ConfigError(`ambiguous id: ${matches.length} changes start with it`, id)
  const change = matches[0]!
  if (!record.decidable(change.file).some((each) => each.id === change.id)) {
    const skip = change.file.skipped.find((each) => each.id === change.id)
    const by = skip && 'by' in skip && skip.by ? ` ${skip.by}` : ''
    throw new ConfigError(`not proposed: it ${skip?.reason === 'ambiguous' ? 'ties with' : 'lost an overlap to'} change${by}; decide on that one`, id)
  }
  return change
}

/**
 * The changes a selection names. Ids may be unique prefixes; an id that names nothing, more than one
 * change, or a change that was not proposed (it lost an overlap) is an error, as is a rule or file with
 * no change in the report.
 */
export function selectChanges(record: RunRecord, selection: Selection): Selected {
  const chosenById = new Map<string, DecidableChange>()
  const everything = record.report.files.flatMap((file) => [...file.changes, ...file.skipped].map((change) => ({ ...change, file })))
  for (const id of selection.ids) {
    const change = byId(record, everything, id)
    chosenById.set(change.id, change)
  }
  const all = record.allDecidable()
  const inBulk = new Map<string, DecidableChange>()
  const add = (changes: DecidableChange[]): void => {
    for (const change of changes) if (!chosenById.has(change.id)) inBulk.set(change.id, change)
  }
  if (selection.all) add(all)
  for (const rule of selection.rules ?? []) {
    const matches = all.filter((change) => change.ruleId === rule)
    if (matches.length === 0) throw new ConfigError('no change by this rule in the report', rule)
    add(matches)
  }
  for (const given of selection.files ?? []) {
    const wanted = path.resolve(record.cwd, given)
    const file = record.report.files.find((each) => record.sourcePath(each) === wanted)
    if (!file) throw new ConfigError('no such file in the report', given)
    add(record.decidable(file))
  }
  return { byId: [...chosenById.values()], inBulk: [...inBulk.values()] }
}

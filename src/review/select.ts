import { existsSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../errors.js'
import { readTextFile } from '../io/read.js'
import type { Report, ReportedChange } from '../report/report.js'

export const REPORT_JSON = 'report.json'

/** The last run's report.json: the changes a person decides on, by id. */
export function loadReport(outFolder: string, displayFolder: string): Report {
  const file = path.join(outFolder, REPORT_JSON)
  const shown = `${displayFolder}/${REPORT_JSON}`
  if (!existsSync(file)) throw new ConfigError('no report: run `mtclean clean` first (or name its --out folder)', shown)
  try {
    return JSON.parse(readTextFile(file)) as Report
  } catch (error) {
    throw error instanceof ConfigError ? error : new ConfigError(`invalid JSON: ${(error as Error).message}`, shown)
  }
}

export interface Selection {
  ids: string[]
  rules?: string[]
  files?: string[]
  all?: boolean
}

/** Every change of the report that has an id: applied ones and those held back or beaten. */
export function changesOf(report: Report): (ReportedChange & { file: string })[] {
  return report.files.flatMap((file) => [...file.changes, ...file.skipped].map((change) => ({ ...change, file: file.path })))
}

/**
 * The changes a selection names: ids (a unique prefix of six characters or more will do, as with git),
 * every change of a rule, of a file, or all. An id that names nothing, or more than one, is an error.
 */
export function selectChanges(report: Report, selection: Selection): (ReportedChange & { file: string })[] {
  const all = changesOf(report)
  if (selection.all) return all
  const chosen = new Set<ReportedChange & { file: string }>()
  for (const id of selection.ids) {
    const matches = all.filter((change) => change.id === id || (id.length >= 6 && change.id.startsWith(id)))
    if (matches.length === 0) throw new ConfigError('no change with this id in the report', id)
    if (matches.length > 1 && !matches.some((change) => change.id === id)) throw new ConfigError(`ambiguous id: ${matches.length} changes start with it`, id)
    for (const change of matches.filter((each) => each.id === id || matches.length === 1)) chosen.add(change)
  }
  for (const rule of selection.rules ?? []) {
    const matches = all.filter((change) => change.ruleId === rule)
    if (matches.length === 0) throw new ConfigError('no change by this rule in the report', rule)
    for (const change of matches) chosen.add(change)
  }
  for (const file of selection.files ?? []) {
    const wanted = file.split(path.sep).join('/')
    const matches = all.filter((change) => change.file === wanted)
    if (!report.files.some((each) => each.path === wanted)) throw new ConfigError('no such file in the report', file)
    for (const change of matches) chosen.add(change)
  }
  return [...chosen]
}

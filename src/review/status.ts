import { existsSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../model/errors.js'
import { readTextFile } from '../io/read.js'
import { hashText, isSourceHash } from '../report/report.js'
import { rulesHash } from '../rules/fingerprint.js'
import { defaultRulePaths, listRuleFiles } from '../rules/load.js'
import type { RunRecord } from './record.js'

/** Where one source stands against the last run: what `mtclean status` shows a line of. */
export interface FileStatus {
  file: string
  undecided: number
  accepted: number
  rejected: number
  /** Changes an earlier `apply` wrote into the source as it is now. */
  applied: number
  /** Open findings of `clean --check` (null when the run did not check). */
  findings: number | null
  /** 'changed': edited since the run; 'applied': written by `apply` since the run; 'missing'; or null. */
  since: 'changed' | 'applied' | 'missing' | null
}

export interface RunStatus {
  files: FileStatus[]
  rulesChanged: boolean
  /** The next command to run, and why. */
  next: { command: string; why: string }
}

function rulesNow(record: RunRecord): string {
  const given = record.report.run.rules
  const paths = given ? given.map((each) => path.resolve(record.base, each)) : defaultRulePaths(record.base).map((each) => path.resolve(record.base, each))
  try {
    return rulesHash(listRuleFiles(paths))
  } catch (error) {
    if (error instanceof ConfigError) return '' // the rules went away: they changed
    throw error
  }
}

function fileStatus(record: RunRecord, file: RunRecord['report']['files'][number]): FileStatus {
  const counts = { undecided: 0, accepted: 0, rejected: 0 }
  for (const change of record.decidable(file)) counts[record.stateOf(change.id)]++
  const sourcePath = record.sourcePath(file)
  let since: FileStatus['since'] = null
  let applied = 0
  if (!existsSync(sourcePath)) since = 'missing'
  else {
    const hash = hashText(readTextFile(sourcePath))
    const earlier = record.review.applied.get(file.copy)
    if (earlier?.hash === hash) applied = earlier.ids.length
    if (!isSourceHash(hash, file.sourceHash)) since = earlier?.hash === hash ? 'applied' : 'changed'
  }
  return { file: record.shown(file), ...counts, applied, findings: record.report.run.checked ? file.findings.length : null, since }
}

/** Per file: changes undecided, accepted, rejected, applied; open findings; what changed since the run. */
export function runStatus(record: RunRecord): RunStatus {
  const files = record.report.files.map((file) => fileStatus(record, file))
  const rulesChanged = rulesNow(record) !== record.report.run.rulesHash
  const sum = (key: 'undecided' | 'accepted') => files.filter((file) => file.since === null).reduce((total, file) => total + file[key], 0)
  const changed = files.filter((file) => file.since === 'changed' || file.since === 'missing').length
  let next: RunStatus['next']
  if (rulesChanged || changed > 0) {
    const what = [rulesChanged ? 'the rules' : '', changed ? `${changed} source(s)` : ''].filter(Boolean).join(' and ')
    next = { command: 'mtclean clean', why: `${what} changed since the last run: clean again to see the changes as they are now` }
  } else if (sum('undecided') > 0) next = { command: 'mtclean review', why: `${sum('undecided')} change(s) to decide` }
  else if (sum('accepted') > 0) next = { command: 'mtclean apply', why: `${sum('accepted')} accepted change(s) not yet in the sources` }
  else next = { command: '', why: 'nothing to decide or apply' }
  return { files, rulesChanged, next }
}

import path from 'node:path'
import { relativeUrl } from '../model/paths.js'

/** Where a report is read and what its paths are relative to: the links in it are made from these. */
export interface ReportPlace {
  /** The folder the report's paths (`rules/people.yaml:12:5`, `seeds/a.txt`) are relative to. */
  cwd: string
  /** The folder the report is written into, and so opened from. */
  outFolder: string
}

const LOCATION = /^(.+):(\d+):(\d+)$/

/**
 * The link from a report to where a rule is defined, given as the report shows it (`rules/people.yaml:12:5`,
 * relative to the working folder): the rule file relative to the output folder, `../rules/people.yaml#L12`.
 * The fragment is the line anchor of a hosted file view (GitHub); a browser opening the file ignores it.
 */
export function ruleDefinitionUrl(rule: string, place: ReportPlace): string | undefined {
  const match = LOCATION.exec(rule)
  if (!match) return undefined
  // Asked for every change of every file, of a handful of rule files: each is worked out once.
  const key = `${place.cwd}\0${place.outFolder}\0${match[1]}`
  let file = ruleFileUrls.get(key)
  if (file === undefined) ruleFileUrls.set(key, (file = relativeUrl(path.resolve(place.cwd, match[1]!), place.outFolder)))
  return `${file}#L${match[2]}`
}
const ruleFileUrls = new Map<string, string>()

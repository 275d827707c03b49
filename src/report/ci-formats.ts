import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { visibleControls } from '../model/controls.js'

// The two formats CI services read. Both are small, fixed shapes written by hand: the SARIF writers on npm
// (node-sarif-builder) bring a file-system layer and builders for a document of a dozen fields.

interface Range {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

/** A message's range (vfile-reporter's points are 1-based; an end is the column after the last character). */
function rangeOf(message: VFileMessage): Range {
  const place = message.place
  if (place && 'start' in place) {
    return { startLine: place.start.line, startColumn: place.start.column, endLine: place.end.line, endColumn: place.end.column }
  }
  const line = place?.line ?? message.line ?? 1
  const column = place?.column ?? message.column ?? 1
  return { startLine: line, startColumn: column, endLine: line, endColumn: column }
}

/** A workflow command's message, escaped as GitHub's toolkit does (`escapeData`): `%`, CR, LF. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A workflow command's property value (`escapeProperty`): the data escapes, and `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * One `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message` line per message:
 * GitHub Actions shows each as an annotation on the file. Control characters of the text are made
 * visible first (a log is read on a terminal too).
 */
export function githubLines(file: VFile): string {
  let out = ''
  for (const message of file.messages) {
    const range = rangeOf(message)
    const command = message.fatal ? 'error' : 'warning'
    const properties = [
      `file=${escapeGithubProperty(visibleControls(file.path))}`,
      `line=${range.startLine}`,
      `col=${range.startColumn}`,
      `endLine=${range.endLine}`,
      `endColumn=${range.endColumn}`,
      ...(message.ruleId ? [`title=${escapeGithubProperty(visibleControls(message.ruleId))}`] : []),
    ]
    out += `::${command} ${properties.join(',')}::${escapeGithubData(visibleControls(message.reason))}\n`
  }
  return out
}

export interface SarifRule {
  id: string
  shortDescription?: { text: string }
  helpUri?: string
}

export interface SarifResult {
  ruleId: string
  level: 'warning' | 'error' | 'note'
  message: { text: string }
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Range } }[]
}

/** A path as a relative URI reference (forward slashes, each segment percent-encoded). */
function relativeUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/')
}

/** One file's messages as SARIF results. */
export function sarifResults(file: VFile): SarifResult[] {
  return file.messages.map((message) => ({
    ruleId: message.ruleId ?? 'mtclean',
    level: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'note',
    message: { text: message.reason },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(file.path) }, region: rangeOf(message) } }],
  }))
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/** A SARIF 2.1.0 log of one run: mtclean with the rules that fired, and the results. */
export function sarifDocument(results: SarifResult[], describeRule: (ruleId: string) => SarifRule): object {
  const fired = [...new Set(results.map((result) => result.ruleId))].sort()
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mtclean', rules: fired.map(describeRule) } },
        // vfile columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
}

import path from 'node:path'
import { location } from 'vfile-location'
import { docsUrl } from '../checks/message.js'
import { ConfigError } from '../model/errors.js'
import { displayPathOf } from '../io/inputs.js'
import { readInputText } from '../io/read.js'
import { CONTEXT_CHARS, sourceHashOf, type Report, type ReportedChange, type ReportedFile, type RuleCount } from './report.js'
import type { StoredChange, StoredFile, StoredReport } from './stored.js'

interface Replacement {
  start: number
  end: number
  text: string
}

/** `text` with each span (in order, not overlapping) replaced. */
function replaceSpans(text: string, spans: Replacement[]): string {
  let out = ''
  let at = 0
  for (const span of spans) {
    out += text.slice(at, span.start) + span.text
    at = span.end
  }
  return out + text.slice(at)
}

/** The cleaned text: the source with the applied changes made (they are in source order and never overlap). */
/** What finding a file's texts again takes of its record. */
type TextEdits = Pick<StoredChange, 'start' | 'end' | 'before' | 'after'>

export const cleanedText = (source: string, changes: TextEdits[]): string =>
  replaceSpans(
    source,
    changes.map((change) => ({ start: change.start, end: change.end, text: change.after })),
  )

/** The source as the run read it, from its cleaned copy: each applied change undone. */
function undoneText(copy: string, changes: TextEdits[]): string {
  let shift = 0
  const spans: Replacement[] = []
  for (const change of changes) {
    const start = change.start + shift
    spans.push({ start, end: start + change.after.length, text: change.before })
    shift += change.after.length - change.before.length
  }
  return replaceSpans(copy, spans)
}

/** The texts of one file as the run saw them: what it read (`source`) and what it wrote (`output`). */
export interface RunTexts {
  source: string
  output: string
}

/**
 * One file's texts as the run saw them, which report.json does not repeat: the source while it is unchanged
 * (its hash says so), else the cleaned copy with its changes undone (after `apply`, or any edit of the
 * source, the copy still holds the run's text). Undefined when neither is as the run left it.
 */
export function runTexts(file: { sourceHash: string; changes: TextEdits[] }, sourcePath: string | undefined, copyPath: string): RunTexts | undefined {
  const source = sourcePath === undefined ? { failure: 'not read' } : readInputText(sourcePath)
  if ('text' in source && sourceHashOf(source.text) === file.sourceHash) return { source: source.text, output: cleanedText(source.text, file.changes) }
  const copy = readInputText(copyPath)
  if ('text' in copy) {
    const undone = undoneText(copy.text, file.changes)
    if (sourceHashOf(undone) === file.sourceHash) return { source: undone, output: copy.text }
  }
  return undefined
}

/** Where a report was read: what its paths are relative to. */
export interface RecordPlace {
  outFolder: string
  /** The folder the report's paths are relative to (`run.base` resolved). */
  base: string
  /** How report.json is named in messages. */
  shown: string
  /** The folder a finding's link to its check's description is made from (where the view is read). */
  linksFrom: string
}

/** A path relative to the run's folder that stays inside it (what `RunRecord.sourcePath` accepts). */
function staysInside(file: string): boolean {
  const normal = path.posix.normalize(file)
  return !(path.isAbsolute(file) || path.win32.isAbsolute(file) || normal === '..' || normal.startsWith('../') || file.includes('\0'))
}

const UNKNOWN_RULE: Omit<RuleCount, 'ruleId' | 'count'> = { category: 'term', rule: '' }

/**
 * A stored file with everything a person or a command reads derived again: each change's line and column,
 * the words around it (`apply` checks them), its rule's category and place, the copy's path, the links.
 */
export function expandFile(file: StoredFile, rules: Map<string, RuleCount>, place: RecordPlace, texts?: RunTexts): ReportedFile {
  const skipped = file.skipped ?? []
  const needsText = file.changes.length > 0 || skipped.length > 0
  const copyPath = path.join(place.outFolder, file.copy)
  // A path that leaves the run's folder is not read (`apply` refuses it, naming it): only the copy tells the text then.
  const known =
    texts ?? (needsText ? runTexts(file, staysInside(file.path) ? path.resolve(place.base, file.path) : undefined, copyPath) : { source: '', output: '' })
  if (!known) {
    throw new ConfigError(
      `${file.path}: the source changed since the run and its cleaned copy ${file.copy} is gone or changed; run \`mtclean clean\` again`,
      place.shown,
    )
  }
  const { toPoint } = location(known.source)
  const describe = (change: StoredChange): ReportedChange => {
    const rule = rules.get(change.ruleId) ?? UNKNOWN_RULE
    const start = toPoint(change.start)
    const end = toPoint(change.end)
    return {
      id: change.id,
      ruleId: change.ruleId,
      category: rule.category,
      rule: rule.rule,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      endLine: end?.line ?? 1,
      endColumn: end?.column ?? 1,
      start: change.start,
      end: change.end,
      before: change.before,
      after: change.after,
      context: {
        before: known.source.slice(Math.max(0, change.start - CONTEXT_CHARS), change.start),
        after: known.source.slice(change.end, change.end + CONTEXT_CHARS),
      },
    }
  }
  return {
    path: file.path,
    copy: file.copy,
    sourceHash: file.sourceHash,
    output: displayPathOf(copyPath, place.base),
    changes: file.changes.map((change) => ({ ...describe(change), decision: change.decision ?? 'undecided' })),
    skipped: skipped.map((skip) => ({ ...describe(skip), reason: skip.reason, by: skip.by ?? null })),
    findings: (file.findings ?? []).map((finding) => ({ ...finding, url: docsUrl(finding.ruleId, place.linksFrom) })),
  }
}

export const rulesById = (rules: RuleCount[]): Map<string, RuleCount> => new Map(rules.map((rule) => [rule.ruleId, rule]))

/** The whole report as every command reads it. */
export function expandReport(stored: StoredReport, place: RecordPlace): Report {
  const rules = rulesById(stored.rules)
  return {
    run: stored.run,
    summary: stored.summary,
    rules: stored.rules,
    files: stored.files.map((file) => expandFile(file, rules, place)),
    failures: stored.failures,
  }
}

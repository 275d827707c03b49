import { visibleControls } from '../model/controls.js'
import type { SkipReason } from '../model/change.js'
import { ruleDefinitionUrl, type ReportPlace } from './links.js'
import type { Report, ReportedChange, ReportedFile } from './report.js'
import { touchingWords } from './visible.js'

/** Inline code that survives any content: a fence longer than any backtick run inside. */
function code(text: string): string {
  const shown = visibleControls(text.replace(/\r?\n/g, '⏎')).replace(/\|/g, '\\|')
  if (shown === '') return '∅'
  const longestRun = (shown.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0)
  const fence = '`'.repeat(longestRun + 1)
  const pad = shown.startsWith('`') || shown.endsWith('`') || shown.startsWith(' ') || shown.endsWith(' ') ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/** `[text](url)`: a link that works where report.md is read (the output folder), on GitHub as in an editor. */
const linked = (text: string, url: string | undefined): string =>
  url ? `[${text.replace(/[[\]|]/g, '\\$&')}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : text

/** The change with the rest of the words it touches, as a reader sees it (`China -Russia` → `China-Russia`). */
function inWords(change: ReportedChange): [string, string] {
  const { left, right } = touchingWords(change.context)
  return [left + change.before + right, left + change.after + right]
}

const WHY: Record<SkipReason, (by: string | null) => string> = {
  overlap: (by) => `overlaps ${by}`,
  ambiguous: (by) => `ambiguous with ${by}`,
  rejected: () => 'rejected',
  undecided: () => 'not accepted yet (--only-accepted)',
}

/** The top of report.md: the run's totals, changes per rule and the files that could not be read. */
export function markdownHead(run: Report, place: ReportPlace): string {
  const { summary } = run
  const lines: string[] = ['# mtclean report', '']
  lines.push(
    `${summary.files} file(s), ${summary.changedFiles} changed; ${summary.changes} change(s) by ${summary.rulesFired} rule(s)` +
      (summary.accepted ? `; ${summary.accepted} accepted` : '') +
      (summary.skipped ? `; ${summary.skipped} not applied` : '') +
      (run.run.checked ? `; ${summary.findings} open finding(s) to review` : '') +
      (summary.failed ? `; ${summary.failed} file(s) could not be read` : '') +
      '.',
    '',
  )
  const fired = run.rules.filter((rule) => rule.count > 0)
  if (fired.length > 0) {
    lines.push('## Changes per rule', '', '| rule | category | changes | defined at |', '| --- | --- | ---: | --- |')
    for (const rule of fired) lines.push(`| ${rule.ruleId} | ${rule.category} | ${rule.count} | ${linked(rule.rule, ruleDefinitionUrl(rule.rule, place))} |`)
    lines.push('')
  }
  if (run.failures.length > 0) {
    lines.push('## Files not cleaned', '')
    for (const failure of run.failures) lines.push(`- ${code(failure.path)}: ${failure.error}`)
    lines.push('')
  }
  return `${lines.join('\n')}\n`
}

/** One file's section of report.md. */
export function markdownFile(file: ReportedFile): string {
  const lines: string[] = []
  // A file name is text, not Markdown: in a code span, it cannot open a link, a heading or a table cell.
  lines.push(`## ${code(file.path)}`, '')
  lines.push(file.changes.length === 0 ? `No changes → ${code(file.output)}` : `${file.changes.length} change(s) → ${code(file.output)}`, '')
  if (file.changes.length > 0) {
    lines.push('| where | rule | before | after | decision | id |', '| --- | --- | --- | --- | --- | --- |')
    for (const change of file.changes) {
      const [before, after] = inWords(change)
      lines.push(`| ${change.line}:${change.column} | ${change.ruleId} | ${code(before)} | ${code(after)} | ${change.decision} | ${change.id} |`)
    }
    lines.push('')
  }
  if (file.skipped.length > 0) {
    lines.push('Not applied:', '', '| where | rule | before | after | why | id |', '| --- | --- | --- | --- | --- | --- |')
    for (const skip of file.skipped) {
      const [before, after] = inWords(skip)
      const why = WHY[skip.reason](skip.by)
      lines.push(`| ${skip.line}:${skip.column} | ${skip.ruleId} | ${code(before)} | ${code(after)} | ${why} | ${skip.id} |`)
    }
    lines.push('')
  }
  if (file.findings.length > 0) {
    lines.push(`Open findings in ${file.output} (for a person to fix):`, '', '| where | check | problem | suggestion |', '| --- | --- | --- | --- |')
    for (const finding of file.findings) {
      const suggestion = finding.expected.length > 0 ? finding.expected.map(code).join(' or ') : ''
      lines.push(`| ${finding.line}:${finding.column} | ${linked(finding.ruleId, finding.url)} | ${finding.reason.replace(/\|/g, '\\|')} | ${suggestion} |`)
    }
    lines.push('')
  }
  return `${lines.join('\n')}\n`
}

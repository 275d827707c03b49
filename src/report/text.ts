import { visibleControls } from '../model/controls.js'
import type { Report, ReportedFile } from './report.js'
import { visibleWhitespace } from './visible.js'

const shown = (text: string): string => visibleControls(visibleWhitespace(text))

/** The run's totals in one line, as `clean` prints them. */
export function textHead(report: Report): string {
  const { summary } = report
  return (
    `${summary.files} file(s), ${summary.changedFiles} changed, ${summary.changes} change(s) by ${summary.rulesFired} rule(s)` +
    (summary.skipped ? `, ${summary.skipped} not applied` : '') +
    (report.run.checked ? `, ${summary.findings} open finding(s)` : '') +
    (summary.failed ? `, ${summary.failed} file(s) not read` : '') +
    '\n'
  )
}

/** One line per change (`file:line:column  decision  rule  before → after  id`), then per open finding: for grep. */
export function textFile(file: ReportedFile): string {
  const lines: string[] = []
  const where = (line: number, column: number): string => `${visibleControls(file.path)}:${line}:${column}`
  for (const change of file.changes)
    lines.push(`${where(change.line, change.column)}  ${change.decision}  ${change.ruleId}  ${shown(change.before)} → ${shown(change.after)}  ${change.id}`)
  for (const skip of file.skipped)
    lines.push(`${where(skip.line, skip.column)}  not applied (${skip.reason})  ${skip.ruleId}  ${shown(skip.before)} → ${shown(skip.after)}  ${skip.id}`)
  for (const finding of file.findings)
    lines.push(`${visibleControls(file.output)}:${finding.line}:${finding.column}  finding  ${finding.ruleId}  ${visibleControls(finding.reason)}`)
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

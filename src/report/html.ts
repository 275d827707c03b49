import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { SkipReason } from '../model/change.js'
import { ruleDefinitionUrl, type ReportPlace } from './links.js'
import { touchingWords, visibleWhitespace } from './visible.js'
import type { Report, ReportedChange, ReportedFile, ReportedFinding } from './report.js'

// diff2html's stylesheet and UI bundle (without highlight.js), inlined: the report is one file that works offline.
const bundled = (file: string): string => readFileSync(createRequire(import.meta.url).resolve(`diff2html/bundles/${file}`), 'utf8')
const DIFF2HTML_CSS = bundled('css/diff2html.min.css')
const DIFF2HTML_UI = bundled('js/diff2html-ui-base.min.js')

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!)

const visible = (text: string): string => escapeHtml(visibleWhitespace(text))

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1.5rem; color: #1f2328; }
h1 { margin-top: 0; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
table.data { border-collapse: collapse; margin: .75rem 0 1.25rem; width: 100%; }
table.data th, table.data td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.data th { background: #f6f8fa; }
.num { text-align: right; }
code { font: 13px ui-monospace, monospace; }
del { background: #ffebe9; color: #82071e; text-decoration: line-through; }
ins { background: #dafbe1; color: #116329; text-decoration: none; }
.badge { display: inline-block; border-radius: 1em; padding: 0 .6em; font-size: 12px; font-weight: 600; }
.undecided { background: #eaeef2; } .accepted { background: #dafbe1; } .rejected { background: #ffebe9; }
.overlap, .ambiguous { background: #fff8c5; }
.summary { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 1rem 0; }
.summary div { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1rem; }
.summary strong { display: block; font-size: 1.5rem; }
.finding mark { background: #fff8c5; }
details.file { border: 1px solid #d0d7de; border-radius: 6px; margin: .5rem 0; padding: .25rem .75rem; }
details.file > summary { cursor: pointer; } details.file section h2 { margin-top: 1rem; }
/* Paragraphs are long lines: wrap the text of each diff line, not the markup around it. */
.d2h-code-side-line, .d2h-code-line { white-space: normal; }
.d2h-code-line-ctn { white-space: pre-wrap; word-break: break-word; }
`

/** A change in the words it touches: `<del>` what it removes, `<ins>` what it adds (the review page shows it too). */
export function changeCell(change: ReportedChange): string {
  const { left, right } = touchingWords(change.context)
  const removed = change.before ? `<del>${visible(change.before)}</del>` : ''
  const added = change.after ? `<ins>${visible(change.after)}</ins>` : ''
  return `<code>${escapeHtml(left)}${removed}${added}${escapeHtml(right)}</code>`
}

/** `text` (escaped HTML) as a link to where `rule` is defined, relative to where report.html is opened. */
function toRule(text: string, rule: string, place: ReportPlace): string {
  const href = ruleDefinitionUrl(rule, place)
  return href ? `<a class="rule" href="${escapeHtml(href)}" title="${escapeHtml(rule)}">${text}</a>` : text
}

const WHY: Record<SkipReason, string> = { overlap: 'overlap', ambiguous: 'ambiguous', rejected: 'rejected', undecided: 'not accepted' }

/** A finding in its line: `<mark>` around `line[start, end)`, with up to 60 characters either side (escaped HTML). */
export function markedInLine(line: string, start: number, end: number): string {
  return (
    `${start > 60 ? '…' : ''}${escapeHtml(line.slice(Math.max(0, start - 60), start))}<mark>${escapeHtml(line.slice(start, end))}</mark>` +
    `${escapeHtml(line.slice(end, end + 60))}${end + 60 < line.length ? '…' : ''}`
  )
}

function findingRow(finding: ReportedFinding, lines: string[]): string {
  const line = lines[finding.line - 1] ?? ''
  const start = finding.column - 1
  const context = markedInLine(line, start, finding.endLine === finding.line ? finding.endColumn - 1 : line.length)
  const expected = finding.expected.length > 0 ? finding.expected.map((text) => `<code>${escapeHtml(text)}</code>`).join(' or ') : ''
  return `<tr class="finding"><td>${finding.line}:${finding.column}</td><td><a href="${escapeHtml(finding.url)}">${escapeHtml(finding.ruleId)}</a></td><td>${escapeHtml(finding.reason)}<br><code>${context}</code></td><td>${expected}</td></tr>`
}

/**
 * One file's section, a pure function of the file's record, its diff and its cleaned text (a page of its
 * own may use it as it is): its changes with decisions, its diff and its open findings. The diff is
 * embedded as text for diff2html to draw in the browser: drawing every diff when the report is written
 * cost more than cleaning the files.
 */
export function htmlFile(file: ReportedFile, diff: string, output: string, place: ReportPlace): string {
  const parts = [`<section class="file"><h2>${escapeHtml(file.path)}</h2>`]
  parts.push(`<p>${file.changes.length} change(s) → <code>${escapeHtml(file.output)}</code></p>`)
  if (file.changes.length > 0 || file.skipped.length > 0) {
    parts.push('<table class="data changes"><tr><th>where</th><th>rule</th><th>change</th><th>decision</th><th>id</th></tr>')
    for (const change of file.changes) {
      parts.push(
        `<tr><td>${change.line}:${change.column}</td><td>${toRule(escapeHtml(change.ruleId), change.rule, place)}</td><td>${changeCell(change)}</td><td><span class="badge ${change.decision}">${change.decision}</span></td><td><code>${change.id}</code></td></tr>`,
      )
    }
    for (const skip of file.skipped) {
      parts.push(
        `<tr><td>${skip.line}:${skip.column}</td><td>${toRule(escapeHtml(skip.ruleId), skip.rule, place)}</td><td>${changeCell(skip)}</td><td><span class="badge ${skip.reason}">${WHY[skip.reason]}</span></td><td><code>${skip.id}</code></td></tr>`,
      )
    }
    parts.push('</table>')
  }
  if (diff) parts.push(`<div class="diff"><pre class="diff-source" hidden>${escapeHtml(diff)}</pre></div>`)
  if (file.findings.length > 0) {
    parts.push(`<h3>Open findings in the cleaned copy (${file.findings.length})</h3>`)
    parts.push('<table class="data findings"><tr><th>where</th><th>check</th><th>problem</th><th>suggestion</th></tr>')
    const lines = output.split('\n')
    for (const finding of file.findings) parts.push(findingRow(finding, lines))
    parts.push('</table>')
  }
  parts.push('</section>')
  return `${parts.join('\n')}\n`
}

// Each file's section is a small script of its own beside the page (`report-files/N.js`, a classic script,
// which a page opened from the disk may load), fetched when its <details> is first opened, and its diff
// drawn then (diff2html's UI bundle, inlined): the page holds the counts only, whatever the size of the run.
const OPEN_FILES = `
const pending = new Map()
window.mtcleanFile = (index, html) => {
  const details = document.getElementById('file-' + index)
  details.insertAdjacentHTML('beforeend', html)
  const diff = details.querySelector('div.diff')
  if (diff) new Diff2HtmlUI(diff, diff.querySelector('pre.diff-source').textContent, { outputFormat: 'side-by-side', drawFileList: false, diffStyle: 'word', matching: 'lines', highlight: false, fileContentToggle: false, stickyFileHeaders: false }).draw()
  details.dataset.filled = '1'
}
function fill(details) {
  if (details.dataset.requested) return
  details.dataset.requested = '1'
  const script = document.createElement('script')
  script.src = details.dataset.piece
  script.onerror = () => details.insertAdjacentHTML('beforeend', '<p class="missing">This file\\'s part of the report (' + details.dataset.piece + ') is missing: render the report again.</p>')
  document.body.append(script)
}
const files = document.querySelectorAll('details.file')
files.forEach((details) => details.addEventListener('toggle', () => { if (details.open) fill(details) }))
function openTarget() {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)))
  if (target && target.matches('details.file')) target.open = true
}
window.addEventListener('hashchange', openTarget)
openTarget()
document.getElementById('open-all')?.addEventListener('click', () => files.forEach((details) => { details.open = true }))
`

/** What a file has for a person: the table of files and its section show these counts. */
function countsOf(file: ReportedFile): { changes: number; skipped: number; findings: number } {
  return { changes: file.changes.length, skipped: file.skipped.length, findings: file.findings.length }
}

export const hasSomethingToDo = (file: ReportedFile): boolean => file.changes.length + file.skipped.length + file.findings.length > 0

/**
 * The top of the page: totals, changes per rule, the files that could not be read, and per file its counts
 * (a link to its section); files with nothing to do are listed folded away.
 */
export function htmlHead(report: Report, place: ReportPlace): string {
  const { summary } = report
  const stat = (value: number, label: string): string => `<div><strong>${value}</strong>${label}</div>`
  const checked = report.run.checked
  const rows: string[] = []
  const idle: string[] = []
  report.files.forEach((file, index) => {
    if (!hasSomethingToDo(file)) {
      idle.push(`<li><code>${escapeHtml(file.path)}</code></li>`)
      return
    }
    const counts = countsOf(file)
    rows.push(
      `<tr><td><a href="#file-${index}">${escapeHtml(file.path)}</a></td><td class="num">${counts.changes}</td><td class="num">${counts.skipped}</td>${checked ? `<td class="num">${counts.findings}</td>` : ''}</tr>`,
    )
  })
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mtclean report</title>
<style>${DIFF2HTML_CSS}</style>
<style>${STYLE}</style>
</head>
<body>
<h1>mtclean report</h1>
<div class="summary">${stat(summary.files, 'files')}${stat(summary.changes, 'changes')}${stat(summary.accepted, 'accepted')}${stat(summary.rejected, 'rejected')}${stat(summary.skipped, 'not applied')}${checked ? stat(summary.findings, 'open findings') : ''}</div>
${report.failures.length > 0 ? `<h2>Files not cleaned</h2><ul>${report.failures.map((failure) => `<li><code>${escapeHtml(failure.path)}</code>: ${escapeHtml(failure.error)}</li>`).join('')}</ul>\n` : ''}<h2>Files</h2>
${rows.length > 0 ? `<table class="data files"><tr><th>file</th><th class="num">changes</th><th class="num">not applied</th>${checked ? '<th class="num">open findings</th>' : ''}</tr>\n${rows.join('\n')}\n</table>\n<p><button id="open-all" type="button">Open every file</button></p>\n` : ''}${idle.length > 0 ? `<details class="idle"><summary>${idle.length} file(s) with nothing to do</summary><ul>${idle.join('')}</ul></details>\n` : ''}
<h2>Changes per rule</h2>
<table class="data rules"><tr><th>rule</th><th>category</th><th class="num">changes</th><th>defined at</th></tr>
${report.rules
  .filter((rule) => rule.count > 0)
  .map(
    (rule) =>
      `<tr><td>${escapeHtml(rule.ruleId)}</td><td>${rule.category}</td><td class="num">${rule.count}</td><td>${toRule(`<code>${escapeHtml(rule.rule)}</code>`, rule.rule, place)}</td></tr>`,
  )
  .join('\n')}
</table>
${rows.length > 0 ? '<h2>Each file</h2>\n' : ''}`
}

/**
 * A file's place in the page: a folded <details> with its counts, whose section is in the script `piece`
 * (relative to the page), loaded when it is opened. Nothing for a file with nothing to do.
 */
export function htmlFolded(file: ReportedFile, index: number, piece: string): string {
  if (!hasSomethingToDo(file)) return ''
  const counts = countsOf(file)
  const parts = [`${counts.changes} change(s)`]
  if (counts.skipped) parts.push(`${counts.skipped} not applied`)
  if (counts.findings) parts.push(`${counts.findings} open finding(s)`)
  return `<details class="file" id="file-${index}" data-piece="${escapeHtml(piece)}"><summary><code>${escapeHtml(file.path)}</code> — ${parts.join(', ')}</summary></details>\n`
}

/** The script that puts a file's section (`htmlFile`) into the page. */
export function htmlPiece(index: number, section: string): string {
  // U+2028 and U+2029 are line ends in old JavaScript: JSON.stringify leaves them raw.
  return `mtcleanFile(${index}, ${JSON.stringify(section).replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)})\n`
}

export const HTML_TAIL = `<script>${DIFF2HTML_UI}</script>
<script>${OPEN_FILES}</script>
</body>
</html>
`

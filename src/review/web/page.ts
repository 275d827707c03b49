import { changeCell, escapeHtml, markedInLine } from '../../report/html.js'
import { touchingWords, visibleWhitespace } from '../../report/visible.js'
import { REVIEW_KEYS } from '../session.js'
import type { FileView, ReviewView } from './state.js'

// The review page, drawn on the server from the record as it is: a change is shown with the report's own
// markup (changeCell), a finding in its line as the report marks it (markedInLine). The page's script
// (assets/review.js) only sends actions and redraws states, counts and filters; it renders no text.

const STATE_LABEL: Record<string, string> = {
  undecided: 'undecided',
  accepted: 'accepted',
  rejected: 'rejected',
  open: 'open',
  kept: 'word kept',
  rule: 'rule made',
}

const attr = escapeHtml
const badge = (state: string): string => `<span class="badge ${state}">${STATE_LABEL[state] ?? state}</span>`
const button = (act: string, label: string, key?: string): string =>
  `<button type="button" data-act="${act}"${key ? ` aria-keyshortcuts="${key}"` : ''}>${label}${key ? ` <kbd>${key}</kbd>` : ''}</button>`
const fileId = (index: number): string => `file-${index}`

/** A rule's note, the "why" of its changes: a long one folded after its first sentence. */
function noteOf(note: string | undefined): string {
  if (!note) return ''
  if (note.length <= 240) return `<p class="note">${escapeHtml(note)}</p>`
  // Its first sentence, else its first words up to 160 characters.
  const sentence = /^.{20,200}?[\p{Ll})"][.!?](?=\s+\p{Lu})/su.exec(note)?.[0]
  const first = sentence ?? /^.{0,160}(?=\s)/su.exec(note)?.[0] ?? note.slice(0, 160)
  const rest = note.slice(first.length).trim()
  return `<details class="note"><summary>${escapeHtml(first)}${sentence ? '' : ' …'}</summary>${escapeHtml(rest)}</details>`
}

function changeArticle(view: ReviewView, { item, change }: FileView['changes'][number]): string {
  const state = view.state.changes[item.id] ?? 'undecided'
  const { left, right } = touchingWords(change.context)
  // The report's cell holds the words the change touches; around it, the rest of its context on the line.
  const before = escapeHtml(item.contextBefore.slice(0, item.contextBefore.length - left.length))
  const after = escapeHtml(item.contextAfter.slice(right.length))
  return `<article class="item change" tabindex="0" data-id="${attr(item.id)}" data-rule="${attr(item.ruleId)}" data-state="${state}" aria-label="change ${attr(item.id)}: ${attr(visibleWhitespace(item.before))} to ${attr(visibleWhitespace(item.after))}">
<div class="head"><span class="where">${item.line}:${item.column}</span> <code class="rule">${escapeHtml(item.ruleId)}</code> <span class="loc">${escapeHtml(item.ruleLocation)}</span> ${badge(state)} <code class="id">${escapeHtml(item.id)}</code></div>
${noteOf(item.note)}<div class="words"><code>…${before}</code>${changeCell(change)}<code>${after}…</code></div>
<div class="actions">${button('accept', 'Accept', 'y')}${button('reject', 'Reject', 'n')}${button('undecide', 'Undo')}${button('accept-rest', 'Accept the rest of this rule', 'a')}${button('reject-rest', 'Reject the rest of this rule', 'd')}</div>
</article>`
}

function findingArticle(view: ReviewView, { key, item, line }: FileView['findings'][number]): string {
  const state = view.state.findings[key] ?? 'open'
  const start = item.column - 1
  const end = line.slice(start, start + item.actual.length) === item.actual ? start + item.actual.length : start
  const suggestion =
    item.expected.length > 0 ? `<p class="suggestion">Suggested: ${item.expected.map((text) => `<code>${escapeHtml(text)}</code>`).join(' or ')}</p>` : ''
  // A word can be kept or made a rule of; a repeated phrase or a stray `**` is fixed in the text by hand.
  const isWord = /\p{L}/u.test(item.actual) && !/\s{2}|[^\S ]/u.test(item.actual) && item.actual.split(' ').length <= 5
  const actions = isWord
    ? `<div class="actions">${button('keep', 'This word is right', 'k')}
<form class="make-rule" data-act="rule"><label>Make a rule: <code>${escapeHtml(item.actual)}</code> → <input name="canonical" value="${attr(item.expected[0] ?? '')}" required aria-label="canonical form for ${attr(item.actual)}"></label> <button type="submit" aria-keyshortcuts="r">Make a rule <kbd>r</kbd></button></form></div>`
    : '<p class="hint">Fix it in the text by hand.</p>'
  return `<article class="item finding" tabindex="0" data-key="${key}" data-kind="${attr(item.ruleId)}" data-state="${state}" aria-label="finding ${attr(item.ruleId)}: ${attr(item.actual)}">
<div class="head"><span class="where">${item.line}:${item.column}</span> <code class="rule">${escapeHtml(item.ruleId)}</code> ${badge(state)}</div>
<p class="reason">${escapeHtml(item.reason)}</p><div class="words"><code>${markedInLine(line, start, end)}</code></div>${suggestion}
${actions}
</article>`
}

function fileSection(view: ReviewView, file: FileView, index: number): string {
  return `<section class="file" id="${fileId(index)}" data-file="${attr(file.file)}">
<h2>${escapeHtml(file.file)}</h2>
${file.changes.map((change) => changeArticle(view, change)).join('\n')}
${file.findings.length > 0 ? `<h3>Open findings</h3>\n${file.findings.map((finding) => findingArticle(view, finding)).join('\n')}` : ''}
</section>`
}

const option = (value: string, label = value): string => `<option value="${attr(value)}">${escapeHtml(label)}</option>`

function filters(view: ReviewView): string {
  const rules = [...new Set(view.files.flatMap((file) => file.changes.map((change) => change.item.ruleId)))].sort()
  const kinds = [...new Set(view.files.flatMap((file) => file.findings.map((finding) => finding.item.ruleId)))].sort()
  return `<form class="filters" id="filters" aria-label="filter">
<label><input type="checkbox" name="undecided"> only what is left to do</label>
<label>rule <select name="rule">${option('', 'any')}${rules.map((rule) => option(rule)).join('')}</select></label>
<label>file <select name="file">${option('', 'any')}${view.files.map((file) => option(file.file)).join('')}</select></label>
<label>finding <select name="kind">${option('', 'any')}${option('-', 'none (changes only)')}${kinds.map((kind) => option(kind)).join('')}</select></label>
</form>`
}

function fileTable(view: ReviewView): string {
  const rows = view.files.map(
    (file, index) =>
      `<tr data-file="${attr(file.file)}"><td><a href="#${fileId(index)}">${escapeHtml(file.file)}</a></td><td class="num undecided-count"></td><td class="num accepted-count"></td><td class="num rejected-count"></td><td class="num findings-count"></td></tr>`,
  )
  const quiet =
    view.quiet.length > 0
      ? `<details class="quiet"><summary>${view.quiet.length} file(s) with nothing to do</summary><ul>${view.quiet.map((file) => `<li>${escapeHtml(file)}</li>`).join('')}</ul></details>`
      : ''
  const stale =
    view.stale.length > 0
      ? `<p class="warning">Edited since the last clean (run <code>mtclean clean</code> to review them): ${view.stale.map((file) => `<code>${escapeHtml(file)}</code>`).join(', ')}</p>`
      : ''
  return `<table class="data files"><thead><tr><th>file</th><th class="num">undecided</th><th class="num">accepted</th><th class="num">rejected</th><th class="num">open findings</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${quiet}${stale}`
}

/** The keys of the terminal review (the same table), as the page takes them. */
function keysHelp(): string {
  const rows = REVIEW_KEYS.filter((each) => each.key !== 'q').map(
    (each) => `<tr><td><kbd>${escapeHtml(each.key)}</kbd></td><td>${each.on === 'both' ? '' : `on a ${each.on}: `}${escapeHtml(each.help)}</td></tr>`,
  )
  rows.push('<tr><td><kbd>↓</kbd> <kbd>↑</kbd> <kbd>Tab</kbd></td><td>next / previous item; Enter or Space on a button presses it</td></tr>')
  return `<aside id="help" hidden><h2>Keys</h2><p>As in <code>mtclean review</code>; they act on the item that has the focus (outlined), then move to the next one left to do. No <kbd>q</kbd>: close the tab, every click is saved already.</p><table class="data">${rows.join('')}</table></aside>`
}

export function renderPage(view: ReviewView): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>mtclean review</title>
<link rel="stylesheet" href="review.css">
<script type="module" src="review.js"></script>
</head>
<body data-version="${attr(view.state.version)}">
<header>
<h1>mtclean review</h1>
<div class="summary" aria-live="polite"><div><strong data-count="undecided"></strong>undecided</div><div><strong data-count="accepted"></strong>accepted</div><div><strong data-count="rejected"></strong>rejected</div><div><strong data-count="findingsOpen"></strong>open findings</div></div>
<p class="next">Every click is saved at once in <code>decisions.json</code>. When you are done: <code id="apply-command">${escapeHtml(view.applyCommand)}</code> writes the accepted changes into the sources. ${button('undo', 'Undo the last step', 'u')} ${button('help', 'Keys', '?')}</p>
<p id="message" role="status"></p>
<div id="stale" role="alert" hidden></div>
</header>
${keysHelp()}
<main>
${fileTable(view)}
${filters(view)}
<p id="nothing" hidden>Nothing matches the filter.</p>
${view.files.map((file, index) => fileSection(view, file, index)).join('\n')}
</main>
<script type="application/json" id="state">${JSON.stringify(view.state).replace(/</g, '\\u003c')}</script>
</body>
</html>
`
}

// The script of the review page (mtclean review --web). The server draws every text; this script sends
// each action (with the version of the record the page shows), draws the states and counts the server
// answers, filters, and takes the keys of the terminal review. Plain JavaScript, no library, no build
// step: the page loads nothing but this file and its stylesheet from its own server.

const LABEL = { undecided: 'undecided', accepted: 'accepted', rejected: 'rejected', open: 'open', kept: 'word kept', rule: 'rule made' }
const TO_DO = new Set(['undecided', 'open'])

const $ = (selector, root = document) => root.querySelector(selector)
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)]
const filters = $('#filters')

let version = ''
let stale = false

function say(text) {
  $('#message').textContent = text ?? ''
}

function setState(article, state) {
  article.dataset.state = state
  const badge = $('.badge', article)
  badge.className = `badge ${state}`
  badge.textContent = LABEL[state] ?? state
}

/** Draws what the server says the record holds now: each item's state, the counts, the filter. */
function draw(state) {
  version = state.version
  document.body.dataset.version = version
  for (const article of $$('article.change')) {
    const current = state.changes[article.dataset.id] ?? 'undecided'
    setState(article, current)
    $('[data-act=accept]', article).disabled = stale || current === 'accepted'
    $('[data-act=reject]', article).disabled = stale || current === 'rejected'
    $('[data-act=undecide]', article).disabled = stale || current === 'undecided'
    for (const rest of $$('[data-act$=-rest]', article)) rest.disabled = stale
  }
  for (const article of $$('article.finding')) {
    const current = state.findings[article.dataset.key] ?? 'open'
    setState(article, current)
    for (const control of $$('button, input', article)) control.disabled = stale || current !== 'open'
  }
  for (const [name, value] of Object.entries(state.summary)) $(`[data-count="${name}"]`).textContent = String(value)
  for (const row of $$('table.files tr[data-file]')) {
    const section = $(`section.file[data-file="${CSS.escape(row.dataset.file)}"]`)
    const count = (selector) => String($$(selector, section).length)
    $('.undecided-count', row).textContent = count('article.change[data-state=undecided]')
    $('.accepted-count', row).textContent = count('article.change[data-state=accepted]')
    $('.rejected-count', row).textContent = count('article.change[data-state=rejected]')
    $('.findings-count', row).textContent = count('article.finding[data-state=open]')
    row.classList.toggle('done', $$('article[data-state=undecided], article[data-state=open]', section).length === 0)
  }
  applyFilter()
}

function showStale(message) {
  stale = true
  const banner = $('#stale')
  banner.textContent = `${message} `
  const reload = document.createElement('button')
  reload.type = 'button'
  reload.textContent = 'Reload'
  reload.addEventListener('click', () => location.reload())
  banner.append(reload)
  banner.hidden = false
  for (const control of $$('main button, main input, [data-act=undo]')) control.disabled = true
  reload.focus()
}

// One action at a time, each with the version the previous answer gave: keys pressed faster than the
// server answers are sent in turn, not as a stale page.
let queue = Promise.resolve()
function send(action) {
  const sent = queue.then(() => sendNow(action))
  queue = sent.catch(() => undefined)
  return sent
}

/** Sends one action; the answer is the record's new state (or: the page is stale, nothing was written). */
async function sendNow(action) {
  if (stale) return undefined
  let response
  try {
    response = await fetch('api/action', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...action, version }) })
  } catch {
    say('The review server is not running: nothing was written. Start it again with `mtclean review --web`.')
    return undefined
  }
  const body = await response.json()
  if (body.stale) {
    showStale(body.message)
    return undefined
  }
  if (!response.ok) {
    say(body.error)
    return undefined
  }
  draw(body.state)
  say(body.message)
  return body
}

function applyFilter() {
  const onlyToDo = filters.elements.undecided.checked
  const rule = filters.elements.rule.value
  const file = filters.elements.file.value
  const kind = filters.elements.kind.value
  for (const article of $$('article.item')) {
    const isChange = article.classList.contains('change')
    let shown = !(onlyToDo && !TO_DO.has(article.dataset.state))
    if (file && article.closest('section.file').dataset.file !== file) shown = false
    // A rule picks changes; a kind of finding picks findings ("-": no findings).
    if (isChange && (rule ? article.dataset.rule !== rule : false)) shown = false
    if (isChange && kind && kind !== '-') shown = false
    if (!isChange && (rule || kind === '-' || (kind && article.dataset.kind !== kind))) shown = false
    article.hidden = !shown
  }
  let any = false
  for (const section of $$('section.file')) {
    const visible = $$('article.item', section).filter((article) => !article.hidden)
    section.hidden = visible.length === 0
    const heading = $('h3', section)
    if (heading) heading.hidden = !visible.some((article) => article.classList.contains('finding'))
    any ||= visible.length > 0
  }
  $('#nothing').hidden = any
}

const shownItems = () => $$('article.item').filter((article) => !article.hidden)

/** The next item left to do after `article` (as the terminal review moves on), else the next shown. */
function focusNext(article, onlyToDo = true) {
  const all = $$('article.item')
  const after = all.slice(all.indexOf(article) + 1).filter((each) => !each.hidden)
  const next = (onlyToDo ? after.find((each) => TO_DO.has(each.dataset.state)) : undefined) ?? after[0]
  ;(next ?? article).focus()
}

function focusBy(article, step) {
  const shown = shownItems()
  const at = article ? shown.indexOf(article) : -1
  shown[Math.max(0, Math.min(shown.length - 1, at + step))]?.focus()
}

async function act(article, what) {
  if (what === 'undo') return send({ type: 'undo' })
  if (what === 'help') return toggleHelp()
  if (!article) return undefined
  const decisions = { accept: 'accepted', reject: 'rejected', undecide: null, 'accept-rest': 'accepted', 'reject-rest': 'rejected' }
  // A decision or a kept word moves on at once, as the terminal does, so the next key acts on the next item;
  // a rule waits for its answer (refused, its text stays in the field to be corrected), and so does the
  // rest of a rule (which changes it decides is the server's answer).
  if (what in decisions) {
    const rest = what.endsWith('-rest')
    if (!rest && what !== 'undecide') focusNext(article)
    const answer = await send({ type: 'decide', id: article.dataset.id, decision: decisions[what], rest })
    // The rest of a rule: on to what is left once the server says which changes it decided.
    if (rest && answer?.done) focusNext(article)
    return answer
  }
  if (what === 'keep') {
    focusNext(article)
    return send({ type: 'keep', finding: article.dataset.key })
  }
  if (what === 'rule') {
    const answer = await send({ type: 'rule', finding: article.dataset.key, canonical: $('input[name=canonical]', article).value })
    if (answer?.done) focusNext(article)
    return answer
  }
  return undefined
}

function toggleHelp(show = $('#help').hidden) {
  $('#help').hidden = !show
}

document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-act]')
  if (!button || button.disabled) return
  act(button.closest('article.item'), button.dataset.act)
})

document.addEventListener('submit', (event) => {
  const form = event.target.closest('form.make-rule')
  if (!form) return
  event.preventDefault()
  act(form.closest('article.item'), 'rule')
})

filters.addEventListener('change', applyFilter)

// The keys of `mtclean review`, on the item that has the focus (or, if none has, the first left to do).
const CHANGE_KEYS = { y: 'accept', n: 'reject', a: 'accept-rest', d: 'reject-rest' }
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return
  const target = event.target instanceof Element ? event.target : document.body
  if (event.key === 'Escape') {
    toggleHelp(false)
    target.closest('article.item')?.focus()
    return
  }
  if (target.closest('input, select, textarea')) return
  const focused = target.closest('article.item')
  const article = focused && !focused.hidden ? focused : shownItems().find((each) => TO_DO.has(each.dataset.state))
  const key = event.key
  let handled = true
  if (key === '?') toggleHelp()
  else if (key === 'ArrowDown') focusBy(focused, 1)
  else if (key === 'ArrowUp') focusBy(focused, -1)
  else if (key === 'u') act(article, 'undo')
  else if (key === 's' && article) {
    // Skip the rest of this file: on to the first item of the next file shown.
    const sections = $$('section.file').filter((section) => !section.hidden)
    const next = sections[sections.indexOf(article.closest('section.file')) + 1]
    ;(next ? $$('article.item', next).find((each) => !each.hidden) : article)?.focus()
  } else if (article?.classList.contains('change') && key in CHANGE_KEYS) {
    if (!stale) act(article, CHANGE_KEYS[key])
  } else if (article?.classList.contains('finding') && key === 'k') {
    if (article.dataset.state === 'open') act(article, 'keep')
  } else if (article?.classList.contains('finding') && key === 'r') {
    const input = $('input[name=canonical]', article)
    if (input && !input.disabled) {
      input.focus()
      input.select()
    }
  } else if (article?.classList.contains('finding') && key === 'n') focusNext(article, false)
  else handled = false
  if (handled) event.preventDefault()
})

draw(JSON.parse($('#state').textContent))

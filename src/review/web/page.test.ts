import { describe, expect, it } from 'vitest'
import type { DecidableChange } from '../record.js'
import type { ChangeItem, FindingItem } from '../session.js'
import { renderPage } from './page.js'
import { parseAction, type ReviewView } from './state.js'

const HOSTILE = '<script>alert(1)</script>"\''

function view(overrides: Partial<ChangeItem> = {}, finding: Partial<FindingItem> = {}): ReviewView {
  const item: ChangeItem = {
    kind: 'change',
    id: 'abc123def456',
    file: 'in/a.txt',
    ruleId: 'lavrov',
    ruleLocation: 'rules/people.yaml:4:5',
    note: 'Sergey Lavrov, Russian foreign minister.',
    line: 1,
    column: 26,
    before: 'Ravorov',
    after: 'Lavrov',
    contextBefore: 'Russian Foreign Minister ',
    contextAfter: ' met the group.',
    ...overrides,
  }
  const change = {
    id: item.id,
    ruleId: item.ruleId,
    before: item.before,
    after: item.after,
    context: { before: item.contextBefore, after: item.contextAfter },
  } as DecidableChange
  const flagged: FindingItem = {
    kind: 'finding',
    file: 'in/a.txt',
    ruleId: 'suspect-name',
    reason: '`Kulebo` is not a known word: possibly Kuleba',
    line: 2,
    column: 1,
    actual: 'Kulebo',
    expected: ['Kuleba'],
    ...finding,
  }
  return {
    state: {
      version: 'v1',
      changes: { [item.id]: 'accepted' },
      findings: { f1: 'open' },
      summary: { undecided: 0, accepted: 1, rejected: 0, findingsOpen: 1 },
    },
    files: [{ file: item.file, changes: [{ item, change }], findings: [{ key: 'f1', item: flagged, line: `${flagged.actual} said so.` }] }],
    quiet: ['in/b.txt'],
    stale: [],
    applyCommand: 'mtclean apply',
  }
}

describe('renderPage', () => {
  it('shows a change in its words, with its rule, the rule’s note and its decision, and a finding with its suggestion', () => {
    const page = renderPage(view())
    expect(page).toContain('<code>…Russian Foreign Minister </code><code><del>Ravorov</del><ins>Lavrov</ins></code><code> met the group.…</code>')
    expect(page).toContain('<p class="note">Sergey Lavrov, Russian foreign minister.</p>')
    expect(page).toContain('data-state="accepted"')
    expect(page).toContain('<mark>Kulebo</mark> said so.')
    expect(page).toContain('<input name="canonical" value="Kuleba" required')
    expect(page).toContain('<summary>1 file(s) with nothing to do</summary><ul><li>in/b.txt</li></ul>')
  })

  it('escapes every text from the record: a file name, a rule note, a finding cannot add markup or script', () => {
    const page = renderPage(
      view({ file: HOSTILE, note: HOSTILE, before: HOSTILE, contextBefore: HOSTILE }, { actual: HOSTILE, reason: HOSTILE, expected: [HOSTILE] }),
    )
    expect(page).not.toContain('<script>alert')
    expect(page.match(/<script/g)).toHaveLength(2) // review.js and the state as JSON, nothing else
  })

  it('offers to keep or make a rule only of a word, not of a repeated phrase or a stray `**`', () => {
    expect(renderPage(view({}, { ruleId: 'mt-artifact', actual: '**', expected: [] }))).toContain('Fix it in the text by hand.')
    const phrase = renderPage(view({}, { ruleId: 'repeated-phrase', actual: 'in Asia in Asia  in Asia', expected: ['in Asia'] }))
    expect(phrase).not.toContain('data-act="keep"')
  })
})

describe('parseAction: only the actions the page sends', () => {
  it('reads each kind of action with the page’s version', () => {
    expect(parseAction({ type: 'decide', id: 'abc', decision: 'accepted', rest: true, version: 'v' })).toEqual({
      action: { type: 'decide', id: 'abc', decision: 'accepted', rest: true },
      version: 'v',
    })
    expect(parseAction({ type: 'decide', id: 'abc', decision: null, version: 'v' })?.action).toEqual({ type: 'decide', id: 'abc', decision: null, rest: false })
    expect(parseAction({ type: 'undo', version: 'v' })?.action).toEqual({ type: 'undo' })
    expect(parseAction({ type: 'rule', finding: 'f3', canonical: 'Kuleba', version: 'v' })?.action).toEqual({
      type: 'rule',
      finding: 'f3',
      canonical: 'Kuleba',
    })
  })

  it('refuses anything else: no version, an unknown decision or type, a wrong field type', () => {
    for (const body of [
      null,
      'x',
      { type: 'undo' },
      { type: 'decide', id: 'a', decision: 'maybe', version: 'v' },
      { type: 'drop', version: 'v' },
      { type: 'keep', finding: 3, version: 'v' },
    ]) {
      expect(parseAction(body), JSON.stringify(body)).toBeUndefined()
    }
  })
})

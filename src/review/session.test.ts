import { describe, expect, it } from 'vitest'
import type { Decision } from '../model/decision.js'
import { ReviewSession, type ChangeItem, type DecisionStore, type FindingItem } from './session.js'

const item = (id: string, file: string, ruleId: string): ChangeItem => ({
  kind: 'change',
  id,
  file,
  ruleId,
  ruleLocation: 'rules/x.yaml:1:1',
  line: 1,
  column: 1,
  before: 'a',
  after: 'b',
  contextBefore: '',
  contextAfter: '',
})
const finding = (file: string): FindingItem => ({
  kind: 'finding',
  file,
  ruleId: 'suspect-name',
  reason: 'r',
  line: 1,
  column: 1,
  actual: 'Kulebo',
  expected: ['Kuleba'],
})
const items = [item('1', 'f1', 'r1'), item('2', 'f1', 'r2'), item('3', 'f1', 'r1'), item('4', 'f2', 'r1'), item('5', 'f2', 'r2')]

function store(initial: Record<string, Decision> = {}): DecisionStore & { decided: Record<string, Decision> } {
  const decided: Record<string, Decision> = { ...initial }
  return {
    decided,
    get: (id) => decided[id],
    set: (change, decision) => {
      if (decision) decided[change.id] = decision
      else delete decided[change.id]
    },
  }
}

describe('ReviewSession', () => {
  it('walks the undecided changes, recording each decision', () => {
    const decisions = store()
    const session = new ReviewSession(items, decisions)
    session.decide('accepted')
    session.decide('rejected')
    expect(session.current).toMatchObject({ id: '3' })
    expect(decisions.decided).toEqual({ 1: 'accepted', 2: 'rejected' })
  })

  it('skips changes decided before, so nothing is asked twice, and counts only the undecided ones', () => {
    const session = new ReviewSession(items, store({ 1: 'rejected' }))
    expect(session.current).toMatchObject({ id: '2' })
    expect(session.progress).toEqual({ index: 1, total: 4 })
    session.decide('accepted')
    expect(session.progress).toEqual({ index: 2, total: 4 })
  })

  it('decides every later undecided change of a rule at once, leaving earlier decisions as they were', () => {
    const decisions = store({ 4: 'rejected' })
    const session = new ReviewSession(items, decisions)
    session.decideRule('accepted')
    expect(decisions.decided).toEqual({ 1: 'accepted', 3: 'accepted', 4: 'rejected' })
    expect(session.current).toMatchObject({ id: '2' })
  })

  it('skips the rest of a file and undoes step by step', () => {
    const decisions = store()
    const session = new ReviewSession(items, decisions)
    session.decide('accepted')
    session.skipFile()
    expect(session.current).toMatchObject({ id: '4' })
    expect(session.undo()).toBe(true)
    expect(session.current).toMatchObject({ id: '2' })
    expect(session.undo()).toBe(true)
    expect(session.current).toMatchObject({ id: '1' })
    expect(decisions.decided).toEqual({})
    expect(session.undo()).toBe(false)
  })

  it('shows a file’s open findings after its changes; passing one leaves it open and can be undone', () => {
    const session = new ReviewSession([item('1', 'f1', 'r1'), finding('f1'), finding('f2')], store())
    session.decide('accepted')
    expect(session.current).toMatchObject({ kind: 'finding', file: 'f1' })
    session.decide('rejected') // no decision on a finding
    expect(session.current).toMatchObject({ kind: 'finding', file: 'f1' })
    session.next()
    expect(session.current).toMatchObject({ kind: 'finding', file: 'f2' })
    session.undo()
    expect(session.current).toMatchObject({ kind: 'finding', file: 'f1' })
  })

  it('is done when every change is decided or skipped', () => {
    const session = new ReviewSession(items.slice(0, 2), store())
    session.decide('accepted')
    session.decide('accepted')
    expect(session.done).toBe(true)
    expect(session.current).toBeUndefined()
  })

  it('decides any change by id, takes a decision back, and undoes those steps as the terminal review does', () => {
    const decisions = store({ 2: 'accepted' })
    const session = new ReviewSession(items, decisions)
    expect(session.decideChange('4', 'rejected')).toBe(true)
    expect(session.decideChange('2', undefined)).toBe(true)
    expect(decisions.decided).toEqual({ 4: 'rejected' })
    expect(session.decideChange('nope', 'accepted')).toBe(false)
    expect(session.undo()).toBe(true)
    expect(decisions.decided).toEqual({ 2: 'accepted', 4: 'rejected' })
    expect(session.undo()).toBe(true)
    expect(decisions.decided).toEqual({ 2: 'accepted' })
  })

  it('decides a change and the undecided rest of its rule after it, not those before it or decided', () => {
    const decisions = store({ 4: 'accepted' })
    const session = new ReviewSession(items, decisions)
    expect(session.decideRuleFrom('3', 'rejected')).toBe(true)
    expect(decisions.decided).toEqual({ 3: 'rejected', 4: 'accepted' })
    // A decided change itself is changed; the rest of its rule still only where undecided.
    expect(session.decideRuleFrom('4', 'rejected')).toBe(true)
    expect(decisions.decided).toEqual({ 3: 'rejected', 4: 'rejected' })
    session.undo()
    expect(decisions.decided).toEqual({ 3: 'rejected', 4: 'accepted' })
  })
})

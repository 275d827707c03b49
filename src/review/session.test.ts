import { describe, expect, it } from 'vitest'
import type { Decisions } from './decisions.js'
import { ReviewSession, type ReviewItem } from './session.js'

const item = (id: string, file: string, ruleId: string): ReviewItem => ({
  id, file, ruleId, ruleLocation: 'rules/x.yaml:1:1', line: 1, column: 1, before: 'a', after: 'b', contextBefore: '', contextAfter: '',
})
const items = [item('1', 'f1', 'r1'), item('2', 'f1', 'r2'), item('3', 'f1', 'r1'), item('4', 'f2', 'r1'), item('5', 'f2', 'r2')]
const decided = (decisions: Decisions): Record<string, string> => Object.fromEntries([...decisions].map(([id, record]) => [id, record.decision]))

describe('ReviewSession', () => {
  it('walks the undecided changes, recording each decision', () => {
    const session = new ReviewSession(items, new Map())
    session.decide('accepted')
    session.decide('rejected')
    expect(session.current?.id).toBe('3')
    expect(decided(session.decisions)).toEqual({ 1: 'accepted', 2: 'rejected' })
  })

  it('skips changes decided before, so nothing is asked twice', () => {
    const decisions: Decisions = new Map([['1', { decision: 'rejected', file: 'f1', ruleId: 'r1', before: 'a', after: 'b' }]])
    expect(new ReviewSession(items, decisions).current?.id).toBe('2')
  })

  it('decides every later change of a rule at once', () => {
    const session = new ReviewSession(items, new Map())
    session.decideRule('accepted')
    expect(decided(session.decisions)).toEqual({ 1: 'accepted', 3: 'accepted', 4: 'accepted' })
    expect(session.current?.id).toBe('2')
  })

  it('skips the rest of a file and undoes step by step', () => {
    const session = new ReviewSession(items, new Map())
    session.decide('accepted')
    session.skipFile()
    expect(session.current?.id).toBe('4')
    expect(session.undo()).toBe(true)
    expect(session.current?.id).toBe('2')
    expect(session.undo()).toBe(true)
    expect(session.current?.id).toBe('1')
    expect(decided(session.decisions)).toEqual({})
    expect(session.undo()).toBe(false)
  })

  it('is done when every change is decided or skipped', () => {
    const session = new ReviewSession(items.slice(0, 2), new Map())
    session.decide('accepted')
    session.decide('accepted')
    expect(session.done).toBe(true)
    expect(session.current).toBeUndefined()
  })
})

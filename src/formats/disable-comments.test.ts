import { describe, expect, it } from 'vitest'
import { DisableTracker, directiveOf } from './disable-comments.js'

describe('directiveOf', () => {
  it('reads a disable or enable, with the ids named', () => {
    expect(directiveOf(' mtclean-disable ')).toEqual({ kind: 'disable', ids: [] })
    expect(directiveOf(' mtclean-disable lavrov, known-variant ')).toEqual({ kind: 'disable', ids: ['lavrov', 'known-variant'] })
    expect(directiveOf('mtclean-enable')).toEqual({ kind: 'enable', ids: [] })
  })

  it('is not fooled by a comment that only mentions it', () => {
    expect(directiveOf(' see mtclean-disable ')).toBeUndefined()
    expect(directiveOf(' mtclean-disabled ')).toBeUndefined()
    expect(directiveOf(' TODO ')).toBeUndefined()
  })
})

describe('DisableTracker', () => {
  it('runs a disable to its enable, or to the end of the text', () => {
    const tracker = new DisableTracker()
    tracker.add({ kind: 'disable', ids: [] }, 0, 10)
    tracker.add({ kind: 'enable', ids: [] }, 20, 30)
    tracker.add({ kind: 'disable', ids: ['lavrov'] }, 40, 50)
    expect(tracker.finish(100)).toEqual([
      { start: 10, end: 20 },
      { start: 50, end: 100, ids: ['lavrov'] },
    ])
  })

  it('closes only the ids an enable names', () => {
    const tracker = new DisableTracker()
    tracker.add({ kind: 'disable', ids: ['a', 'b'] }, 0, 5)
    tracker.add({ kind: 'enable', ids: ['a'] }, 10, 15)
    tracker.add({ kind: 'enable', ids: ['c'] }, 20, 25)
    expect(tracker.finish(40)).toEqual([
      { start: 5, end: 10, ids: ['a'] },
      { start: 5, end: 40, ids: ['b'] },
    ])
  })

  it('keeps an id-less disable open through an enable that names ids', () => {
    const tracker = new DisableTracker()
    tracker.add({ kind: 'disable', ids: [] }, 0, 5)
    tracker.add({ kind: 'enable', ids: ['a'] }, 10, 15)
    expect(tracker.finish(40)).toEqual([{ start: 5, end: 40 }])
  })
})

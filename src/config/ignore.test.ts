import { describe, expect, it } from 'vitest'
import { ignoredSpans } from './ignore.js'

// A headline as Ecns.cn publishes it, and a dateline.
const HEADLINE = 'China, Russia vow closer ties - Ecns.cn'
const DATELINE = 'BEIJING, Sept. 18 (Xinhua) -- Wang Yi met Lavrov.'

describe('ignoredSpans', () => {
  it('finds every occurrence of a phrase, as written', () => {
    const text = `${HEADLINE}\n${HEADLINE}\n`
    const at = HEADLINE.indexOf(' - Ecns.cn')
    expect(ignoredSpans(text, [{ phrase: ' - Ecns.cn' }])).toEqual([
      { start: at, end: at + 10 },
      { start: HEADLINE.length + 1 + at, end: HEADLINE.length + 1 + at + 10 },
    ])
  })

  it('finds the matches of a regex, with its flags', () => {
    expect(ignoredSpans(DATELINE, [{ regex: '\\(xinhua\\)', flags: 'i' }])).toEqual([{ start: 18, end: 26 }])
  })

  it('finds nothing in a text without the phrase: case and near misses do not count', () => {
    expect(ignoredSpans('Ecns.cn reported that the two ministers met in Moscow.', [{ phrase: ' - Ecns.cn' }])).toEqual([])
    expect(ignoredSpans(DATELINE, [{ phrase: '(xinhua)' }])).toEqual([])
    expect(ignoredSpans(DATELINE, [{ regex: 'x*', flags: '' }])).toEqual([])
  })
})

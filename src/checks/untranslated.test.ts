import { describe, expect, it } from 'vitest'
import { messagesOf, realSentence, runCheck } from './test-helpers.js'
import { untranslated } from './untranslated.js'

describe('untranslated', () => {
  it('flags Chinese left in the English, with the Chinese as actual and its reading as note', () => {
    const text = realSentence('Online-G', 1616)
    const [message, ...rest] = runCheck(untranslated, text).messages
    expect(rest).toEqual([])
    expect(message).toMatchObject({ ruleId: 'untranslated', source: 'mtclean', actual: '美元', note: 'Reads měi yuán', url: 'docs/checks.md#untranslated' })
    expect(message!.place).toMatchObject({ start: { offset: text.indexOf('美元') }, end: { offset: text.indexOf('美元') + 2 } })
    expect(message!.expected).toBeUndefined()
  })

  it('flags single characters, also glued to an English word', () => {
    expect(runCheck(untranslated, realSentence('Online-A', 451)).messages.map((message) => message.actual)).toEqual(['姪', '懼'])
  })

  it('takes a run with CJK punctuation inside as one span, without the punctuation around it', () => {
    const text = realSentence('Online-Y', 705)
    const messages = runCheck(untranslated, text).messages
    expect(messages).toHaveLength(1)
    const actual = String(messages[0]!.actual)
    expect(actual.startsWith('查询')).toBe(true)
    expect(actual.endsWith('工作')).toBe(true)
    expect(text.slice(messages[0]!.place && 'start' in messages[0]!.place ? messages[0]!.place.start.offset! : -1).startsWith('查询')).toBe(true)
  })

  it('flags a source name after a headline separator', () => {
    expect(messagesOf(untranslated, realSentence('Online-W', 1141))).toEqual(['1:93-1:97: Untranslated Chinese `华声在线`'])
  })

  it('leaves English alone, with or without CJK punctuation', () => {
    expect(messagesOf(untranslated, realSentence('ref.A', 1616))).toEqual([])
    expect(messagesOf(untranslated, 'A full-width bracket （ and a comma ， are not Chinese words. Kanji-like ASCII: Han, Xi.')).toEqual([])
  })
})

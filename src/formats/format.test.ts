import { describe, expect, it } from 'vitest'
import { formatOf, formatsOf } from './format.js'

describe('formatOf', () => {
  it('reads the format from the extension, in any case', () => {
    expect(formatOf('a/news.md')).toBe('markdown')
    expect(formatOf('news.MARKDOWN')).toBe('markdown')
    expect(formatOf('page.html')).toBe('html')
    expect(formatOf('page.htm')).toBe('html')
  })

  it('takes anything else, and no name, as plain text', () => {
    expect(formatOf('news.txt')).toBe('text')
    expect(formatOf('news')).toBe('text')
    expect(formatOf('md')).toBe('text')
    expect(formatOf(undefined)).toBe('text')
  })

  it('lists the formats of some files once each', () => {
    expect(formatsOf([{ absolutePath: '/a.txt' }, { absolutePath: '/b.md' }, { absolutePath: '/c.txt' }])).toEqual(['text', 'markdown'])
  })
})

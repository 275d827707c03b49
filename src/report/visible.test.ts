import { describe, expect, it } from 'vitest'
import { touchingWords, visibleWhitespace } from './visible.js'

describe('touchingWords', () => {
  it('takes the text up to the nearest whitespace on each side', () => {
    expect(touchingWords({ before: 'talks in China', after: 'Russia relations' })).toEqual({ left: 'China', right: 'Russia' })
    expect(touchingWords({ before: 'said:\n«Ravorov', after: '’s visit' })).toEqual({ left: '«Ravorov', right: '’s' })
  })

  it('gives empty strings at whitespace or at the end of the context', () => {
    expect(touchingWords({ before: 'in ', after: ' said' })).toEqual({ left: '', right: '' })
    expect(touchingWords({ before: '', after: '' })).toEqual({ left: '', right: '' })
    expect(touchingWords({ before: 'word', after: 'end' })).toEqual({ left: 'word', right: 'end' })
  })
})

describe('visibleWhitespace', () => {
  it('shows spaces only where they matter, and line breaks as ⏎', () => {
    expect(visibleWhitespace(' ')).toBe('␣')
    expect(visibleWhitespace(' -Russia')).toBe('␣-Russia')
    expect(visibleWhitespace('Lavrov said')).toBe('Lavrov said')
    expect(visibleWhitespace('a\r\nb')).toBe('a⏎b')
  })
})

import { describe, expect, it } from 'vitest'
import { insideOneRange, isDisabled, maskOutside } from './prose.js'

describe('maskOutside', () => {
  it('blanks all but the ranges, keeping every offset and line break', () => {
    const text = '**Lavrov**\r\n`x` met'
    const masked = maskOutside(text, [
      { start: 2, end: 8 },
      { start: 15, end: 19 },
    ])
    expect(masked).toBe('  Lavrov  \r\n    met')
    expect(masked.length).toBe(text.length)
  })

  it('masks a slice only', () => {
    expect(maskOutside('ab cd ef', [{ start: 3, end: 5 }], 2, 6)).toBe(' cd ')
  })
})

describe('insideOneRange', () => {
  const ranges = [
    { start: 0, end: 5 },
    { start: 5, end: 8 },
    { start: 10, end: 20 },
  ]
  it('holds a span inside a range, an insertion at its edges too', () => {
    expect(insideOneRange({ start: 11, end: 20 }, ranges)).toBe(true)
    expect(insideOneRange({ start: 5, end: 7 }, ranges)).toBe(true)
    expect(insideOneRange({ start: 10, end: 10 }, ranges)).toBe(true)
    expect(insideOneRange({ start: 20, end: 20 }, ranges)).toBe(true)
  })

  it('refuses a span that crosses from one range into markup or another range', () => {
    expect(insideOneRange({ start: 7, end: 11 }, ranges)).toBe(false)
    expect(insideOneRange({ start: 4, end: 6 }, ranges)).toBe(false)
    expect(insideOneRange({ start: 8, end: 9 }, ranges)).toBe(false)
    expect(insideOneRange({ start: 19, end: 21 }, ranges)).toBe(false)
  })
})

describe('isDisabled', () => {
  const disabled = [
    { start: 10, end: 20 },
    { start: 30, end: 40, ids: ['lavrov'] },
  ]
  it('is true in a span disabled for all, or for the id', () => {
    expect(isDisabled({ start: 12, end: 15 }, 'any', disabled)).toBe(true)
    expect(isDisabled({ start: 35, end: 36 }, 'lavrov', disabled)).toBe(true)
    expect(isDisabled({ start: 18, end: 22 }, 'any', disabled)).toBe(true)
  })

  it('is false for another id, and outside', () => {
    expect(isDisabled({ start: 35, end: 36 }, 'asean', disabled)).toBe(false)
    expect(isDisabled({ start: 20, end: 25 }, 'any', disabled)).toBe(false)
    expect(isDisabled({ start: 0, end: 10 }, 'any', disabled)).toBe(false)
  })
})

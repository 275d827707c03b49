import { describe, expect, it } from 'vitest'
import { checkExitCode, useColor } from './output-options.js'

describe('colour', () => {
  it('is on only at a terminal, without --no-color and without a non-empty NO_COLOR', () => {
    expect(useColor(true, {}, true)).toBe(true)
    expect(useColor(undefined, {}, true)).toBe(true)
    expect(useColor(true, {}, false)).toBe(false)
    expect(useColor(false, {}, true)).toBe(false)
    expect(useColor(true, { NO_COLOR: '1' }, true)).toBe(false)
    expect(useColor(true, { NO_COLOR: '' }, true)).toBe(true) // no-color.org: an empty value does not count
  })
})

describe('the exit status of a check', () => {
  it('is 1 on any problem without --max-warnings, as before', () => {
    expect(checkExitCode(0, 0, undefined)).toBe(0)
    expect(checkExitCode(1, 0, undefined)).toBe(1)
  })

  it('is 1 only over --max-warnings N, as ESLint', () => {
    expect(checkExitCode(1, 0, 0)).toBe(1)
    expect(checkExitCode(0, 0, 0)).toBe(0)
    expect(checkExitCode(3, 0, 3)).toBe(0)
    expect(checkExitCode(4, 0, 3)).toBe(1)
  })

  it('with a project config: an error always fails, a warn only past --max-warnings', () => {
    expect(checkExitCode({ errors: 0, warnings: 5, unrated: 0 }, 0, undefined)).toBe(0)
    expect(checkExitCode({ errors: 1, warnings: 0, unrated: 0 }, 0, undefined)).toBe(1)
    expect(checkExitCode({ errors: 1, warnings: 0, unrated: 0 }, 0, 10)).toBe(1)
    expect(checkExitCode({ errors: 0, warnings: 5, unrated: 0 }, 0, 4)).toBe(1)
    expect(checkExitCode({ errors: 0, warnings: 4, unrated: 0 }, 0, 4)).toBe(0)
    expect(checkExitCode({ errors: 0, warnings: 0, unrated: 1 }, 0, undefined)).toBe(1)
  })

  it('is 1 when a file failed, whatever the limit', () => {
    expect(checkExitCode(0, 1, 10)).toBe(1)
  })
})

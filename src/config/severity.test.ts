import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { applySeverities } from './severity.js'

function fileWith(...ruleIds: string[]): VFile {
  const file = new VFile({ value: 'Ravorov met Asia Danian in Beijing.Patrushev said.', path: 'a.txt' })
  for (const ruleId of ruleIds) file.message('a finding', { ruleId, source: 'mtclean' })
  return file
}

describe('applySeverities', () => {
  it('drops a check set off, makes an error fatal, keeps a warn a warning, counts each', () => {
    const file = fileWith('unknown-word', 'fragment', 'known-variant', 'missing-space')
    const counts = applySeverities(file, { 'unknown-word': 'off', fragment: 'warn', 'known-variant': 'error' })
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['fragment', false],
      ['known-variant', true],
      ['missing-space', false],
    ])
    expect(counts).toEqual({ errors: 1, warnings: 1, unrated: 1 })
  })

  it('without severities changes nothing: every finding is unrated, as without a config', () => {
    const file = fileWith('fragment', 'known-variant')
    expect(applySeverities(file, {})).toEqual({ errors: 0, warnings: 0, unrated: 2 })
    expect(file.messages.every((message) => message.fatal === false)).toBe(true)
  })
})

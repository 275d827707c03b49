import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanedText, runTexts } from './expand.js'
import { sourceHashOf } from './report.js'

const SOURCE = 'Ravorov met Asia Danian.\nChina -Russia talks.\n'
// Applied changes in source order: a longer, a shorter and an equal-length replacement, one at the very end.
const CHANGES = [
  { start: 0, end: 7, before: 'Ravorov', after: 'Lavrov' },
  { start: 12, end: 23, before: 'Asia Danian', after: 'ASEAN' },
  { start: 30, end: 32, before: ' -', after: '-' },
]
const OUTPUT = 'Lavrov met ASEAN.\nChina-Russia talks.\n'

describe('the texts of a run, found again from the record', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'mtclean-expand-'))
  const file = (name: string, text: string): string => {
    writeFileSync(path.join(folder, name), text)
    return path.join(folder, name)
  }
  const record = { sourceHash: sourceHashOf(SOURCE), changes: CHANGES }

  it('the cleaned text is the source with the changes made', () => {
    expect(cleanedText(SOURCE, CHANGES)).toBe(OUTPUT)
  })

  it('from the source while it is as the run read it', () => {
    expect(runTexts(record, file('same.txt', SOURCE), path.join(folder, 'no-copy.txt'))).toEqual({ source: SOURCE, output: OUTPUT })
  })

  it('from the cleaned copy with its changes undone once the source changed (after apply)', () => {
    expect(runTexts(record, file('applied.txt', OUTPUT), file('copy.txt', OUTPUT))).toEqual({ source: SOURCE, output: OUTPUT })
    expect(runTexts(record, undefined, file('copy2.txt', OUTPUT))).toEqual({ source: SOURCE, output: OUTPUT })
  })

  it('from neither when both changed: never a guess', () => {
    expect(runTexts(record, file('edited.txt', `${SOURCE}more\n`), file('edited-copy.txt', `${OUTPUT}more\n`))).toBeUndefined()
    expect(runTexts(record, path.join(folder, 'missing.txt'), path.join(folder, 'missing-copy.txt'))).toBeUndefined()
  })
})

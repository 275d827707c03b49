import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { StagedFile } from './staged.js'

const folder = (): string => mkdtempSync(path.join(os.tmpdir(), 'mtclean-staged-'))

describe('StagedFile', () => {
  it('puts head, body and tail in place on commit, leaving no temporary file', () => {
    const dir = folder()
    const staged = new StagedFile(path.join(dir, 'report.md'))
    staged.append('one\n')
    staged.append('')
    staged.append('two ✓\n'.repeat(300_000)) // more than one copy chunk
    staged.commit('# head\n', 'tail\n')
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe(`# head\none\n${'two ✓\n'.repeat(300_000)}tail\n`)
    expect(readdirSync(dir)).toEqual(['report.md'])
  })

  it('leaves the old file as it was on discard, and refuses to be used after', () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'report.md'), 'old\n')
    const staged = new StagedFile(path.join(dir, 'report.md'))
    staged.append('new\n')
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe('old\n')
    staged.discard()
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe('old\n')
    expect(readdirSync(dir)).toEqual(['report.md'])
    expect(() => staged.append('more')).toThrow(/already committed or discarded/)
  })
})

import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from './helpers/project.js'

describe('mtclean check: untranslated Chinese (end to end, real binary)', () => {
  it('reports each run of Chinese with its place and the Chinese as actual, in a later paragraph too', () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    // A sentence of WMT21 newstest2021 zh-en (Online-G, line 1616), after a paragraph with an emoji (two
    // UTF-16 units): offsets are UTF-16, as vfile counts them.
    const text =
      'Markets 😀 rose.\n\nThere are no obvious signs of capital outflows in the banking system, on the contrary, more than 美元 11 billion has been inflows since June.\n'
    writeFileSync(path.join(dir, 'in/a.txt'), text)
    const result = runCli(['check', 'in', '--format', 'json'], dir)
    const [file] = JSON.parse(result.stdout) as {
      messages: { ruleId: string; actual: string; note: string; place: { start: { line: number; column: number; offset: number } } }[]
    }[]
    const found = file!.messages.filter((message) => message.ruleId === 'untranslated')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ actual: '美元', note: 'Reads měi yuán', place: { start: { line: 3, offset: text.indexOf('美元') } } })
    expect(result.status).toBe(1)
  })
})

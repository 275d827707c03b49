import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRuleSource } from './load.js'
import { planAdd } from './edit.js'

describe('planAdd: quoting', () => {
  it('adds variants YAML would misread (True, 1e3) as the same strings, quoted', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'mtclean-edit-'))
    const file = path.join(folder, 'people.yaml')
    writeFileSync(file, 'entities:\n  - id: lavrov\n    canonical: Lavrov\n    category: person\n    variants: [Ravorov]\n')
    const [edit] = planAdd([file], folder, [{ canonical: 'Lavrov', variants: ['True', '1e3', 'Lavroff'] }])
    expect(edit!.after).toContain('variants: [Ravorov, "True", "1e3", Lavroff]')
    const [entity] = parseRuleSource(edit!.after, file).rules
    expect(entity!.kind === 'entity' && entity!.variants.map((variant) => variant.text)).toEqual(['Ravorov', 'True', '1e3', 'Lavroff'])
  })
})

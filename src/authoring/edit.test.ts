import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRuleSource } from '../rules/load.js'
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

describe('planAdd: layers', () => {
  // A bundled layer (read only) and a project's folder, as a project config names them.
  function layers(): { bundled: string; project: string } {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mtclean-layers-'))
    const bundled = path.join(root, 'bundled')
    const project = path.join(root, 'project')
    for (const folder of [bundled, project]) mkdirSync(folder)
    writeFileSync(
      path.join(bundled, 'people.yaml'),
      'entities:\n  - id: lavrov\n    canonical: Lavrov\n    category: person\n    variants: [Ravorov, Rafrov]\n',
    )
    writeFileSync(path.join(project, 'example.yaml'), '# nothing yet\n')
    return { bundled, project }
  }
  const files = (...folders: string[]): string[] => folders.map((folder) => path.join(folder, folder.endsWith('bundled') ? 'people.yaml' : 'example.yaml'))

  it('writes a new entity into the project folder only', () => {
    const { bundled, project } = layers()
    const edits = planAdd(files(bundled, project), project, [{ canonical: 'Hu Qiaoli', variants: ['Hu Qiaoly'], category: 'person' }], {
      writableFolder: project,
    })
    expect(edits.map((edit) => edit.file)).toEqual([path.join(project, 'people.yaml')])
  })

  it('refuses new variants of an entity of a layer it does not write, and passes over variants it has', () => {
    const { bundled, project } = layers()
    expect(() => planAdd(files(bundled, project), project, [{ canonical: 'Lavrov', variants: ['Lavroff'] }], { writableFolder: project })).toThrow(
      /"Lavrov" is an entity of a rule layer this project does not write/,
    )
    expect(planAdd(files(bundled, project), project, [{ canonical: 'Lavrov', variants: ['Rafrov'] }], { writableFolder: project })).toEqual([])
    // Without layers (a --rules folder named), the entity is edited where it is, as before.
    expect(planAdd(files(bundled), bundled, [{ canonical: 'Lavrov', variants: ['Lavroff'] }]).map((edit) => edit.file)).toEqual([
      path.join(bundled, 'people.yaml'),
    ])
  })
})

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUNDLED_RULES } from '../rules/load.js'
import { findProjectConfig, projectRulesFolder, ruleLayerPaths } from './find.js'

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mtclean-config-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  return dir
}

describe('findProjectConfig', () => {
  it('finds mtclean.config.yaml from a subfolder, with paths relative to the config', async () => {
    const dir = folderWith({ 'mtclean.config.yaml': 'out: cleaned\ninputs: [articles]\n', 'articles/2024/a.txt': 'x\n' })
    const config = await findProjectConfig(path.join(dir, 'articles/2024'))
    expect(config?.file).toBe(path.join(dir, 'mtclean.config.yaml'))
    expect(config?.out).toBe(path.join(dir, 'cleaned'))
    expect(config?.inputs).toEqual([path.join(dir, 'articles')])
  })

  it('finds .mtcleanrc.yml, and "mtclean" in package.json, the nearest first', async () => {
    const dir = folderWith({ 'package.json': '{"name": "news", "mtclean": {"out": "from-package"}}', 'sub/.mtcleanrc.yml': 'out: from-rc\n' })
    expect((await findProjectConfig(dir))?.out).toBe(path.join(dir, 'from-package'))
    expect((await findProjectConfig(path.join(dir, 'sub')))?.out).toBe(path.join(dir, 'sub/from-rc'))
  })

  it('reports a problem in package.json at its place there', async () => {
    const dir = folderWith({ 'package.json': '{\n  "name": "news",\n  "mtclean": {"out": 3}\n}\n' })
    await expect(findProjectConfig(dir)).rejects.toThrow('out must be a non-empty text')
    await expect(findProjectConfig(dir)).rejects.toMatchObject({ line: 3, column: 22 })
  })

  it('passes over a package.json without "mtclean", even one that does not parse', async () => {
    const dir = folderWith({ 'package.json': '{"name": "news",', 'mtclean.config.yml': '' })
    const config = await findProjectConfig(dir)
    expect(config?.file).toBe(path.join(dir, 'mtclean.config.yml'))
    expect(await findProjectConfig(folderWith({ 'package.json': '{"name": "news"}' }))).toBeUndefined()
  })
})

describe('rule layers', () => {
  it('read the bundled set, then the project folder, then the extras; the project folder is where edits go', async () => {
    const dir = folderWith({ 'mtclean.config.yaml': 'rules:\n  folder: own\n  extra: [../shared.yaml]\n', 'own/a.yaml': '' })
    const config = (await findProjectConfig(dir))!
    expect(ruleLayerPaths(config)).toEqual([BUNDLED_RULES, path.join(dir, 'own'), path.join(path.dirname(dir), 'shared.yaml')])
    expect(projectRulesFolder(config)).toBe(path.join(dir, 'own'))
  })

  it('can leave the bundled set out; without a rules key, take the bundled set and ./rules beside the config', async () => {
    const without = (await findProjectConfig(folderWith({ 'mtclean.config.yaml': 'rules:\n  bundled: false\n  folder: own\n' })))!
    expect(ruleLayerPaths(without)).toEqual([path.join(without.folder, 'own')])
    const plain = (await findProjectConfig(folderWith({ 'mtclean.config.yaml': 'out: o\n', 'rules/a.yaml': '' })))!
    expect(ruleLayerPaths(plain)).toEqual([BUNDLED_RULES, path.join(plain.folder, 'rules')])
  })
})

import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_ENTRIES, ruleFileCache } from './cache.js'
import { loadedRulesOf } from './compile.js'
import { loadRuleFile, loadRuleSet } from './load.js'

const lavrov = (variant: string): string => `entities:\n  - id: lavrov\n    canonical: Lavrov\n    category: person\n    variants: [${variant}]\n`

describe('the cache of parsed rule files', () => {
  let cacheDir: string
  let rulesDir: string
  beforeEach(() => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'mtclean-cache-'))
    rulesDir = mkdtempSync(path.join(os.tmpdir(), 'mtclean-rules-'))
    process.env.CACHE_DIR = cacheDir // find-cache-directory's override: entries go to CACHE_DIR/mtclean
  })
  afterEach(() => {
    delete process.env.CACHE_DIR
  })

  it('gives back what parsing gave, and misses after an edit', () => {
    const file = path.join(rulesDir, 'people.yaml')
    writeFileSync(file, lavrov('Ravorov'))
    const cache = ruleFileCache(rulesDir)!
    const parsed = loadRuleFile(file, 3, cache)
    expect(readdirSync(path.join(cacheDir, 'mtclean'))).toHaveLength(1)
    expect(loadRuleFile(file, 3, cache)).toEqual(parsed)
    expect(parsed.rules[0]!.order).toBe(3)
    writeFileSync(file, lavrov('Rafrov'))
    const edited = loadRuleFile(file, 0, cache)
    expect(edited.rules[0]!.kind === 'entity' && edited.rules[0]!.variants.map((variant) => variant.text)).toEqual(['Rafrov'])
    expect(readdirSync(path.join(cacheDir, 'mtclean'))).toHaveLength(2)
  })

  it('treats an unreadable entry as a miss, and keeps no entry for a file with errors', () => {
    const file = path.join(rulesDir, 'people.yaml')
    writeFileSync(file, lavrov('Ravorov'))
    const cache = ruleFileCache(rulesDir)!
    loadRuleFile(file, 0, cache)
    const [entry] = readdirSync(path.join(cacheDir, 'mtclean'))
    writeFileSync(path.join(cacheDir, 'mtclean', entry!), '{not json')
    expect(loadRuleFile(file, 0, cache).rules).toHaveLength(1)
    const bad = path.join(rulesDir, 'bad.yaml')
    writeFileSync(bad, 'entities: [')
    expect(() => loadRuleFile(bad, 0, cache)).toThrow(/invalid YAML/)
    expect(readdirSync(path.join(cacheDir, 'mtclean'))).toHaveLength(1)
  })

  it('keeps at most MAX_ENTRIES entries, dropping the oldest', () => {
    const cache = ruleFileCache(rulesDir)!
    const file = path.join(rulesDir, 'people.yaml')
    const entriesNow = (): string[] => readdirSync(path.join(cacheDir, 'mtclean')).sort()
    writeFileSync(file, lavrov('Variant0'))
    loadRuleFile(file, 0, cache)
    const [oldest] = entriesNow()
    utimesSync(path.join(cacheDir, 'mtclean', oldest!), new Date(2000, 0, 1), new Date(2000, 0, 1))
    for (let index = 1; index <= MAX_ENTRIES; index++) {
      writeFileSync(file, lavrov(`Variant${index}`))
      loadRuleFile(file, 0, cache)
    }
    expect(entriesNow()).toHaveLength(MAX_ENTRIES)
    expect(entriesNow()).not.toContain(oldest)
  })

  it('keeps a validated rule set whole: a second load compiles what was kept, an edit is a miss', () => {
    const file = path.join(rulesDir, 'people.yaml')
    const hyphen = "patterns:\n  - {id: hyphen, category: spacing, pattern: ' +-(?=\\p{L})(?<=\\p{L} +-)', replace: '-'}\n"
    writeFileSync(file, lavrov('Ravorov') + hyphen)
    const first = loadRuleSet([file])
    const sets = (): string[] => readdirSync(path.join(cacheDir, 'mtclean')).filter((name) => name.startsWith('set-'))
    expect(sets()).toHaveLength(1)
    const second = loadRuleSet([file])
    expect(second).not.toBe(first)
    expect(loadedRulesOf(second)).toEqual(loadedRulesOf(first))
    // The pattern's guarded source came from the kept set, not from parsing it again.
    expect(second.patternMatchers[0]!.source).toBe(first.patternMatchers[0]!.source)
    expect(second.patternMatchers[0]!.source).toContain('(?<!  )')
    writeFileSync(file, lavrov('Rafrov') + hyphen)
    const edited = loadRuleSet([file])
    expect(edited.rules[0]!.kind === 'entity' && edited.rules[0]!.variants.map((variant) => variant.text)).toEqual(['Rafrov'])
    expect(sets()).toHaveLength(2)
  })
})

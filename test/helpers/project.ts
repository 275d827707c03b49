import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import type { RuleSet } from '../../src/match/rule-set.js'
import { loadRuleSet } from '../../src/rules/load.js'

export const PROJECT = path.resolve(import.meta.dirname, '../..')
export const BIN = path.join(PROJECT, 'bin/mtclean.js')
export const SEEDS = path.join(PROJECT, 'seeds')
export const RULES = path.join(PROJECT, 'rules')

let projectRules: RuleSet | undefined
export function projectRuleSet(): RuleSet {
  projectRules ??= loadRuleSet([RULES])
  return projectRules
}

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the real CLI binary (built by the globalSetup) in `cwd`, with no TTY. */
export function runCli(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A temp folder holding copies of the named project folders (e.g. `seeds`, `rules`). */
export function tempProject(...folders: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mtclean-'))
  for (const folder of folders) cpSync(path.join(PROJECT, folder), path.join(dir, folder), { recursive: true })
  return dir
}

/** Every file below `dir`, as relative path → bytes. */
export function snapshotTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const walk = (relative: string): void => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const child = path.join(relative, name)
      if (statSync(path.join(dir, child)).isDirectory()) walk(child)
      else files.set(child, readFileSync(path.join(dir, child)))
    }
  }
  walk('')
  return files
}

/** A temp project with copies of the named project folders (the rules) and these texts, by path below it (`in/a.txt`). */
export function projectWithTexts(texts: Record<string, string>, folders = ['rules']): string {
  const dir = tempProject(...folders)
  for (const [file, text] of Object.entries(texts)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  return dir
}

/**
 * Checks, after the tests of a file, that the project's own folders a run could touch by mistake are byte
 * for byte as they were before them: nothing outside the tests' temp folders changed.
 */
export function guardProjectFolders(folders = ['rules', 'seeds', 'cleaned', 'docs', 'src']): void {
  let before: Map<string, Map<string, string>>
  beforeAll(() => {
    before = new Map(folders.map((folder) => [folder, digestTree(path.join(PROJECT, folder))]))
  })
  afterAll(() => {
    for (const folder of folders) expect(digestTree(path.join(PROJECT, folder)), `${folder}/ changed`).toEqual(before.get(folder))
  })
}

/**
 * Every file below `dir`, as relative path → sha256 of its bytes: what the guard compares. (A deep equal of
 * the bytes themselves went byte by byte: 7 s for these folders on a loaded machine, past the hook timeout.)
 */
const digestTree = (dir: string): Map<string, string> =>
  new Map([...snapshotTree(dir)].map(([file, bytes]) => [file, createHash('sha256').update(bytes).digest('hex')]))

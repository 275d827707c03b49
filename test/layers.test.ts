import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Every import in src/ points down the pipeline (issue 15): a module may import its own folder or a folder of a
 * lower layer, never a higher one, and no two folders import each other (directly or round a loop).
 * Files at the top of src/ are placed in the layer of the concept they hold until they move into that folder.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['model'],
  ['io'],
  // match/ takes a RuleSet (match/rule-set.ts) and returns changes; rules/ loads and validates YAML, compiles it
  // into matchers and runs the engine to check each rule settles (rules/settle.ts), so it sits above both.
  ['match'],
  ['apply'],
  ['formats'],
  ['engine'],
  ['rules'],
  ['checks'],
  // rule authoring (lint, examples, edit, names, suggest) runs the engine and the checks; the review adds names with it.
  ['authoring'],
  ['report'],
  ['review'],
  ['eval'],
  ['config'],
  ['run'],
  ['cli'],
  ['index'],
]

/**
 * Imports that point up today, as `from -> to` (paths under src/). Remove an entry when its import is fixed;
 * the test fails on an entry that is no longer needed, so the list only shrinks. The goal is an empty list.
 */
const ALLOWED_UPWARD: readonly string[] = []

const SRC = path.resolve(import.meta.dirname, '../src')

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : []
  })

// `from '…'`, `import '…'` and `import('…')`: relative specifiers only (packages are not layers).
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g

/** The folder under src/ a file belongs to, or its base name for a file at the top of src/. */
const unitOf = (file: string): string => {
  const parts = path.relative(SRC, file).split(path.sep)
  return parts.length > 1 ? (parts[0] as string) : (parts[0] as string).replace(/\.ts$/, '')
}

const layerOf = (unit: string): number => {
  const layer = LAYERS.findIndex((units) => units.includes(unit))
  if (layer === -1) throw new Error(`src/${unit} is in no layer of test/layers.test.ts`)
  return layer
}

interface Edge {
  from: string
  to: string
}

const imports = (): Edge[] =>
  sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => ({
      from: file,
      to: path.resolve(path.dirname(file), (match[1] as string).replace(/\.js$/, '.ts')),
    })),
  )

const label = (edge: Edge): string => `${path.relative(SRC, edge.from)} -> ${path.relative(SRC, edge.to)}`

/** Folders that reach each other through imports (strongly connected components of more than one folder). */
const folderCycles = (edges: Edge[]): string[][] => {
  const next = new Map<string, Set<string>>()
  for (const edge of edges) {
    const from = unitOf(edge.from)
    const to = unitOf(edge.to)
    if (from === to) continue
    if (!next.has(from)) next.set(from, new Set())
    next.get(from)?.add(to)
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>()
    const todo = [start]
    while (todo.length > 0) {
      for (const to of next.get(todo.pop() as string) ?? []) {
        if (!seen.has(to)) {
          seen.add(to)
          todo.push(to)
        }
      }
    }
    return seen
  }
  const reached = new Map([...next.keys()].map((unit) => [unit, reach(unit)]))
  const cycles = new Map<string, string[]>()
  for (const [unit, seen] of reached) {
    const group = [unit, ...[...seen].filter((other) => other !== unit && reached.get(other)?.has(unit))].sort()
    if (group.length > 1) cycles.set(group.join(' <-> '), group)
  }
  return [...cycles.values()]
}

describe('layers of src/', () => {
  const edges = imports()
  const upward = edges.filter((edge) => layerOf(unitOf(edge.to)) > layerOf(unitOf(edge.from))).map(label)

  it('reads the imports of every module', () => {
    expect(edges.length).toBeGreaterThan(100)
    expect(edges.map(label)).toContain('cli/main.ts -> model/errors.ts')
  })

  it('has no import pointing up the layer order beyond the allow-list', () => {
    expect(upward.filter((edge) => !ALLOWED_UPWARD.includes(edge)).sort()).toEqual([])
  })

  it('has no stale entry in the allow-list', () => {
    expect(ALLOWED_UPWARD.filter((edge) => !upward.includes(edge))).toEqual([])
  })

  it('has no cycle between folders beyond those the allow-list keeps', () => {
    const allowed = new Set(ALLOWED_UPWARD)
    const cycles = folderCycles(edges.filter((edge) => !allowed.has(label(edge))))
    expect(cycles).toEqual([])
  })

  it('finds an upward import and a folder cycle when there is one', () => {
    const low = path.join(SRC, 'rules/x.ts')
    const high = path.join(SRC, 'cli/y.ts')
    const planted = [
      { from: low, to: high },
      { from: high, to: low },
    ]
    expect(planted.filter((edge) => layerOf(unitOf(edge.to)) > layerOf(unitOf(edge.from))).map(label)).toEqual(['rules/x.ts -> cli/y.ts'])
    expect(folderCycles(planted)).toEqual([['cli', 'rules']])
  })
})

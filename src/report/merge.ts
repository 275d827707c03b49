import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../model/errors.js'
import { displayPathOf } from '../io/inputs.js'
import { manifestContent } from '../io/manifest.js'
import { MANIFEST } from '../model/output-files.js'
import { writeFileAtomic } from '../io/write.js'
import { rulesHash } from '../rules/fingerprint.js'
import { loadRuleSet, rulePathsOf } from '../rules/load.js'
import { decisionsPath } from '../model/decision.js'
import { recordDiff } from './diff.js'
import { runTexts } from './expand.js'
import { jsonReport } from './json.js'
import { loadStoredReport } from './read.js'
import type { Report, RuleCount } from './report.js'
import { REPORT_VERSION, type StoredFile, type StoredReport } from './stored.js'
import { REPORT_FILES } from '../model/output-files.js'

/** One shard as `merge` reads it: its output folder, its record, and its diff cut into files. */
interface Shard {
  folder: string
  shown: string
  report: StoredReport
  /** The folder its paths are relative to. */
  base: string
}

function readShard(folder: string, cwd: string): Shard {
  const shown = displayPathOf(folder, cwd)
  const report = loadStoredReport(folder, shown)
  return { folder, shown, report, base: path.resolve(folder, report.run.base) }
}

/** Two shards must be parts of one run: the same rules, the same checks, the same folder their paths start from. */
function checkAlike(first: Shard, shard: Shard): void {
  const differ = (what: string): never => {
    throw new ConfigError(`made with ${what} than ${first.shown}: the shards are not parts of one run`, `${shard.shown}/${REPORT_FILES.json}`)
  }
  if (shard.report.run.rulesHash !== first.report.run.rulesHash) differ('other rules')
  if (shard.report.run.checked !== first.report.run.checked) differ(shard.report.run.checked ? '--check, not' : 'no --check, unlike')
  const rulesOf = (each: Shard) => JSON.stringify(each.report.run.rules?.map((rule) => path.resolve(each.base, rule)) ?? null)
  if (rulesOf(shard) !== rulesOf(first)) differ('other --rules paths')
  if (shard.base !== first.base) differ(`another working folder (${displayPathOf(shard.base, first.base)})`)
}

/**
 * Each rule's place in the rule set the shards were made with, when that rule set is still there
 * unchanged (its hash says so): the order one run lists its rules in.
 */
function ruleSetOrder(run: StoredReport['run'], base: string): Map<string, number> | undefined {
  try {
    const paths = rulePathsOf(run.rules, base).map((rules) => path.resolve(base, rules))
    const ruleSet = loadRuleSet(paths)
    if (rulesHash(ruleSet.files) !== run.rulesHash) return undefined
    return new Map(ruleSet.rules.map((rule, index) => [rule.id, index]))
  } catch {
    return undefined // changed or gone since: the shards' own tables tell the order
  }
}

/**
 * The rules tables of the shards as one, counts added up, in rule-set order: from the rule set itself when
 * it is unchanged (`order`), else from the tables: each shard lists its rules in that order, so
 * the order of every pair is known from a shard that has both (a rule is placed after those that come
 * before it anywhere); counts are added up.
 */
export function mergeRules(tables: RuleCount[][], order: Map<string, number> | undefined): RuleCount[] {
  const merged = new Map<string, RuleCount>()
  const after = new Map<string, Set<string>>() // rule → rules that come before it in some shard
  for (const table of tables) {
    table.forEach((rule, index) => {
      const known = merged.get(rule.ruleId)
      merged.set(rule.ruleId, known ? { ...known, count: known.count + rule.count } : { ...rule })
      const before = after.get(rule.ruleId) ?? new Set<string>()
      for (const earlier of table.slice(0, index)) before.add(earlier.ruleId)
      after.set(rule.ruleId, before)
    })
  }
  if (order && [...merged.keys()].every((id) => order.has(id))) return [...merged.values()].sort((a, b) => order.get(a.ruleId)! - order.get(b.ruleId)!)
  // Rules defined in one rule set are ordered by where they are defined: file order first as listed, then
  // line and column. That settles the pairs no shard has both of, in the same order the rule set has.
  const place = (rule: RuleCount) => {
    const match = /^(.*):(\d+):(\d+)$/.exec(rule.rule)
    return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]) } : { file: rule.rule, line: 0, column: 0 }
  }
  const fileOrder: string[] = []
  for (const table of tables) for (const rule of table) if (!fileOrder.includes(place(rule).file)) fileOrder.push(place(rule).file)
  const ordered: RuleCount[] = []
  const remaining = [...merged.values()]
  while (remaining.length > 0) {
    // The first rule (by place) nothing remaining must precede.
    const ready = remaining.filter((rule) => ![...(after.get(rule.ruleId) ?? [])].some((id) => remaining.some((other) => other.ruleId === id)))
    const candidates = ready.length > 0 ? ready : remaining
    candidates.sort((a, b) => {
      const [pa, pb] = [place(a), place(b)]
      return fileOrder.indexOf(pa.file) - fileOrder.indexOf(pb.file) || pa.line - pb.line || pa.column - pb.column
    })
    const next = candidates[0]!
    ordered.push(next)
    remaining.splice(remaining.indexOf(next), 1)
  }
  return ordered
}

/** The run's totals, added up again from the merged files and failures. */
function summaryOf(files: StoredFile[], failures: Report['failures'], rules: RuleCount[]): Report['summary'] {
  const summary = {
    files: files.length,
    changedFiles: 0,
    changes: 0,
    accepted: 0,
    rejected: 0,
    skipped: 0,
    findings: 0,
    failed: failures.length,
    rulesFired: rules.filter((rule) => rule.count > 0).length,
  }
  for (const file of files) {
    if (file.changes.length > 0) summary.changedFiles++
    summary.changes += file.changes.length
    summary.accepted += file.changes.filter((change) => change.decision === 'accepted').length
    summary.skipped += file.skipped?.length ?? 0
    summary.rejected += file.skipped?.filter((skip) => skip.reason === 'rejected').length ?? 0
    summary.findings += file.findings?.length ?? 0
  }
  return summary
}

// Code-unit order, as `clean` lists a folder (`Array.prototype.sort`), not the locale's.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Moves a file, or copies it where a rename cannot (another file system). */
function moveFile(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true })
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    copyFileSync(from, to)
    rmSync(from)
  }
}

/** Removes what a shard's run wrote besides its copies, then its folders if nothing else is left in them. */
function removeShard(shard: Shard): void {
  for (const name of [REPORT_FILES.json, REPORT_FILES.diff, REPORT_FILES.markdown, REPORT_FILES.html, MANIFEST])
    rmSync(path.join(shard.folder, name), { force: true })
  const removeEmpty = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory()) removeEmpty(path.join(folder, entry.name))
    if (readdirSync(folder).length === 0) rmdirSync(folder)
  }
  removeEmpty(shard.folder)
}

/** OUT may hold only the shards being merged (and nothing if it is new): a merge never writes over a run. */
function checkOutFolder(outFolder: string, shards: Shard[], cwd: string): void {
  if (!existsSync(outFolder)) return
  if (!statSync(outFolder).isDirectory()) throw new ConfigError('is not a folder', displayPathOf(outFolder, cwd))
  const shardNames = new Set(shards.map((shard) => path.relative(outFolder, shard.folder)))
  for (const name of readdirSync(outFolder)) {
    if (!shardNames.has(name))
      throw new ConfigError(`holds ${JSON.stringify(name)}, which is not one of the shards: merge into a new folder`, displayPathOf(outFolder, cwd))
  }
}

/**
 * Joins the output folders of a sharded run (`clean --out OUT/shard-N` on parts of the files) into OUT as
 * one run over all of them writes it: the copies moved to their places, one report.json and one
 * changes.diff with the files in the order one run takes them (by path), the same ids (a change's id
 * hashes the copy's place, which is the same in a shard), and the totals added up. The shards' own
 * reports and the folders left empty are removed.
 */
export function mergeShards(outFolder: string, shardFolders: string[], cwd: string): StoredReport {
  if (shardFolders.length === 0) throw new ConfigError('name the shards to merge (the --out folders of the sharded runs)', 'report merge')
  if (decisionsInAny(shardFolders))
    throw new ConfigError('has a decisions.json: a shard is a fresh run of its part; merge before deciding', displayPathOf(decisionsInAny(shardFolders)!, cwd))
  const shards = shardFolders.map((folder) => readShard(folder, cwd))
  for (const shard of shards.slice(1)) checkAlike(shards[0]!, shard)
  checkOutFolder(outFolder, shards, cwd)
  const base = shards[0]!.base
  const entries: { file: StoredFile; shard: Shard }[] = []
  const copies = new Map<string, Shard>()
  for (const shard of shards) {
    for (const file of shard.report.files) {
      const earlier = copies.get(file.copy)
      if (earlier) throw new ConfigError(`${file.copy} is in ${earlier.shown} too: a file may be in one shard only`, shard.shown)
      copies.set(file.copy, shard)
      entries.push({ file, shard })
    }
  }
  entries.sort((a, b) => byCodeUnits(a.file.path, b.file.path))
  const failures = shards.flatMap((shard) => shard.report.failures).sort((a, b) => byCodeUnits(a.path, b.path))
  const rules = mergeRules(
    shards.map((shard) => shard.report.rules),
    ruleSetOrder(shards[0]!.report.run, shards[0]!.base),
  )
  const files = entries.map((entry) => entry.file)
  const inputs = [...new Set(shards.flatMap((shard) => shard.report.run.inputs))].sort(byCodeUnits)
  const first = shards[0]!.report.run
  const merged: StoredReport = {
    version: REPORT_VERSION,
    run: { base: displayPathOf(base, outFolder), inputs, rules: first.rules, rulesHash: first.rulesHash, checked: first.checked },
    summary: summaryOf(files, failures, rules),
    rules,
    files,
    failures,
  }
  mkdirSync(outFolder, { recursive: true })
  for (const { file, shard } of entries) {
    const from = path.join(shard.folder, file.copy)
    if (existsSync(from)) moveFile(from, path.join(outFolder, file.copy))
  }
  // Each file's part of the diff is made again from its texts, as `clean` made it: nothing is parsed.
  const diff = files
    .map((file) => {
      const texts = runTexts(file, path.resolve(base, file.path), path.join(outFolder, file.copy))
      if (!texts)
        throw new ConfigError(
          `${file.path}: the source changed since the shard's run and its cleaned copy is gone or changed; run the shard again`,
          displayPathOf(outFolder, cwd),
        )
      return recordDiff(file.path, texts, file.changes)
    })
    .join('')
  writeFileAtomic(path.join(outFolder, REPORT_FILES.diff), diff)
  writeFileAtomic(path.join(outFolder, REPORT_FILES.json), jsonReport(merged))
  const written = [...files.map((file) => path.join(outFolder, file.copy)), path.join(outFolder, REPORT_FILES.diff), path.join(outFolder, REPORT_FILES.json)]
  writeFileAtomic(path.join(outFolder, MANIFEST), manifestContent(outFolder, written))
  for (const shard of shards) removeShard(shard)
  return merged
}

function decisionsInAny(folders: string[]): string | undefined {
  return folders.map((folder) => decisionsPath(folder)).find((file) => existsSync(file))
}

#!/usr/bin/env node
// npm run fuzz [-- --seconds 60 --seed 1]
// Feeds random and mutated input to the rule loader, the engine and the checks for a bounded time, and
// hostile rule files (issue 14): slow patterns, patterns that match the empty string, replacements with
// $' and $`, rules that undo each other, each then run on hostile texts (long runs, `abab…`).
// A rule file may be refused (a ConfigError naming file:line:column is a clean message); anything else
// thrown is a crash. Each input gets a time budget too: one that takes longer counts as a hang (loading
// a rule file has recheck's budget for each of its patterns on top: judging a new pattern takes 0.3-3 s).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = path.resolve(import.meta.dirname, '..')
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string', default: '1' } } })
const { parseRuleSource } = await import(path.join(ROOT, 'dist/rules/load.js'))
const { compileRules } = await import(path.join(ROOT, 'dist/rules/compile.js'))
const { loadRuleSet } = await import(path.join(ROOT, 'dist/rules/load.js'))
const { ConfigError, ConfigErrors } = await import(path.join(ROOT, 'dist/model/errors.js'))
const { unsettledRules } = await import(path.join(ROOT, 'dist/rules/settle.js'))
const { RECHECK_BUDGET_MS } = await import(path.join(ROOT, 'dist/rules/redos.js'))
const { cleanText } = await import(path.join(ROOT, 'dist/engine/clean.js'))
const { createChecker } = await import(path.join(ROOT, 'dist/checks/index.js'))

let state = Number(values.seed) || 1
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = (list) => list[Math.floor(random() * list.length)]

const ruleTexts = readdirSync(path.join(ROOT, 'rules'))
  .filter((name) => name !== 'gazetteer.yaml')
  .map((name) => readFileSync(path.join(ROOT, 'rules', name), 'utf8'))
const seedTexts = readdirSync(path.join(ROOT, 'seeds')).map((name) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8'))
const PIECES = [
  '\n',
  ' ',
  '-',
  '.',
  ':',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '#',
  '*',
  '&',
  '|',
  '>',
  '(?<=',
  ')',
  '+',
  '\\',
  '\u0000',
  '\uFEFF',
  '\r\n',
  '😀',
  '王毅',
  'Ravorov',
  'Xi',
  '**',
  '.Essence',
  ' -',
  ' ,',
  'variants:',
  '  - ',
]

/** A copy of `text` with a few random edits: insertions of pieces, deletions, duplications. */
function mutate(text) {
  let out = text
  const edits = 1 + Math.floor(random() * 8)
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * (out.length + 1))
    const kind = random()
    if (kind < 0.5) out = out.slice(0, at) + pick(PIECES) + out.slice(at)
    else if (kind < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 20))
    else out = out.slice(0, at) + out.slice(at, at + 40) + out.slice(at)
  }
  return out
}

const randomText = () =>
  Array.from({ length: Math.floor(random() * 60) }, () =>
    random() < 0.3 ? pick(PIECES) : String.fromCodePoint(32 + Math.floor(random() * (random() < 0.9 ? 95 : 0x3000))),
  ).join('')

const ruleSet = loadRuleSet([path.join(ROOT, 'rules')])
// The verdicts on the generated patterns stay in memory: the cache folder keeps the project's only.
process.env.MTCLEAN_NO_CACHE = '1'
const checker = createChecker(ruleSet)
const counts = { rules: 0, refused: 0, hostile: 0, hostileRefused: 0, texts: 0, crashes: 0, hangs: 0 }
const crashes = []
const budgetMs = 2000

/** A rule file's text as `loadRuleSet` takes it: parsed, validated and compiled, and refused if it does not settle. */
function loadText(yaml) {
  const compiled = compileRules(parseRuleSource(yaml, 'rules/fuzz.yaml').rules)
  const unsettled = unsettledRules(compiled)
  if (unsettled.length > 0) throw new ConfigErrors(unsettled)
  return compiled
}
const ruleBudget = (yaml) => budgetMs + RECHECK_BUDGET_MS * (yaml.match(/pattern:/g)?.length ?? 0)

function attempt(kind, input, run, budget = budgetMs) {
  const started = performance.now()
  let result
  try {
    result = run()
  } catch (error) {
    if (kind === 'rules' && (error instanceof ConfigError || error instanceof ConfigErrors)) {
      counts.refused++
      const lines = error instanceof ConfigErrors ? error.errors.map((each) => each.format()) : [error.format()]
      if (!lines.every((line) => /^rules\/fuzz\.yaml(:\d+:\d+)?: \S/.test(line) && !line.includes('\n')))
        crashes.push({ kind, input, error: `unclean message: ${lines[0]}` })
    } else {
      counts.crashes++
      crashes.push({ kind, input, error: String(error?.stack ?? error) })
    }
  }
  if (performance.now() - started > budget) {
    counts.hangs++
    crashes.push({ kind, input, error: `took ${Math.round(performance.now() - started)} ms` })
  }
  return result
}

// Hostile rule files: patterns built from the pieces of the slow and empty ones named in issue 14,
// replacements that copy the text around a match, entities and patterns that undo each other.
const PATTERN_PIECES = [
  '\\w*',
  '\\w+',
  '[a-z]+',
  '[a-z]*',
  '\\d',
  '(a*)',
  '(a+)',
  '\\1',
  '\\1*',
  ' +',
  ' *',
  '$',
  '^',
  'x*',
  'a',
  'b',
  'ab',
  'ba',
  '!',
  '(?<=a)',
  '(?=b)',
  '(?:a|ab)*',
  '(?:a|a)*',
  '.*',
  '.+',
  '\\s+',
  '-',
  '(?<=\\p{L} +)',
  '+',
  '*',
  '?',
  '|',
  '(',
  ')',
  'U\\.S\\.',
]
const REPLACE_PIECES = ['', 'x', '$1', '$&', "$'", '$`', '$$', '$<n>', 'aa', '$2', '$10', 'United States']
const KNOWN_HOSTILE = ['\\w*\\w*\\w*\\w*\\w*\\w*!', '[a-z]+[a-z]+[a-z]+[a-z]+\\d', '(a*)\\1*b', ' +$', 'x*', '(a+)+$']
const HOSTILE_TEXTS = [
  `a${' '.repeat(50_000)}x`,
  `${'a'.repeat(50_000)}!`,
  'ab'.repeat(25_000),
  `${'0'.repeat(50_000)}\u0000`,
  'U.S.A. and the U.S. '.repeat(2_000),
  `China${' '.repeat(50_000)}-Russia, Moscow${' '.repeat(50_000)}, and`,
]
const quote = (text) => JSON.stringify(text)
const randomPattern = () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(PATTERN_PIECES)).join('')
function hostileRuleFile(index) {
  const pattern = index < KNOWN_HOSTILE.length ? KNOWN_HOSTILE[index] : randomPattern()
  const replace = Array.from({ length: Math.floor(random() * 3) }, () => pick(REPLACE_PIECES)).join('')
  const lines = ['patterns:', `  - {id: p, category: artifact, pattern: ${quote(pattern)}, replace: ${quote(replace)}}`]
  if (random() < 0.3) lines.push(`  - {id: back, category: person, pattern: 'Lavrov', replace: ${quote(pick(['Ravorov', 'Lavrov', 'LAVROV', 'Lavrovv']))}}`)
  if (random() < 0.4)
    lines.unshift(
      'entities:',
      `  - {id: lavrov, canonical: Lavrov, category: person, variants: [Ravorov, ${quote(pick(['U.S.', 'United Zard', 'ab', 'Rafrov']))}]}`,
    )
  return `${lines.join('\n')}\n`
}

const deadline = Date.now() + Number(values.seconds) * 1000
for (let round = 0; Date.now() < deadline; round++) {
  const hostile = hostileRuleFile(round)
  counts.hostile++
  const refusedBefore = counts.refused
  const hostileSet = attempt('rules', hostile, () => loadText(hostile), ruleBudget(hostile))
  if (counts.refused > refusedBefore) counts.hostileRefused++
  for (const text of hostileSet ? HOSTILE_TEXTS : []) attempt('text', `${hostile}\n---\n${text.slice(0, 80)}…`, () => cleanText(text, hostileSet))
  if (Date.now() >= deadline) break

  const yaml = random() < 0.8 ? mutate(pick(ruleTexts)) : randomText()
  counts.rules++
  attempt('rules', yaml, () => loadText(yaml), ruleBudget(yaml))
  const text = random() < 0.7 ? mutate(pick(seedTexts).slice(0, 3000)) : randomText()
  counts.texts++
  attempt('text', text, () => {
    cleanText(text, ruleSet)
    checker.check(text)
  })
}

console.log(
  `${counts.rules + counts.hostile} rule files (${counts.refused} refused with a clean message), of which ${counts.hostile} hostile (${counts.hostileRefused} refused, the others run on ${HOSTILE_TEXTS.length} hostile texts); ${counts.texts} texts; ${counts.crashes} crash(es), ${counts.hangs} hang(s)`,
)
for (const crash of crashes.slice(0, 5))
  console.log(`\n${crash.kind}: ${JSON.stringify(crash.input).slice(0, 300)}\n${crash.error.split('\n').slice(0, 6).join('\n')}`)
process.exitCode = crashes.length > 0 ? 1 : 0

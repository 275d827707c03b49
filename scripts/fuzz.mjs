#!/usr/bin/env node
// npm run fuzz [-- --seconds 60 --seed 1]
// Feeds random and mutated input to the rule loader, the engine and the checks for a bounded time.
// A rule file may be refused (a ConfigError naming file:line:column is a clean message); anything else
// thrown is a crash. Each input gets a time budget too: one that takes longer counts as a hang.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = path.resolve(import.meta.dirname, '..')
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string', default: '1' } } })
const { parseRuleSource } = await import(path.join(ROOT, 'dist/rules/load.js'))
const { compileRules } = await import(path.join(ROOT, 'dist/rules/compile.js'))
const { loadRuleSet } = await import(path.join(ROOT, 'dist/rules/load.js'))
const { ConfigError, ConfigErrors } = await import(path.join(ROOT, 'dist/errors.js'))
const { cleanText } = await import(path.join(ROOT, 'dist/clean.js'))
const { createChecker } = await import(path.join(ROOT, 'dist/checks/index.js'))

let state = Number(values.seed) || 1
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)
const pick = (list) => list[Math.floor(random() * list.length)]

const ruleTexts = readdirSync(path.join(ROOT, 'rules')).filter((name) => name !== 'gazetteer.yaml').map((name) => readFileSync(path.join(ROOT, 'rules', name), 'utf8'))
const seedTexts = readdirSync(path.join(ROOT, 'seeds')).map((name) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8'))
const PIECES = ['\n', ' ', '-', '.', ':', '"', "'", '[', ']', '{', '}', '#', '*', '&', '|', '>', '(?<=', ')', '+', '\\', '\u0000', '\uFEFF', '\r\n', '😀', '王毅', 'Ravorov', 'Xi', '**', '.Essence', ' -', ' ,', 'variants:', '  - ']

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

const randomText = () => Array.from({ length: Math.floor(random() * 60) }, () => (random() < 0.3 ? pick(PIECES) : String.fromCodePoint(32 + Math.floor(random() * (random() < 0.9 ? 95 : 0x3000))))).join('')

const ruleSet = loadRuleSet([path.join(ROOT, 'rules')])
const checker = createChecker(ruleSet)
const counts = { rules: 0, refused: 0, texts: 0, crashes: 0, hangs: 0 }
const crashes = []
const budgetMs = 2000

function attempt(kind, input, run) {
  const started = performance.now()
  try {
    run()
  } catch (error) {
    if (kind === 'rules' && (error instanceof ConfigError || error instanceof ConfigErrors)) {
      counts.refused++
      const lines = error instanceof ConfigErrors ? error.errors.map((each) => each.format()) : [error.format()]
      if (!lines.every((line) => /^rules\/fuzz\.yaml(:\d+:\d+)?: \S/.test(line) && !line.includes('\n'))) crashes.push({ kind, input, error: `unclean message: ${lines[0]}` })
    } else {
      counts.crashes++
      crashes.push({ kind, input, error: String(error?.stack ?? error) })
    }
  }
  if (performance.now() - started > budgetMs) {
    counts.hangs++
    crashes.push({ kind, input, error: `took ${Math.round(performance.now() - started)} ms` })
  }
}

const deadline = Date.now() + Number(values.seconds) * 1000
while (Date.now() < deadline) {
  const yaml = random() < 0.8 ? mutate(pick(ruleTexts)) : randomText()
  counts.rules++
  attempt('rules', yaml, () => compileRules(parseRuleSource(yaml, 'rules/fuzz.yaml').rules))
  const text = random() < 0.7 ? mutate(pick(seedTexts).slice(0, 3000)) : randomText()
  counts.texts++
  attempt('text', text, () => {
    cleanText(text, ruleSet)
    checker.check(text)
  })
}

console.log(`${counts.rules} rule files (${counts.refused} refused with a clean message), ${counts.texts} texts; ${counts.crashes} crash(es), ${counts.hangs} hang(s)`)
for (const crash of crashes.slice(0, 5)) console.log(`\n${crash.kind}: ${JSON.stringify(crash.input).slice(0, 300)}\n${crash.error.split('\n').slice(0, 6).join('\n')}`)
process.exitCode = crashes.length > 0 ? 1 : 0

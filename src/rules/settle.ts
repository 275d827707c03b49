import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanText } from '../engine/clean.js'
import { ConfigError, formatLocation } from '../model/errors.js'
import { derivedForms } from '../match/entity-matcher.js'
import type { RuleSet } from '../match/rule-set.js'
import type { Rule } from '../model/rule.js'
import { remembered } from './verdicts.js'

/** A text the rule set names itself, with the rule that names it. */
interface Probe {
  text: string
  rule: Rule
}

// `$1`, `$<name>`, `$&`, `$$`: what a replacement takes from the match, left out of its literal text.
const TEMPLATE_TOKEN = /\$(?:\d{1,2}|<[^>]*>|[&$`'])/gu

/**
 * The texts a rule set names: its examples, its canonical forms and variants (and their capitals and
 * hyphen forms, see derivedForms), and what each pattern
 * writes (its replacement with the groups left out). A rule set that settles leaves each of them alone
 * once it has cleaned it; one that undoes itself does not (an entity and a pattern that turn a name into
 * each other, a pattern whose output it matches again, like `a` → `aa`).
 */
function probesOf(rules: Rule[]): Probe[] {
  const probes: Probe[] = []
  for (const rule of rules) {
    for (const example of rule.examples) probes.push({ text: example.before, rule })
    if (rule.kind === 'entity') {
      probes.push({ text: rule.canonical, rule })
      for (const variant of rule.variants) {
        for (const text of [variant.text, ...derivedForms(variant)]) probes.push({ text, rule })
      }
    } else {
      const literal = rule.replace.replace(TEMPLATE_TOKEN, '')
      if (literal.trim()) probes.push({ text: literal, rule })
    }
  }
  return probes
}

const cleaned = (text: string, ruleSet: RuleSet): string => cleanText(text, ruleSet).output

/**
 * Rules that never settle: cleaning one of the rule set's own texts (probesOf) and cleaning the result
 * again changes it again, so every run would flip the text. One error per pair of rules, at the rule that
 * changes the text the second time. All probes are cleaned as one text first (two scans, the usual
 * case); only if that text changes again is each probe cleaned alone to find the rules.
 */
export function unsettledRules(ruleSet: RuleSet): ConfigError[] {
  // A rule set found to settle is kept as such (verdicts.ts): a run with the same rules and the same
  // matching code skips the check (50-80 ms, most of it the engine's first compile of every regex).
  let errors: ConfigError[] | undefined
  const input = `settles\u0000${engineFingerprint()}\u0000${JSON.stringify(ruleSet.rules)}`
  const settles = remembered(
    input,
    () => (errors = findUnsettled(ruleSet)).length === 0,
    (settled) => settled,
  )
  return settles ? [] : (errors ?? findUnsettled(ruleSet))
}

let fingerprint: string | undefined
/** The code that decides what cleaning does (the matchers, the applier, cleanText, this check). */
function engineFingerprint(): string {
  if (fingerprint) return fingerprint
  const here = path.dirname(fileURLToPath(import.meta.url))
  const extension = path.extname(fileURLToPath(import.meta.url))
  const match = path.join(here, '../match')
  const files = [
    ...readdirSync(match)
      .filter((name) => name.endsWith(extension) && !name.includes('.test.'))
      .sort()
      .map((name) => path.join(match, name)),
    path.join(here, `../apply/apply${extension}`),
    path.join(here, `../engine/clean${extension}`),
    path.join(here, `settle${extension}`),
  ]
  const hash = createHash('sha256')
  for (const file of files) hash.update(readFileSync(file))
  fingerprint = hash.digest('hex')
  return fingerprint
}

function findUnsettled(ruleSet: RuleSet): ConfigError[] {
  const probes = probesOf(ruleSet.rules)
  const joined = probes.map((probe) => probe.text).join('\n\n')
  const once = cleaned(joined, ruleSet)
  if (cleanText(once, ruleSet).applied.length === 0) return []

  const errors: ConfigError[] = []
  const reported = new Set<string>()
  for (const probe of probes) {
    const first = cleanText(probe.text, ruleSet)
    const second = cleanText(first.output, ruleSet)
    const again = second.applied[0]
    if (!again) continue
    const firstRules = [...new Set(first.applied.map((change) => change.rule))]
    const pair = `${firstRules.map((rule) => rule.id).join(',')}>${again.rule.id}`
    if (reported.has(pair)) continue
    reported.add(pair)
    const by = firstRules.map((rule) => `"${rule.id}" (${formatLocation(rule.location)})`).join(' and ')
    const steps = [probe.text, first.output, second.output].map((text) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)).join(' → ')
    const { file, line, column } = again.rule.location
    errors.push(
      new ConfigError(
        `rules do not settle: "${again.rule.id}" changes what ${by} wrote (${steps}): a second run would change the text again`,
        file,
        line,
        column,
      ),
    )
  }
  return errors
}

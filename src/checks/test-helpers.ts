import { readFileSync } from 'node:fs'
import retextEnglish from 'retext-english'
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { RuleSet } from '../match/rule-set.js'
import { compileRules } from '../rules/compile.js'
import { parseRuleSource } from '../rules/load.js'
import { Knowledge } from './knowledge.js'
import type { Check, CheckOptions } from './options.js'

// A small rule set for the checks' unit tests: a few entities, known names and gazetteer entries.
const RULES = `
entities:
  - id: lavrov
    canonical: Lavrov
    zh: 拉夫罗夫
    category: person
    variants: [Ravorov, Rafrov]
  - id: blinken
    canonical: Blinken
    zh: 布林肯
    category: person
    variants: [Brillings]
names: [YouTube, WeChat, PetroChina]
gazetteer:
  - name: Kuleba
    zh: 库列巴
    category: person
  - name: Macron
    full: Emmanuel Macron
    zh: 马克龙
    category: person
  - name: Wang Yi
    zh: 王毅
    category: person
`

let cached: { ruleSet: RuleSet; knowledge: Knowledge } | undefined
export function testKnowledge(): { ruleSet: RuleSet; knowledge: Knowledge } {
  if (!cached) {
    const { rules, ...knowledge } = parseRuleSource(RULES, 'rules/test.yaml')
    const ruleSet = compileRules(rules, ['rules/test.yaml'], knowledge)
    cached = { ruleSet, knowledge: new Knowledge(ruleSet) }
  }
  return cached
}

/** Runs one check plugin on a text; returns the messages as strings (`line:column-line:column: reason`). */
export function runCheck(check: Check, text: string, options: Partial<Pick<CheckOptions, 'unknown' | 'corpus'>> = {}): VFile {
  const { ruleSet, knowledge } = testKnowledge()
  const processor = unified()
    .use(retextEnglish)
    .use(() => check({ ruleSet, knowledge, unknown: options.unknown ?? false, corpus: options.corpus }))
  const file = new VFile({ value: text })
  processor.runSync(processor.parse(file), file)
  return file
}

export const messagesOf = (check: Check, text: string, options?: Partial<Pick<CheckOptions, 'unknown' | 'corpus'>>): string[] =>
  runCheck(check, text, options).messages.map(String)

let realSentences: Map<string, string> | undefined
/**
 * A sentence of the real MT dev set copied as a fixture (test/fixtures/real-mt/sentences.txt, which names
 * the source): line `line` of translation `translation` (`ref.A` or a system's name).
 */
export function realSentence(translation: string, line: number): string {
  if (!realSentences) {
    realSentences = new Map()
    const text = readFileSync(new URL('../../test/fixtures/real-mt/sentences.txt', import.meta.url), 'utf8')
    for (const [, name, number, sentence] of text.matchAll(/^@ (\S+) line (\d+)\n(.*)$/gmu)) realSentences.set(`${name} ${number}`, sentence!)
  }
  const sentence = realSentences.get(`${translation} ${line}`)
  if (sentence === undefined) throw new Error(`no fixture sentence ${translation} line ${line}`)
  return sentence
}

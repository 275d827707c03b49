import retextEnglish from 'retext-english'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { compileRules } from '../rules/compile.js'
import { parseRuleSource } from '../rules/load.js'
import { ambiguousTerms } from './ambiguous-terms.js'
import { Knowledge } from './knowledge.js'
import { realSentence } from './test-helpers.js'

// The project's `exercise` rule, as in rules/terms.yaml: `Xi` (演习) is an exercise only in listed contexts.
const RULES = `
entities:
  - id: exercise
    canonical: exercise
    zh: 演习
    category: term
    variants:
      - text: Xi
        after: [combat, joint, military]
        notBefore: [Jinping, Xi]
      - text: Xi
        before: [venue, venues]
      - text: Xi exercise
        after: [the, this, that, a, an]
  - id: lavrov
    canonical: Lavrov
    category: person
    variants:
      - text: Ravorov
        notAfter: [the]
`

function messagesOf(text: string): string[] {
  const { rules, ...knowledge } = parseRuleSource(RULES, 'rules/test.yaml')
  const ruleSet = compileRules(rules, ['rules/test.yaml'], knowledge)
  const processor = unified()
    .use(retextEnglish)
    .use(() => ambiguousTerms({ ruleSet, knowledge: new Knowledge(ruleSet), unknown: false }))
  const file = new VFile({ value: text })
  processor.runSync(processor.parse(file), file)
  return file.messages.map((message) => `${String(message)} → ${message.expected?.join(' | ') ?? ''}`)
}

describe('ambiguous-term', () => {
  it('points at a contextual term garble after an article, in a context no rule lists', () => {
    expect(messagesOf('The navies said the Xi will be held in August, and a Xi of this size is rare.')).toEqual([
      '1:21-1:23: `Xi` after `the` is not a name: possibly `exercise` (rule exercise fixes it only in the contexts it lists) → exercise',
      '1:54-1:56: `Xi` after `a` is not a name: possibly `exercise` (rule exercise fixes it only in the contexts it lists) → exercise',
    ])
  })

  it('leaves the name alone: no article, the full name, a noun the name qualifies, or what a rule fixes', () => {
    expect(
      messagesOf(
        'President Xi said so. The Xi Jinping era began; the Xi administration and a Xi speech. ' +
          'The Xi venue and the Xi exercise are the rule’s. The combat Xi too. The Ravorov is a person rule.',
      ),
    ).toEqual([])
  })

  // Sentences of a professional translation (WMT21 newstest2021 zh-en, ref.A: test/fixtures/real-mt/sentences.txt).
  it('leaves names and places of real news alone', () => {
    for (const line of [855, 1250, 1485]) expect(messagesOf(realSentence('ref.A', line)), `ref.A line ${line}`).toEqual([])
  })
})

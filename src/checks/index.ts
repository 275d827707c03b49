import type { Root } from 'nlcst'
import retextEnglish from 'retext-english'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import type { RuleSet } from '../rules/compile.js'
import { artifacts } from './artifacts.js'
import { fragments } from './fragments.js'
import { knownVariants } from './known-variants.js'
import { Knowledge } from './knowledge.js'
import { missingSpace } from './missing-space.js'
import type { Check, CheckOptions } from './options.js'
import { repeatedPhrases } from './repeated-phrases.js'
import { repeatedWords } from './repeated-words.js'
import { runTogether } from './run-together.js'
import { spaceBeforePunctuation } from './space-before-punctuation.js'
import { suspectNames } from './suspect-names.js'
import { truncated } from './truncated.js'

/**
 * The one table of checks: each a retext plugin in its own file. The rule ids a check reports are listed
 * with it (docs/checks.md has a section for each).
 */
export const CHECKS: { plugin: Check; ruleIds: string[]; summary: string }[] = [
  { plugin: missingSpace, ruleIds: ['missing-space'], summary: 'a sentence glued to the next without a space' },
  { plugin: runTogether, ruleIds: ['run-together'], summary: 'two words run together (promotionThe)' },
  { plugin: repeatedWords, ruleIds: ['repeated-word'], summary: 'a word said twice (new new)' },
  { plugin: repeatedPhrases, ruleIds: ['repeated-phrase'], summary: 'a phrase said twice' },
  { plugin: fragments, ruleIds: ['fragment'], summary: 'a fragment left by a broken join' },
  { plugin: artifacts, ruleIds: ['mt-artifact'], summary: 'machine-translation leftovers (Essence, **)' },
  { plugin: spaceBeforePunctuation, ruleIds: ['space-before-punctuation'], summary: 'a space before a comma or in a possessive' },
  { plugin: truncated, ruleIds: ['truncated'], summary: 'a text that ends mid-word' },
  { plugin: knownVariants, ruleIds: ['known-variant'], summary: 'a known variant a rule will fix' },
  { plugin: suspectNames, ruleIds: ['suspect-name', 'unknown-word'], summary: 'an unknown word that looks like a garbled name' },
]

export interface Checker {
  /** Runs every check on one text; the messages are on the returned file, sorted by place. */
  check(text: string, path?: string): VFile
}

/** Builds the retext pipeline once (the dictionary is loaded here, once per run). */
export function createChecker(ruleSet: RuleSet, options: { unknown?: boolean } = {}): Checker {
  const checkOptions: CheckOptions = { ruleSet, knowledge: new Knowledge(ruleSet), unknown: options.unknown ?? false }
  const processor = CHECKS.reduce<Processor<Root, Root, Root>>(
    (pipeline, { plugin }) => pipeline.use(() => plugin(checkOptions)) as unknown as Processor<Root, Root, Root>,
    unified().use(retextEnglish) as unknown as Processor<Root, Root, Root>,
  ).freeze()
  return {
    check(text, path) {
      const file = new VFile({ value: text, path })
      processor.runSync(processor.parse(file), file)
      file.messages.sort((a, b) => (a.place && 'start' in a.place && b.place && 'start' in b.place ? (a.place.start.offset ?? 0) - (b.place.start.offset ?? 0) : 0))
      return file
    },
  }
}

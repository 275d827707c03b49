import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import type { RuleSet } from '../match/rule-set.js'
import type { CorpusSpelling } from './corpus.js'
import type { Knowledge } from './knowledge.js'

/** What every check plugin is given: built once per run. */
export interface CheckOptions {
  ruleSet: RuleSet
  knowledge: Knowledge
  /** List unknown words that resemble no known name too (`--unknown`). */
  unknown: boolean
  /** Rarer spellings of the corpus checked, by the rarer (a first pass over a folder): none for one text. */
  corpus?: ReadonlyMap<string, CorpusSpelling>
}

export type Check = (options: CheckOptions) => (tree: Root, file: VFile) => void

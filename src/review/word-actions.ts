import path from 'node:path'
import { ConfigError, ConfigErrors } from '../model/errors.js'
import { writeOutputs } from '../io/write.js'
import type { FindingItem } from './session.js'
import type { Category } from '../model/rule.js'

// What a reviewer can do with a finding besides fixing the text: say the word is right, or make a rule.
// Both write the project's rule files as `mtclean names add` and `mtclean rules add` do (comments kept),
// and say in one line what they did; a refusal is said, not thrown, so the review goes on. The terminal
// review and the web review both act through these.

/** What a word action did: `done` is false when it was refused and nothing was written. */
export interface WordActionResult {
  done: boolean
  message: string
}

const refused = (error: unknown): WordActionResult => {
  if (error instanceof ConfigErrors) return { done: false, message: `Not written: ${error.errors.map((each) => each.format()).join('; ')}` }
  if (error instanceof ConfigError) return { done: false, message: `Not written: ${error.format()}` }
  throw error
}

/** Adds the word to the project's names list: no check flags it again. */
export async function keepWord(rulePaths: string[], word: string): Promise<WordActionResult> {
  const { addNames, projectNamesFile } = await import('../authoring/names-edit.js')
  try {
    const file = projectNamesFile({ rules: rulePaths, cwd: process.cwd() })
    const { added } = addNames(file, [word])
    const shown = path.relative(process.cwd(), file)
    return { done: true, message: added.length > 0 ? `Kept: ${word} added to ${shown}.` : `${word} is in ${shown} already.` }
  } catch (error) {
    return refused(error)
  }
}

/** The check a finding comes from decides what kind of rule a suggestion makes. */
export const CATEGORY_OF: Record<string, Category> = { 'suspect-name': 'person' }

/**
 * Makes `canonical` (the finding's first suggestion unless a person edited it) the canonical form of the
 * flagged word: a new variant, or a new entity. The rule set after the edit is validated as `rules add`
 * validates it; a rule set that would not be valid is refused and nothing is written.
 */
export async function makeRule(rulePaths: string[], finding: FindingItem, canonical = finding.expected[0]): Promise<WordActionResult> {
  const wanted = canonical?.trim()
  if (!wanted) return { done: false, message: 'No suggestion to make a rule of: use `mtclean rules add --canonical … --variant …`.' }
  const { planAddTo } = await import('../authoring/edit.js')
  try {
    const edits = planAddTo(rulePaths, [{ canonical: wanted, variants: [finding.actual], category: CATEGORY_OF[finding.ruleId] ?? 'term' }])
    writeOutputs(edits.map((edit) => ({ path: edit.file, content: edit.after })))
    const files = edits.map((edit) => path.relative(process.cwd(), edit.file)).join(', ')
    return {
      done: true,
      message:
        edits.length > 0
          ? `Rule made: ${finding.actual} → ${wanted} in ${files}; \`mtclean clean\` applies it.`
          : `${finding.actual} → ${wanted} is a rule already.`,
    }
  } catch (error) {
    return refused(error)
  }
}

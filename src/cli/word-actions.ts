import path from 'node:path'
import { ConfigError, ConfigErrors } from '../errors.js'
import { writeOutputs } from '../io/write.js'
import type { FindingItem } from '../review/session.js'
import type { Category } from '../rules/types.js'

// What a reviewer can do with a finding besides fixing the text: say the word is right, or make a rule.
// Both write the project's rule files as `mtclean names add` and `mtclean rules add` do (comments kept),
// and say in one line what they did; a refusal is said, not thrown, so the review goes on.

const failure = (error: unknown): string => {
  if (error instanceof ConfigErrors) return `Not written: ${error.errors.map((each) => each.format()).join('; ')}`
  if (error instanceof ConfigError) return `Not written: ${error.format()}`
  throw error
}

/** Adds the word to the project's names list: no check flags it again. */
export async function keepWord(rulePaths: string[], word: string): Promise<string> {
  const { addNames, projectNamesFile } = await import('../rules/names-edit.js')
  try {
    const file = projectNamesFile({ rules: rulePaths, cwd: process.cwd() })
    const { added } = addNames(file, [word])
    const shown = path.relative(process.cwd(), file)
    return added.length > 0 ? `Kept: ${word} added to ${shown}.` : `${word} is in ${shown} already.`
  } catch (error) {
    return failure(error)
  }
}

/** The check a finding comes from decides what kind of rule a suggestion makes. */
const CATEGORY_OF: Record<string, Category> = { 'suspect-name': 'person' }

/** Makes the finding's suggestion the canonical form of the flagged word (a new variant, or a new entity). */
export async function makeRule(rulePaths: string[], finding: FindingItem): Promise<string> {
  const canonical = finding.expected[0]
  if (!canonical) return 'No suggestion to make a rule of: use `mtclean rules add --canonical … --variant …`.'
  const { planAddTo } = await import('../rules/edit.js')
  try {
    const edits = planAddTo(rulePaths, [{ canonical, variants: [finding.actual], category: CATEGORY_OF[finding.ruleId] ?? 'term' }])
    writeOutputs(edits.map((edit) => ({ path: edit.file, content: edit.after })))
    const files = edits.map((edit) => path.relative(process.cwd(), edit.file)).join(', ')
    return edits.length > 0 ? `Rule made: ${finding.actual} → ${canonical} in ${files}; \`mtclean clean\` applies it.` : `${finding.actual} → ${canonical} is a rule already.`
  } catch (error) {
    return failure(error)
  }
}

import { createRequire } from 'node:module'
import type { Alternative, Element } from '@eslint-community/regexpp/ast'

// regexpp (the parser ESLint uses for regular expressions) loads in 6 ms: only on the first pattern.
const require = createRequire(import.meta.url)
const regexpp = (): typeof import('@eslint-community/regexpp') => require('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp')

const isSingleCharacter = (element: Element): boolean => element.type === 'Character' || element.type === 'CharacterSet' || element.type === 'CharacterClass'

/** Whether an alternative opens with a greedy `A+` (A one character or class) and ends with a lookbehind. */
function leadingRunToGuard(alternative: Alternative): { atom: string; rest: string } | null {
  const first = alternative.elements[0]
  const last = alternative.elements[alternative.elements.length - 1]
  if (first?.type !== 'Quantifier' || first.min !== 1 || first.max !== Infinity || !first.greedy) return null
  if (!isSingleCharacter(first.element)) return null
  if (!last || last === first || last.type !== 'Assertion' || last.kind !== 'lookbehind') return null
  return { atom: first.element.raw, rest: alternative.raw.slice(first.raw.length) }
}

/**
 * The rule files' recommended form, what a pattern consumes first and its lookbehind last (` +-(?=\p{L})(?<=\p{L} +-)`,
 * docs/rules.md), is fast on news but quadratic on a long run of the character it opens with: the engine
 * tries a match at every character of the run and each try scans the rest of it (40,000 spaces took
 * 0.5 s, a megabyte would take minutes). Rewritten as `A(?<!AA)A*…`, a match may start only where the run
 * starts, which makes it linear and keeps its speed. A leftmost match found inside a run is also found
 * from the run's start, so what matches is unchanged (the run is not a capture group; only a match that
 * could begin right where the previous one ended, inside a run, is no longer found).
 * Other patterns are returned as written: the ReDoS check judges them as they are.
 */
export function guardLeadingRuns(source: string): string {
  let pattern
  try {
    pattern = new (regexpp().RegExpParser)({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true })
  } catch {
    return source // not valid: compiling it reports the error
  }
  const rewritten = pattern.alternatives.map((alternative) => {
    const run = leadingRunToGuard(alternative)
    return run ? `${run.atom}(?<!${run.atom}${run.atom})${run.atom}*${run.rest}` : alternative.raw
  })
  return rewritten.join('|')
}

// The mtclean rule set as a prh rule file, for the textlint + textlint-rule-prh peer in bench/run.mjs.
//
// Read from prh 5.4.4 (the one textlint-rule-prh 6.1.0 uses), lib/rule.js and lib/utils/regexp.js:
//  - A pattern string not written `/…/` is a literal: escapeSpecialChars puts a backslash before each of
//    ¥ * + . ? { } ( ) [ ] ^ $ - | /, and every pattern is then compiled with the flags `gmu`. Under `u`,
//    `\-` and `\¥` are syntax errors, so a literal with `-` (or `¥`) cannot load; the rest are fine.
//  - A `/…/flags` string is a regex (flags g, i, m, y only; `gmu` is added): mtclean compiles its
//    patterns with `gmu` too, so lookbehind and \p{…} carry over as they are.
//  - options.wordBoundary wraps every pattern of the rule in `\b…\b` (ASCII word characters).
//  - Rule.applyRule collects matches with `exec` in a loop that does not advance lastIndex after an
//    empty match: a pattern that matches the empty string anywhere loops for ever, pushing the same
//    match until the heap is exhausted. mtclean's period-space pattern is such a pattern (it inserts a
//    space); it took textlint to 4.7 GB and an out-of-memory abort after 43 s, with nothing fixed.
//  - Overlapping matches: at one start the longest wins, otherwise the earlier one (mtclean: the longest,
//    then the earlier rule). A replacement may use $1…$99 (textlint-rule-prh expands them), nothing else.
//  - There is no case-adapting replacement and no protection of canonical forms.
import { literalSource, contextSources } from '../dist/match/regexp-source.js'

/**
 * Rewrites of patterns that can match the empty string, into equivalent ones that take in one character
 * and give it back in the replacement (same output text; prh can only handle non-empty matches).
 */
const NON_EMPTY_REWRITES = {
  // The sentence's closing punctuation is taken in as $1 (it was the lookbehind's last character).
  'period-space': {
    pattern: '(?<=(?:\\p{L}\\p{Ll}|\\d|[)\\]"”’]))([.!?])(?<!(?<!\\p{L})(?:Ph|Ed|Th)\\.)(["”’]?)(?=\\p{Lu}(?:\\p{Ll}|\\.))',
    replace: '$1$2 ',
  },
}

// A literal prh can load and that means what mtclean's variant means (given \b and single spaces).
const ASCII_EDGED = /^[A-Za-z0-9](?:.*[A-Za-z0-9])?$/
const PRH_UNICODE_INVALID = /[-¥]/

const matchesEmpty = (source, flags, texts) => {
  const regexp = new RegExp(source, `g${flags}`)
  return texts.some((text) => {
    for (const match of text.matchAll(regexp)) if (match[0] === '') return true
    return false
  })
}

/**
 * The prh rule document for `rules`, and notes on what it leaves out or approximates. `texts` are the
 * texts textlint will see (whole, and line by line, as the .txt plugin hands them to prh): a pattern that
 * matches the empty string in one of them gets its rewrite, or is left out.
 */
export function prhRules(rules, texts) {
  const prh = []
  const notes = []
  const counts = { literal: 0, regex: 0, pattern: 0, rewritten: 0, skipped: 0 }
  const canonicals = rules.filter((rule) => rule.kind === 'entity').map((rule) => rule.canonical)
  let insideCanonical = 0
  for (const rule of rules) {
    if (rule.kind === 'entity') {
      if (/\$\d/.test(rule.canonical)) {
        notes.push(`skipped entity ${rule.id}: its canonical form has $<digit>, which textlint-rule-prh expands`)
        counts.skipped += rule.variants.length
        continue
      }
      const literals = []
      const regexes = { '': [], i: [] }
      for (const variant of rule.variants) {
        const wordRegex = new RegExp(literalSource(variant.text), 'u')
        if (canonicals.some((canonical) => canonical !== variant.text && wordRegex.test(canonical))) insideCanonical++
        const plain = !variant.ignoreCase && Object.keys(variant.context).length === 0
        const text = variant.text.trim()
        if (plain && ASCII_EDGED.test(text) && !PRH_UNICODE_INVALID.test(text) && text === text.split(/\s+/).join(' ')) {
          literals.push(text)
          counts.literal++
        } else {
          const { prefix, suffix } = contextSources(variant.context)
          regexes[variant.ignoreCase ? 'i' : ''].push(`/${prefix}${literalSource(variant.text)}${suffix}/${variant.ignoreCase ? 'i' : ''}`)
          counts.regex++
        }
      }
      if (literals.length) prh.push({ expected: rule.canonical, patterns: literals, options: { wordBoundary: true } })
      // prh combines a rule's patterns into one regex, which needs one set of flags: a rule per set.
      for (const flags of ['', 'i']) if (regexes[flags].length) prh.push({ expected: rule.canonical, patterns: regexes[flags] })
      if (regexes.i.length)
        notes.push(`${rule.id}: ${regexes.i.length} case-insensitive variant(s); prh writes "${rule.canonical}" as is, mtclean matches the found casing`)
    } else {
      const { prefix, suffix } = contextSources(rule.context)
      const flags = rule.ignoreCase ? 'iu' : 'u'
      let { pattern, replace } = rule
      if (matchesEmpty(`${prefix}(?:${pattern})${suffix}`, `m${flags}`, texts)) {
        const rewrite = NON_EMPTY_REWRITES[rule.id]
        // The rewrite must not match empty either, and must give the same text as the rule on these texts.
        const same = (text) =>
          text.replace(new RegExp(`${prefix}(?:${pattern})${suffix}`, `gm${flags}`), replace) ===
          text.replace(new RegExp(`${prefix}(?:${rewrite.pattern})${suffix}`, `gm${flags}`), rewrite.replace)
        if (!rewrite || matchesEmpty(`${prefix}(?:${rewrite.pattern})${suffix}`, `m${flags}`, texts) || !texts.every(same)) {
          notes.push(`skipped pattern ${rule.id}: it matches the empty string, on which prh loops for ever, and has no (valid) rewrite`)
          counts.skipped++
          continue
        }
        ;({ pattern, replace } = rewrite)
        notes.push(`pattern ${rule.id} matches the empty string (prh would loop for ever): given as a rewrite that takes in one character`)
        counts.rewritten++
      }
      if (/\$(?!\d)/.test(replace)) {
        notes.push(`skipped pattern ${rule.id}: its replacement uses $-syntax other than $1…$99, which prh does not expand`)
        counts.skipped++
        continue
      }
      prh.push({ expected: replace, patterns: [`/${prefix}(?:${pattern})${suffix}/${rule.ignoreCase ? 'i' : ''}`] })
      counts.pattern++
    }
  }
  notes.unshift(
    `${counts.literal} variant(s) as prh literals (wordBoundary), ${counts.regex} as regexes (a hyphen, context or case), ` +
      `${counts.pattern} pattern(s), ${counts.rewritten} rewritten, ${counts.skipped} skipped`,
  )
  notes.push('literals match one space between words and ASCII \\b edges; mtclean any whitespace and Unicode word edges')
  if (insideCanonical) notes.push(`${insideCanonical} variant(s) occur inside a canonical form, which mtclean protects and prh does not`)
  return { document: { version: 1, rules: prh }, notes }
}

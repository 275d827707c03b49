import type { Change } from '../change.js'
import type { PatternRule } from '../rules/types.js'
import { contextSources } from './regexp-source.js'

/** Pattern rules are Unicode-aware and line-anchored (`^`/`$` match at line breaks). */
export function compilePatternRegExp(source: string, ignoreCase: boolean): RegExp {
  return new RegExp(source, ignoreCase ? 'gimu' : 'gmu')
}

export function countCaptureGroups(regexp: RegExp): number {
  // An alternative that matches the empty string makes exec() report every group (as undefined).
  return new RegExp(`${regexp.source}|`, regexp.flags.replace('g', '')).exec('')!.length - 1
}

// `$$`, `$&`, `` $` ``, `$'`, `$1`…`$99`, `$<name>`: the replacement syntax of String.prototype.replace.
const TEMPLATE_TOKEN = /\$(?:(\$)|(&)|(`)|(')|(\d{1,2})|<([^>]*)>)/g
// Without named groups `$<` is plain text, and what follows it is still read (`$<a$1>` expands `$1`).
const TEMPLATE_TOKEN_UNNAMED = /\$(?:(\$)|(&)|(`)|(')|(\d{1,2}))/g

/** The group numbers and names a replacement template refers to (read as replace will, with or without named groups). */
export function templateGroupReferences(template: string, hasNamedGroups = true): (number | string)[] {
  return [...template.matchAll(hasNamedGroups ? TEMPLATE_TOKEN : TEMPLATE_TOKEN_UNNAMED)].flatMap((token): (number | string)[] =>
    token[5] !== undefined ? [Number(token[5])] : token[6] !== undefined ? [token[6]] : [],
  )
}

/** Expands a replacement template for one match, exactly as String.prototype.replace would. */
export function expandTemplate(template: string, match: RegExpMatchArray, text: string): string {
  const groupCount = match.length - 1
  const start = match.index ?? 0
  return template.replace(match.groups ? TEMPLATE_TOKEN : TEMPLATE_TOKEN_UNNAMED, (token, dollar, whole, before, after, digits: string | undefined, name) => {
    if (dollar) return '$'
    if (whole) return match[0]
    if (before) return text.slice(0, start)
    if (after) return text.slice(start + match[0].length)
    if (digits !== undefined) {
      // `$12` means group 12 if there is one, else group 1 followed by "2" (as in String.prototype.replace).
      const two = Number(digits)
      if (digits.length === 2 && two >= 1 && two <= groupCount) return match[two] ?? ''
      const one = Number(digits[0])
      if (one >= 1 && one <= groupCount) return (match[one] ?? '') + digits.slice(1)
      return token
    }
    // With named groups, an unknown name gives the empty string; without any, the text stays as written.
    if (match.groups) return match.groups[name] ?? ''
    return token
  })
}

/** One compiled pattern rule: a regular expression (with its context as lookarounds) and a replacement. */
export class PatternMatcher {
  private readonly regexp: RegExp

  constructor(private readonly rule: PatternRule) {
    const { prefix, suffix } = contextSources(rule.context)
    this.regexp = compilePatternRegExp(`${prefix}(?:${rule.pattern})${suffix}`, rule.ignoreCase)
  }

  find(text: string): Change[] {
    const changes: Change[] = []
    for (const match of text.matchAll(this.regexp)) {
      const start = match.index
      const after = expandTemplate(this.rule.replace, match, text)
      if (after === match[0]) continue
      changes.push({ start, end: start + match[0].length, before: match[0], after, rule: this.rule })
    }
    return changes
  }
}

import type { Change } from '../model/change.js'
import type { PatternRule } from '../model/rule.js'
import { contextSources } from './regexp-source.js'
import { guardLeadingRuns } from './run-start.js'

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

/** One piece of a compiled template: literal text, or what to take from the match. */
type TemplatePart = string | { group: number } | { name: string } | { take: 'whole' | 'before' | 'after' }

/**
 * A replacement template read once into literal text and references, for a regex with `groupCount` groups
 * (and named groups or not), exactly as String.prototype.replace reads it. Reading the template with a
 * regex at every match was a sixth of the patterns' time on the bench corpus.
 */
export function compileTemplate(
  template: string,
  groupCount: number,
  hasNamedGroups: boolean,
): (match: RegExpExecArray | RegExpMatchArray, text: string) => string {
  const parts: TemplatePart[] = []
  let last = 0
  const literal = (text: string): void => {
    if (text === '') return
    if (typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += text
    else parts.push(text)
  }
  for (const token of template.matchAll(hasNamedGroups ? TEMPLATE_TOKEN : TEMPLATE_TOKEN_UNNAMED)) {
    literal(template.slice(last, token.index))
    last = token.index + token[0].length
    const [text, dollar, whole, before, after, digits, name] = token
    if (dollar) literal('$')
    else if (whole) parts.push({ take: 'whole' })
    else if (before) parts.push({ take: 'before' })
    else if (after) parts.push({ take: 'after' })
    else if (digits !== undefined) {
      // `$12` means group 12 if there is one, else group 1 followed by "2" (as in String.prototype.replace).
      const two = Number(digits)
      const one = Number(digits[0])
      if (digits.length === 2 && two >= 1 && two <= groupCount) parts.push({ group: two })
      else if (one >= 1 && one <= groupCount) {
        parts.push({ group: one })
        literal(digits.slice(1))
      } else literal(text)
    } else parts.push({ name: name! }) // with named groups, an unknown name gives the empty string
  }
  literal(template.slice(last))
  if (parts.length === 0) return () => ''
  if (parts.length === 1 && typeof parts[0] === 'string') {
    const constant = parts[0]
    return () => constant
  }
  return (match, text) => {
    let out = ''
    for (const part of parts) {
      if (typeof part === 'string') out += part
      else if ('group' in part) out += match[part.group] ?? ''
      else if ('name' in part) out += match.groups?.[part.name] ?? ''
      else if (part.take === 'whole') out += match[0]
      else if (part.take === 'before') out += text.slice(0, match.index)
      else out += text.slice((match.index ?? 0) + match[0].length)
    }
    return out
  }
}

/** Expands a replacement template for one match, exactly as String.prototype.replace would. */
export function expandTemplate(template: string, match: RegExpMatchArray, text: string): string {
  return compileTemplate(template, match.length - 1, match.groups !== undefined)(match, text)
}

/**
 * The regular expression a pattern rule runs as: its leading run guarded (run-start.ts) and the context
 * after it (`before`, `notBefore`) as lookaheads. The context before it (`after`, `notAfter`) is tested
 * by PatternMatcher at each match instead: as a lookbehind in front it would be tried at every character,
 * scanning back over a run of whitespace each time (quadratic on a long run). The ReDoS check judges this source.
 */
export function patternMatcherSource(rule: Pick<PatternRule, 'pattern' | 'context'>): string {
  return `(?:${guardLeadingRuns(rule.pattern)})${contextSources(rule.context).suffix}`
}

const isWhitespace = /\s/u

/**
 * Whether the context before a match (a lookbehind, `after` / `notAfter`) holds at a start in `text`. It
 * depends only on where the run of whitespace before the start begins, so within one run it is tested
 * once: starts come in increasing order, and the walk back to the run's start is shared by every start
 * in it (linear in the text).
 */
function prefixTestOn(lookbehind: RegExp, text: string): (start: number) => boolean {
  let lastStart = -1
  let lastInRun = false
  let lastResult = false
  return (start) => {
    if (lastInRun && lastStart <= start) {
      let index = lastStart
      while (index < start && isWhitespace.test(text[index]!)) index++
      if (index === start) {
        lastStart = start
        return lastResult
      }
    }
    lookbehind.lastIndex = start
    lastStart = start
    lastInRun = start > 0 && isWhitespace.test(text[start - 1]!)
    lastResult = lookbehind.test(text)
    return lastResult
  }
}

/** One compiled pattern rule: a regular expression (with its context) and a replacement. */
export class PatternMatcher {
  /** The regular expression's source (patternMatcherSource). */
  readonly source: string
  private readonly regexp: RegExp
  private readonly lookbehind: RegExp | null
  /** The replacement, read at the first match (which tells the number of groups and whether any is named). */
  private expand: ((match: RegExpExecArray, text: string) => string) | undefined

  /** `source`, when given, is what patternMatcherSource made of this rule before (in another thread or run). */
  constructor(
    readonly rule: PatternRule,
    source?: string,
  ) {
    this.source = source ?? patternMatcherSource(rule)
    this.regexp = compilePatternRegExp(this.source, rule.ignoreCase)
    const { prefix } = contextSources(rule.context)
    this.lookbehind = prefix ? new RegExp(prefix, 'uy') : null
  }

  find(text: string): Change[] {
    const changes: Change[] = []
    const regexp = this.regexp
    const holdsBefore = this.lookbehind && prefixTestOn(this.lookbehind, text)
    regexp.lastIndex = 0
    for (let match = regexp.exec(text); match; match = regexp.exec(text)) {
      const start = match.index
      // Past an empty match, or a start whose context fails, by one code point (as matchAll steps).
      const step = (text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1
      if (holdsBefore && !holdsBefore(start)) {
        regexp.lastIndex = start + step
        continue
      }
      if (match[0].length === 0) regexp.lastIndex = start + step
      this.expand ??= compileTemplate(this.rule.replace, match.length - 1, match.groups !== undefined)
      const after = this.expand(match, text)
      if (after === match[0]) continue
      changes.push({ start, end: start + match[0].length, before: match[0], after, rule: this.rule })
    }
    return changes
  }
}

import { cedictNames } from '../checks/cedict-names.js'
import { SpellingCounter } from '../checks/corpus.js'
import { createChecker } from '../checks/index.js'
import { EVIDENCE_NOTE } from '../checks/suspect-names.js'
import type { RuleSet } from '../match/rule-set.js'
import type { Category, EntityRule } from '../model/rule.js'

export interface Evidence {
  variant: string
  count: number
  how: string
  context: string
}

export interface Proposal {
  /** The name the variants are garbles of. */
  canonical: string
  /** null when only the corpus backs the name: a person says what it is before `rules add`. */
  category: Category | null
  confidence: number
  variants: string[]
  evidence: Evidence[]
  examples: { before: string; after?: string }[]
}

/**
 * How strongly each kind of evidence backs a correction: the exact pinyin of a foreign name's Chinese form
 * most, then a spelling the corpus itself writes far more often, then sound, a transliteration's skeleton
 * and spelling alone.
 */
const STRENGTH: Record<string, number> = { pinyin: 0.9, corpus: 0.85, sound: 0.8, transliteration: 0.7, spelling: 0.7 }

interface Seen {
  variant: string
  how: string
  count: number
  contexts: { file: string; line: number; before: string; after: string }[]
}

/**
 * Proposals of new variants from a corpus: the same model and knowledge as `check` (one model, two views).
 * The suspect-name check runs over every text, with the corpus's own spellings counted first; each name it
 * points at becomes a proposal with the words it was suggested for as variants, ranked by the strength of
 * the evidence, then by how often the variants occur. What the check cannot back, suggest leaves out.
 */
export function suggestVariants(texts: { file: string; text: string }[], ruleSet: RuleSet): Proposal[] {
  const counter = new SpellingCounter()
  for (const { text } of texts) counter.add(text)
  const checker = createChecker(ruleSet, { corpus: texts.length > 1 ? counter.spellings() : [] })
  const byName = new Map<string, Map<string, Seen>>()
  for (const { file, text } of texts) {
    for (const message of checker.check(text, file).messages) {
      const canonical = message.expected?.[0]
      const how = EVIDENCE_NOTE.exec(message.note ?? '')?.[1]
      if (message.ruleId !== 'suspect-name' || !canonical || !how || !message.actual) continue
      const variant = message.actual.replace(/['’]s$/u, '')
      const variants = byName.get(canonical) ?? new Map<string, Seen>()
      const seen = variants.get(variant) ?? { variant, how, count: 0, contexts: [] }
      seen.count++
      const start = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0
      if (seen.contexts.length < 3) seen.contexts.push({ file, line: message.line ?? 1, ...contextOf(text, start, start + variant.length) })
      variants.set(variant, seen)
      byName.set(canonical, variants)
    }
  }

  const categoryOf = (canonical: string): Category | undefined =>
    ruleSet.rules.find((rule): rule is EntityRule => rule.kind === 'entity' && rule.canonical === canonical)?.category ??
    (ruleSet.gazetteer.find((entry) => entry.name === canonical) ?? cedictNames().find((entry) => entry.name === canonical))?.category
  // A name known only from CC-CEDICT is backed when the corpus itself writes it: its thousands of place
  // names have Chinese forms that are also a correct romanisation (曲麻莱 Qumalai for Qumarlêb).
  const curated = new Set([
    ...ruleSet.rules.flatMap((rule) => (rule.kind === 'entity' ? [rule.canonical] : [])),
    ...ruleSet.gazetteer.map((entry) => entry.name),
  ])
  const written = (canonical: string): boolean => texts.some(({ text }) => text.includes(canonical.split(' ')[0]!))
  const proposals: Proposal[] = []
  for (const [canonical, variants] of byName) {
    if (!curated.has(canonical) && !written(canonical)) continue
    const members = [...variants.values()].sort((a, b) => b.count - a.count || a.variant.localeCompare(b.variant))
    proposals.push({
      canonical,
      category: categoryOf(canonical) ?? null,
      confidence: members.reduce((best, member) => Math.max(best, STRENGTH[member.how] ?? 0.5), -Infinity),
      variants: members.map((member) => member.variant),
      evidence: members.map((member) => {
        const context = member.contexts[0]!
        return {
          variant: member.variant,
          count: member.count,
          how: member.how,
          context: `${context.file}:${context.line}: …${context.before} ${member.variant} ${context.after}…`,
        }
      }),
      examples: members.map((member) => {
        const context = member.contexts[0]!
        return { before: `${context.before} ${member.variant} ${context.after}`.trim(), after: `${context.before} ${canonical} ${context.after}`.trim() }
      }),
    })
  }
  const frequency = (proposal: Proposal): number => proposal.evidence.reduce((sum, evidence) => sum + evidence.count, 0)
  return proposals.sort((a, b) => b.confidence - a.confidence || frequency(b) - frequency(a) || a.canonical.localeCompare(b.canonical))
}

/** Up to six words either side of a span, within its line. */
function contextOf(text: string, start: number, end: number): { before: string; after: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const lineEnd = text.indexOf('\n', end)
  const words = (slice: string, fromEnd: boolean): string => {
    const parts = slice.trim().split(/\s+/u)
    return (fromEnd ? parts.slice(-6) : parts.slice(0, 6)).join(' ')
  }
  return { before: words(text.slice(lineStart, start), true), after: words(text.slice(end, lineEnd < 0 ? text.length : lineEnd), false) }
}

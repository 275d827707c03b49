import { distance } from 'fastest-levenshtein'
import { Knowledge, lettersOnly, type KnownName } from '../checks/knowledge.js'
import type { RuleSet } from '../rules/compile.js'
import type { Category } from '../rules/types.js'
import { fingerprint, transliterationKey } from './keys.js'

/** One unknown word or word group seen in the corpus. */
interface Candidate {
  text: string
  count: number
  contexts: { file: string; line: number; before: string; after: string }[]
}

export interface Evidence {
  variant: string
  count: number
  how: string
  context: string
}

export interface Proposal {
  /** The name the variants are garbles of; null when nothing known matched (a person names it). */
  canonical: string | null
  category: Category | null
  confidence: number
  variants: string[]
  evidence: Evidence[]
  examples: { before: string; after?: string }[]
}

const WORD = /\p{L}[\p{L}'’-]*/gu
const ACRONYM = /^\p{Lu}{2,5}s?$/u
const CONFIDENCE = { pinyin: 0.9, sound: 0.8, spelling: 0.7, transliteration: 0.7, cluster: 0.4 } as const

/** Unknown capitalised words, and each with its capitalised neighbours (`Asia Danian`), with where they occur. */
function collectCandidates(texts: { file: string; text: string }[], knowledge: Knowledge): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>()
  const add = (text: string, file: string, source: string, start: number, end: number): void => {
    const candidate = candidates.get(text) ?? { text, count: 0, contexts: [] }
    candidate.count++
    if (candidate.contexts.length < 3) {
      const lineStart = source.lastIndexOf('\n', start - 1) + 1
      const lineEnd = source.indexOf('\n', end)
      const words = (slice: string, fromEnd: boolean): string => {
        const parts = slice.trim().split(/\s+/u)
        return (fromEnd ? parts.slice(-6) : parts.slice(0, 6)).join(' ')
      }
      candidate.contexts.push({
        file,
        line: source.slice(0, start).split('\n').length,
        before: words(source.slice(lineStart, start), true),
        after: words(source.slice(end, lineEnd < 0 ? source.length : lineEnd), false),
      })
    }
    candidates.set(text, candidate)
  }
  for (const { file, text } of texts) {
    const words = [...text.matchAll(WORD)].map((match) => ({ value: match[0].replace(/['’]s$/u, ''), start: match.index, end: match.index + match[0].replace(/['’]s$/u, '').length }))
    words.forEach((word, index) => {
      if (!/^\p{Lu}/u.test(word.value) || ACRONYM.test(word.value) || knowledge.isKnown(word.value)) return
      add(word.value, file, text, word.start, word.end)
      const previous = words[index - 1]
      if (previous && /^\p{Lu}/u.test(previous.value) && text.slice(previous.end, word.start) === ' ') add(`${previous.value} ${word.value}`, file, text, previous.start, word.end)
    })
  }
  return candidates
}

/** The known name a candidate garbles, and how sure that is. */
function matchName(candidate: string, knowledge: Knowledge): { name: KnownName; how: keyof typeof CONFIDENCE } | null {
  const close = knowledge.closestName(candidate)
  if (close) return { name: close.name, how: close.how }
  const key = transliterationKey(candidate)
  // Transliteration keys are coarse: single words only, and the whole skeleton must agree.
  if (key.length < 3 || candidate.includes(' ')) return null
  let best: { name: KnownName; score: number } | null = null
  for (const name of knowledge.names) {
    const nameKey = transliterationKey(name.display)
    if (nameKey[0] !== key[0]) continue // blocking: the same first consonant class
    const letters = distance(lettersOnly(candidate), name.key)
    // The same consonant skeleton, and spelled not too far apart.
    if (key === nameKey && letters <= Math.ceil(Math.max(candidate.length, name.key.length) / 2)) {
      const score = letters
      if (!best || score < best.score) best = { name, score }
    }
  }
  return best ? { name: best.name, how: 'transliteration' } : null
}

/**
 * Proposals of new variants from a corpus, as OpenRefine clusters: unknown words and word groups are
 * matched with the canonical forms and known names (pinyin, sound, spelling, transliteration key); those
 * that match nothing are clustered among themselves by fingerprint and transliteration key, and a cluster
 * of two or more spellings is proposed for a person to name.
 * Ranked by confidence, then by how often the variants occur.
 */
export function suggestVariants(texts: { file: string; text: string }[], ruleSet: RuleSet): Proposal[] {
  const knowledge = new Knowledge(ruleSet)
  const candidates = collectCandidates(texts, knowledge)
  const byName = new Map<string, { name: KnownName; members: { candidate: Candidate; how: keyof typeof CONFIDENCE }[] }>()
  const unmatched: Candidate[] = []
  // Longer groups first, so `Asia Danian` is claimed before `Danian` alone.
  const ordered = [...candidates.values()].sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text))
  const claimed = new Set<string>()
  for (const candidate of ordered) {
    if (claimed.has(candidate.text)) continue
    const match = matchName(candidate.text, knowledge)
    if (!match) {
      if (!candidate.text.includes(' ')) unmatched.push(candidate)
      continue
    }
    for (const part of candidate.text.split(' ')) claimed.add(part)
    const entry = byName.get(match.name.display) ?? { name: match.name, members: [] }
    entry.members.push({ candidate, how: match.how })
    byName.set(match.name.display, entry)
  }

  const proposals: Proposal[] = []
  const exampleOf = (candidate: Candidate, canonical: string | null): Proposal['examples'][number] => {
    const context = candidate.contexts[0]!
    const before = `${context.before} ${candidate.text} ${context.after}`.trim()
    return canonical ? { before, after: `${context.before} ${canonical} ${context.after}`.trim() } : { before }
  }
  const evidenceOf = (candidate: Candidate, how: string): Evidence => {
    const context = candidate.contexts[0]!
    return { variant: candidate.text, count: candidate.count, how, context: `${context.file}:${context.line}: …${context.before} ${candidate.text} ${context.after}…` }
  }
  for (const { name, members } of byName.values()) {
    members.sort((a, b) => b.candidate.count - a.candidate.count || a.candidate.text.localeCompare(b.candidate.text))
    proposals.push({
      canonical: name.display,
      category: name.category,
      confidence: members.reduce((best, member) => Math.max(best, CONFIDENCE[member.how]), -Infinity),
      variants: members.map((member) => member.candidate.text),
      evidence: members.map((member) => evidenceOf(member.candidate, member.how)),
      examples: members.map((member) => exampleOf(member.candidate, name.display)),
    })
  }

  // What matched nothing: clusters by transliteration key (three consonants or more, else too coarse)
  // or fingerprint; like OpenRefine's, a cluster needs two spellings or more.
  const clusters = new Map<string, Candidate[]>()
  for (const candidate of unmatched) {
    const skeleton = transliterationKey(candidate.text)
    const key = skeleton.length >= 3 ? skeleton : fingerprint(candidate.text)
    clusters.set(key, [...(clusters.get(key) ?? []), candidate])
  }
  for (const members of clusters.values()) {
    if (members.length < 2) continue
    proposals.push({
      canonical: null,
      category: null,
      confidence: CONFIDENCE.cluster,
      variants: members.map((member) => member.text),
      evidence: members.map((member) => evidenceOf(member, 'cluster')),
      examples: members.map((member) => exampleOf(member, null)),
    })
  }
  const frequency = (proposal: Proposal): number => proposal.evidence.reduce((sum, evidence) => sum + evidence.count, 0)
  return proposals.sort((a, b) => b.confidence - a.confidence || frequency(b) - frequency(a) || (a.canonical ?? '').localeCompare(b.canonical ?? ''))
}

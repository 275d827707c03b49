import type { VFileMessage } from 'vfile-message'
import type { Change } from '../../src/change.js'

// Checks a cleaning against a gold annotation in the format of test/fixtures/seeds-gold (the same
// format and span rules as the reference scorer, measured on the change list instead of a re-alignment).

export interface GoldEdit {
  find: string
  occurrence: number
  accept: string[]
  kind: string
}
export interface Gold {
  file: string
  edits: GoldEdit[]
  optional?: GoldEdit[]
  flags?: { find: string; occurrence: number; kind: string }[]
  keep?: { find: string; occurrence: number }[]
}

export function locate(text: string, find: string, occurrence: number): [number, number] {
  let start = -1
  for (let count = 0; count < occurrence; count++) {
    start = text.indexOf(find, start + 1)
    if (start < 0) throw new Error(`${JSON.stringify(find)} occurrence ${occurrence} not found`)
  }
  return [start, start + find.length]
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char)

/** Grows a span to whole whitespace-separated tokens. */
function expand(text: string, start: number, end: number): [number, number] {
  while (start > 0 && !isSpace(text[start - 1])) start--
  while (end < text.length && !isSpace(text[end])) end++
  return [start, end]
}

const norm = (text: string): string => text.replace(/\s+/gu, ' ').trim()

interface Item extends GoldEdit {
  required: boolean
  span: [number, number]
}
interface Group {
  region: [number, number]
  items: Item[]
}

export interface GoldCheck {
  /** Required edits not carried out in an accepted wording: [find, what the output has there]. */
  missed: [string, string][]
  /** Applied changes outside every gold edit's region, or that turn a region into no accepted text. */
  wrong: string[]
  /** `keep` spans that a change touched. */
  brokenKeeps: string[]
}

export function checkAgainstGold(source: string, applied: Change[], gold: Gold): GoldCheck {
  const items: Item[] = [
    ...gold.edits.map((edit) => ({ ...edit, required: true })),
    ...(gold.optional ?? []).map((edit) => ({ ...edit, required: false })),
  ].map((edit) => ({ ...edit, span: locate(source, edit.find, edit.occurrence) }))
  const groups: Group[] = []
  for (const item of [...items].sort((a, b) => expand(source, ...a.span)[0] - expand(source, ...b.span)[0])) {
    const region = expand(source, ...item.span)
    const last = groups[groups.length - 1]
    if (last && region[0] < last.region[1]) {
      last.items.push(item)
      last.region = [last.region[0], Math.max(last.region[1], region[1])]
    } else groups.push({ region, items: [item] })
  }

  const result: GoldCheck = { missed: [], wrong: [], brokenKeeps: [] }
  const inside = (change: Change, [start, end]: [number, number]): boolean => start <= change.start && change.end <= end
  const touches = (change: Change, [start, end]: [number, number]): boolean =>
    change.start === change.end ? start < change.start && change.start < end : change.start < end && start < change.end

  for (const change of applied) {
    if (!groups.some((group) => inside(change, group.region))) result.wrong.push(`${change.rule.id}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`)
  }
  for (const group of groups) {
    const [start, end] = group.region
    const ours = applied.filter((change) => inside(change, group.region))
    let output = source.slice(start, end)
    for (const change of [...ours].reverse()) output = output.slice(0, change.start - start) + change.after + output.slice(change.end - start)
    const matching = candidates(source, group).filter(([text]) => norm(text) === norm(output))
    if (ours.length > 0 && matching.length === 0) result.wrong.push(`${JSON.stringify(source.slice(start, end))} → ${JSON.stringify(output)}`)
    for (const item of group.items.filter((each) => each.required)) {
      const done = matching.some(([, used]) => used.includes(item))
      if (!done) result.missed.push([item.find, output])
    }
  }
  for (const keep of gold.keep ?? []) {
    const span = locate(source, keep.find, keep.occurrence)
    if (applied.some((change) => touches(change, span))) result.brokenKeeps.push(keep.find)
  }
  return result
}

/** Every acceptable text of a group's region: any non-overlapping subset of its edits, in any wording. */
function candidates(source: string, group: Group): [string, Item[]][] {
  const [start, end] = group.region
  const out: [string, Item[]][] = []
  const choose = (index: number, chosen: [Item, string][]): void => {
    if (index === group.items.length) {
      const sorted = [...chosen].sort((a, b) => a[0].span[0] - b[0].span[0])
      for (let i = 1; i < sorted.length; i++) if (sorted[i - 1]![0].span[1] > sorted[i]![0].span[0]) return
      let text = ''
      let position = start
      for (const [item, wording] of sorted) {
        text += source.slice(position, item.span[0]) + wording
        position = item.span[1]
      }
      out.push([text + source.slice(position, end), sorted.map(([item]) => item)])
      return
    }
    const item = group.items[index]!
    choose(index + 1, chosen)
    for (const wording of item.accept) choose(index + 1, [...chosen, [item, wording]])
  }
  choose(0, [])
  return out
}

const overlapsSpan = ([a, b]: [number, number], [c, d]: [number, number]): boolean => {
  const end1 = a === b ? a + 1 : b
  const end2 = c === d ? c + 1 : d
  return a < end2 && c < end1
}

/** Flag recall and noise of check messages on a source, as the reference scorer counts them. */
export function flagsAgainstGold(source: string, messages: VFileMessage[], gold: Gold) {
  const spans = messages.map((message): [number, number] => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset ?? 0
    return [start, Math.max(start, place?.end.offset ?? start)]
  })
  const flagSpans = (gold.flags ?? []).map((flag) => ({ find: flag.find, span: locate(source, flag.find, flag.occurrence) }))
  const editSpans = [...gold.edits, ...(gold.optional ?? [])].map((edit) => expand(source, ...locate(source, edit.find, edit.occurrence)))
  const missed = flagSpans.filter((flag) => !spans.some((span) => overlapsSpan(span, flag.span))).map((flag) => flag.find)
  const noise = spans.flatMap((span, index) =>
    flagSpans.some((flag) => overlapsSpan(span, flag.span)) || editSpans.some((edit) => overlapsSpan(span, edit))
      ? []
      : [`${messages[index]!.ruleId}: ${source.slice(span[0], Math.max(span[1], span[0] + 1))}`],
  )
  return { flags: flagSpans.length, hit: flagSpans.length - missed.length, missed, noise, messages: messages.length, words: source.split(/\s+/u).filter(Boolean).length }
}

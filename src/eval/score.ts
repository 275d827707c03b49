import { opcodes, type Opcode } from './alignment.js'

// A port of the reference scorer (shared/reference/score.py): edit by edit, in the spirit of ERRANT/M2.
// Gold edits, flags and keep spans are found by an exact substring and its occurrence; regions grow to
// whole whitespace-separated tokens; fix recall counts required edits carried out in an accepted
// wording, fix precision the changed regions of the output that a gold edit covers.

export interface GoldEdit {
  find: string
  occurrence: number
  accept: string[]
  kind?: string
}
export interface Gold {
  file: string
  edits?: GoldEdit[]
  optional?: GoldEdit[]
  flags?: { find: string; occurrence: number; kind?: string }[]
  keep?: { find: string; occurrence: number }[]
}

/** A message's span in the source (offsets), as vfile-reporter-json places give it. */
export interface MessageSpan {
  start: number
  end: number
  ruleId: string
}

export interface FileScore {
  required: number
  fixed: number
  changedRegions: number
  goodChanges: number
  badChanges: number
  flags: number
  flagsHit: number
  caught: number
  messages: number
  noise: number
  words: number
  traps: number
  trapsBroken: number
  misses: { find: string; want: string; got: string }[]
  wrong: { source: string; output: string }[]
  noiseItems: { text: string; ruleId: string }[]
}

type Span = [number, number]
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char)
const norm = (text: string): string => text.replace(/\s+/gu, ' ').trim()

export function locate(text: string, find: string, occurrence: number): Span {
  let start = -1
  for (let count = 0; count < occurrence; count++) {
    start = text.indexOf(find, start + 1)
    if (start < 0) throw new Error(`${JSON.stringify(find)} occurrence ${occurrence} not found`)
  }
  return [start, start + find.length]
}

/** Grows [a, b) to whole non-space tokens. */
export function expand(text: string, a: number, b: number): Span {
  while (a > 0 && !isSpace(text[a - 1])) a--
  while (b < text.length && !isSpace(text[b])) b++
  if (a < text.length && isSpace(text[a]) && a > 0) {
    let a0 = a
    while (a0 > 0 && !isSpace(text[a0 - 1])) a0--
    if (a0 < a) a = a0
  }
  return [a, b]
}

class Alignment {
  readonly ops: Opcode[]
  constructor(
    readonly src: string,
    readonly out: string,
  ) {
    this.ops = opcodes(src, out)
  }

  mapPos(p: number, side: 'start' | 'end'): number {
    if (side === 'end') {
      for (const [tag, i1, i2, , j2] of this.ops) if (tag === 'insert' && i1 === i2 && i1 === p) return j2
    }
    for (const [tag, i1, i2, j1, j2] of this.ops) {
      if (tag === 'equal' && (side === 'start' ? i1 <= p && p < i2 : i1 < p && p <= i2)) return j1 + (p - i1)
      if (tag !== 'equal') {
        if (side === 'start' && i1 <= p && p < Math.max(i2, i1 + 1)) return j1
        if ((side === 'end' && i1 < p && p <= i2) || (side === 'end' && i1 === i2 && i1 === p)) return j2
      }
    }
    return side === 'end' || p >= this.src.length ? this.out.length : 0
  }

  mapRegion(a: number, b: number): string {
    const ja = this.mapPos(a, 'start')
    const jb = this.mapPos(b, 'end')
    return this.out.slice(ja, Math.max(ja, jb))
  }

  changedRegions(): Span[] {
    const regions: Span[] = []
    for (const [tag, i1, i2] of this.ops) {
      if (tag === 'equal') continue
      let a = i1
      let b = i2
      if (a < b && this.src.slice(a, b).trim()) {
        while (isSpace(this.src[a])) a++
        while (isSpace(this.src[b - 1])) b--
      }
      regions.push(expand(this.src, a, b))
    }
    regions.sort((x, y) => x[0] - y[0] || x[1] - y[1])
    const merged: Span[] = []
    for (const region of regions) {
      const last = merged[merged.length - 1]
      if (last && region[0] <= last[1] && (region[0] < last[1] || !isSpace(this.src[region[0]]))) last[1] = Math.max(last[1], region[1])
      else merged.push([...region])
    }
    return merged
  }
}

function overlaps([a, b]: Span, [c, d]: Span): boolean {
  if (a === b) b = a + 1
  if (c === d) d = c + 1
  return a < d && c < b
}

interface Item extends GoldEdit {
  required: boolean
  span: Span
  region: Span
}
interface Group {
  region: Span
  items: Item[]
}

function groupsOf(src: string, edits: (GoldEdit & { required: boolean })[]): Group[] {
  const items: Item[] = edits.map((edit) => {
    const span = locate(src, edit.find, edit.occurrence)
    return { ...edit, span, region: expand(src, ...span) }
  })
  items.sort((x, y) => x.region[0] - y.region[0] || x.region[1] - y.region[1])
  const groups: Group[] = []
  for (const item of items) {
    const last = groups[groups.length - 1]
    if (last && item.region[0] < last.region[1]) {
      last.items.push(item)
      last.region = [last.region[0], Math.max(last.region[1], item.region[1])]
    } else groups.push({ region: [...item.region], items: [item] })
  }
  return groups
}

/** Every acceptable text for a group's region: any non-overlapping subset of its edits, in any wording. */
function candidates(src: string, group: Group): [string, Item[]][] {
  const [start, end] = group.region
  const out: [string, Item[]][] = []
  const choose = (index: number, chosen: [Item, number][]): void => {
    if (index === group.items.length) {
      const spans = [...chosen].sort((x, y) => x[0].span[0] - y[0].span[0])
      for (let i = 0; i + 1 < spans.length; i++) if (spans[i]![0].span[1] > spans[i + 1]![0].span[0]) return
      let text = ''
      let position = start
      for (const [item, wording] of spans) {
        text += src.slice(position, item.span[0]) + item.accept[wording]
        position = item.span[1]
      }
      out.push([text + src.slice(position, end), spans.map(([item]) => item)])
      return
    }
    choose(index + 1, chosen)
    group.items[index]!.accept.forEach((_, wording) => {
      choose(index + 1, [...chosen, [group.items[index]!, wording]])
    })
  }
  choose(0, [])
  return out
}

export function scoreFile(src: string, out: string, gold: Gold, messages: MessageSpan[]): FileScore {
  const alignment = new Alignment(src, out)
  const required = (gold.edits ?? []).map((edit) => ({ ...edit, required: true }))
  const optional = (gold.optional ?? []).map((edit) => ({ ...edit, required: false }))
  const groups = groupsOf(src, [...required, ...optional])
  let fixed = 0
  const groupOk: boolean[] = []
  const misses: FileScore['misses'] = []
  for (const group of groups) {
    const got = norm(alignment.mapRegion(...group.region))
    const matches = candidates(src, group)
      .filter(([text]) => norm(text) === got)
      .map(([, applied]) => applied)
    groupOk.push(matches.some((applied) => applied.length > 0) || norm(src.slice(...group.region)) === got)
    for (const item of group.items) {
      if (!item.required) continue
      const hit = matches.some((applied) => applied.some((other) => other === item || (other.span[0] <= item.span[0] && item.span[1] <= other.span[1])))
      if (hit) fixed++
      else misses.push({ find: item.find, want: item.accept[0]!, got })
    }
  }

  const regions = alignment.changedRegions()
  let good = 0
  const wrong: FileScore['wrong'] = []
  for (const region of regions) {
    const touching = groups.map((group, index) => (overlaps(region, group.region) ? index : -1)).filter((index) => index >= 0)
    const covered =
      touching.length > 0 &&
      touching.every((index) => groupOk[index]) &&
      touching.reduce((low, index) => Math.min(low, groups[index]!.region[0]), Infinity) <= region[0] &&
      region[1] <= touching.reduce((high, index) => Math.max(high, groups[index]!.region[1]), -Infinity)
    if (covered) good++
    else wrong.push({ source: src.slice(...region).slice(0, 60), output: alignment.mapRegion(...region).slice(0, 60) })
  }
  const trapsBroken = (gold.keep ?? []).filter((keep) => regions.some((region) => overlaps(region, locate(src, keep.find, keep.occurrence)))).length

  const flagSpans = (gold.flags ?? []).map((flag) => locate(src, flag.find, flag.occurrence))
  const flagsHit = flagSpans.filter((span) => messages.some((message) => overlaps([message.start, message.end], span))).length
  const editSpans = [...required, ...optional].map((edit) => expand(src, ...locate(src, edit.find, edit.occurrence)))
  const missed = new Set(misses.map((miss) => `${miss.find}\u0000${miss.want}`))
  let caughtEdits = 0
  for (const group of groups) {
    for (const item of group.items) {
      if (!item.required) continue
      const hitFix = !missed.has(`${item.find}\u0000${item.accept[0]}`)
      const hitMessage = messages.some((message) => overlaps([message.start, message.end], item.region))
      if (hitFix || hitMessage) caughtEdits++
    }
  }
  const noiseItems = messages
    .filter((message) => ![...flagSpans, ...editSpans].some((span) => overlaps([message.start, message.end], span)))
    .map((message) => ({ text: src.slice(message.start, Math.max(message.end, message.start + 1)).slice(0, 40), ruleId: message.ruleId }))

  return {
    required: required.length,
    fixed,
    changedRegions: regions.length,
    goodChanges: good,
    badChanges: regions.length - good,
    flags: flagSpans.length,
    flagsHit,
    caught: caughtEdits + flagsHit,
    messages: messages.length,
    noise: noiseItems.length,
    words: src.split(/\s+/u).filter(Boolean).length,
    traps: (gold.keep ?? []).length,
    trapsBroken,
    misses,
    wrong,
    noiseItems,
  }
}

export interface Summary {
  fixRecall: number
  fixPrecision: number
  flagRecall: number
  caught: number
  noisePer1kWords: number
  trapsBroken: number
  required: number
  fixed: number
  changedRegions: number
  badChanges: number
  flags: number
  flagsHit: number
  messages: number
  noise: number
  words: number
}

export function summarize(files: FileScore[]): Summary {
  const total = (key: keyof FileScore): number => files.reduce((sum, file) => sum + (file[key] as number), 0)
  const ratio = (a: number, b: number): number => (b ? a / b : 1)
  return {
    fixRecall: ratio(total('fixed'), total('required')),
    fixPrecision: ratio(total('goodChanges'), total('changedRegions')),
    flagRecall: ratio(total('flagsHit'), total('flags')),
    caught: ratio(total('caught'), total('required') + total('flags')),
    noisePer1kWords: (1000 * total('noise')) / Math.max(total('words'), 1),
    trapsBroken: total('trapsBroken'),
    required: total('required'),
    fixed: total('fixed'),
    changedRegions: total('changedRegions'),
    badChanges: total('badChanges'),
    flags: total('flags'),
    flagsHit: total('flagsHit'),
    messages: total('messages'),
    noise: total('noise'),
    words: total('words'),
  }
}

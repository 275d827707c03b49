/** difflib-style opcodes: [tag, i1, i2, j1, j2] over source and output. */
export type Opcode = ['equal' | 'replace' | 'delete' | 'insert', number, number, number, number]

/**
 * A character alignment of source and output, as Python's difflib.SequenceMatcher(None, a, b,
 * autojunk=False).get_opcodes() makes it (the reference scorer's alignment): the longest matching block,
 * then the same on each side of it. Offsets are UTF-16 code units (Python counts code points: the two
 * differ only around characters outside the Basic Multilingual Plane).
 */
export function opcodes(a: string, b: string): Opcode[] {
  const b2j = new Map<string, number[]>()
  for (let j = 0; j < b.length; j++) {
    const list = b2j.get(b[j]!)
    if (list) list.push(j)
    else b2j.set(b[j]!, [j])
  }

  const longestMatch = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let [besti, bestj, bestsize] = [alo, blo, 0]
    let j2len = new Map<number, number>()
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>()
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue
        if (j >= bhi) break
        const k = (j2len.get(j - 1) ?? 0) + 1
        next.set(j, k)
        if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k]
      }
      j2len = next
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--
      bestj--
      bestsize++
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++
    return [besti, bestj, bestsize]
  }

  const blocks: [number, number, number][] = []
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]]
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!
    const [i, j, k] = longestMatch(alo, ahi, blo, bhi)
    if (k === 0) continue
    blocks.push([i, j, k])
    if (alo < i && blo < j) queue.push([alo, i, blo, j])
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi])
  }
  blocks.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  // Adjacent blocks collapse into one, as difflib does.
  const merged: [number, number, number][] = []
  for (const block of blocks) {
    const last = merged[merged.length - 1]
    if (last && last[0] + last[2] === block[0] && last[1] + last[2] === block[1]) last[2] += block[2]
    else merged.push([...block])
  }
  merged.push([a.length, b.length, 0])

  const ops: Opcode[] = []
  let i = 0
  let j = 0
  for (const [ai, bj, size] of merged) {
    const tag = i < ai && j < bj ? 'replace' : i < ai ? 'delete' : j < bj ? 'insert' : null
    if (tag) ops.push([tag, i, ai, j, bj])
    i = ai + size
    j = bj + size
    if (size) ops.push(['equal', ai, i, bj, j])
  }
  return ops
}

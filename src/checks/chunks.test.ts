import { describe, expect, it } from 'vitest'
import { createChecker, paragraphChunks } from './index.js'
import { testKnowledge } from './test-helpers.js'

describe('checking a large text a chunk at a time', () => {
  it('cuts at paragraph breaks and covers the text exactly', () => {
    const text = Array.from({ length: 12000 }, (_, index) => `Paragraph ${index} says something about Moscow.`).join('\n\n')
    const chunks = paragraphChunks(text)
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text)
    expect(chunks.every((chunk) => text.slice(chunk.start, chunk.start + chunk.text.length) === chunk.text)).toBe(true)
    expect(chunks.slice(1).every((chunk) => text.slice(chunk.start - 2, chunk.start) === '\n\n')).toBe(true)
  })

  it('reports in a large text exactly what it reports in each of its paragraphs, at the right place', () => {
    const checker = createChecker(testKnowledge().ruleSet)
    const paragraph = 'He met Lavroff in Beijing.Patrueshev said so.'
    const text = Array.from({ length: 8000 }, () => paragraph).join('\n\n')
    const messages = checker.check(text).messages
    expect(messages.length).toBe(8000 * checker.check(paragraph).messages.length)
    const last = messages[messages.length - 1]!
    expect(String(last)).toBe(`${(8000 - 1) * 2 + 1}:19-${(8000 - 1) * 2 + 1}:37: Missing space after \`.\``)
    expect(last.place && 'start' in last.place ? last.place.start.offset : -1).toBe(text.length - paragraph.length + 18)
  })
})

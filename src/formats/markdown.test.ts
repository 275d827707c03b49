import { describe, expect, it } from 'vitest'
import { markdownProse } from './markdown.js'
import type { ProseMap } from './prose.js'

/** The prose of each block, as the text it covers. */
const blocksOf = (text: string, prose: ProseMap = markdownProse(text)): string[][] =>
  prose.blocks.map((block) => block.ranges.map((range) => text.slice(range.start, range.end)))

describe('markdownProse', () => {
  it('takes the text of headings and paragraphs, each a block of its own', () => {
    expect(blocksOf('# Lavrov met\nWang Yi in Moscow.\n')).toEqual([['Lavrov met'], ['Wang Yi in Moscow.']])
  })

  it('leaves out code, inline code, link destinations and autolinks, but takes a link text', () => {
    const text =
      'Ravorov said `Ravorov` to [Ravorov](http://x.com/Ravorov "Ravorov") at <http://x.com/Ravorov> and www.x.com.\n\n```\nRavorov\n```\n\n    Ravorov indented\n'
    expect(blocksOf(text)).toEqual([['Ravorov said ', ' to ', 'Ravorov', ' at ', ' and ', '.']])
  })

  it('leaves out YAML front matter, HTML and comments, and image alt text', () => {
    const text = '---\ntitle: Ravorov\n---\n<div>Ravorov</div>\n\nText <!-- Ravorov --> ![Ravorov](a.png) end.\n'
    expect(blocksOf(text)).toEqual([['Text ', ' ', ' end.']])
  })

  it('takes emphasis and table cells, a cell a block', () => {
    expect(blocksOf('Met **Lavrov** today.\n\n| a | b |\n|---|---|\n| Wang | Yi |\n')).toEqual([['Met ', 'Lavrov', ' today.'], ['a'], ['b'], ['Wang'], ['Yi']])
  })

  it('keeps the `>` markers of a block quote and the indentation of a list out of the prose', () => {
    const text = '> Lavrov met\n> Wang Yi.\n\n- Sergei\n  Lavrov\n'
    expect(blocksOf(text)).toEqual([
      ['Lavrov met\n', 'Wang Yi.'],
      ['Sergei\n', 'Lavrov'],
    ])
  })

  it('gives offsets into the text as written, with a byte order mark too', () => {
    expect(blocksOf('\uFEFF# Lavrov\r\n\r\n> Wang\r\n> Yi\r\n')).toEqual([['Lavrov'], ['Wang\r\n', 'Yi']])
  })

  it('reads disable comments, inline or on their own line', () => {
    const text = 'A <!-- mtclean-disable lavrov --> B\n\n<!-- mtclean-enable -->\nC <!--mtclean-disable-->D\n'
    const { disabled } = markdownProse(text)
    expect(disabled.map((span) => [text.slice(span.start, span.end), span.ids])).toEqual([
      [' B\n\n', ['lavrov']],
      ['D\n', undefined],
    ])
  })

  it('does not read a disable comment inside code', () => {
    expect(markdownProse('```\n<!-- mtclean-disable -->\n```\nText\n').disabled).toEqual([])
    expect(markdownProse('Use `<!-- mtclean-disable -->` here.\n').disabled).toEqual([])
  })

  it('refuses block quotes or lists nested more than 100 deep before parsing (micromark slows with the square of the depth)', () => {
    expect(() => markdownProse(`${'> '.repeat(101)}Ravorov`)).toThrow(/more than 100 block quotes or lists inside each other at line 1/)
    expect(() => markdownProse(`a\n\n${'- '.repeat(60)}${'> '.repeat(60)}x`)).toThrow(/at line 3/)
    expect(() => markdownProse(`\uFEFF${'1. '.repeat(101)}x`)).toThrow(RangeError)
    // As deep as real texts go, and markers that open no container (a thematic break, emphasis), are read.
    expect(() => markdownProse(`${'> '.repeat(100)}Ravorov\n\n- - -\n\n${'*'.repeat(300)}x${'*'.repeat(300)}`)).not.toThrow()
  })
})

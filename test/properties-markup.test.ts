import fc from 'fast-check'
import type { Nodes } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../src/engine/clean.js'
import { htmlProse } from '../src/formats/html.js'
import { markdownProse } from '../src/formats/markdown.js'
import { projectRuleSet } from './helpers/project.js'

// Markdown and HTML made of prose the rules change and of markup they must not touch. Fixed seed,
// bounded runs: no flakiness.
const PROSE = ['Ravorov', 'Asia Danian', 'United Zard', 'China -Russia', 'Beijing.Patrueshev', 'Alaska ,', 'Lavrov', 'the talks', ' ', '. ', ',', '\n']
const MARKDOWN = [
  '`Ravorov`',
  '[Ravorov](http://x.com/Ravorov)',
  '<http://x.com/Ravorov>',
  'www.x.com/Ravorov',
  '**',
  '*',
  '_',
  '\n\n```\nRavorov\n```\n\n',
  '\n\n# ',
  '\n\n> ',
  '\n\n- ',
  '<!-- Ravorov -->',
  '![Ravorov](Ravorov.png)',
  '\n\n    Ravorov code\n\n',
  '<!-- mtclean-disable -->',
  '<!-- mtclean-enable -->',
]
const HTML = [
  '<b>',
  '</b>',
  '<p title="Ravorov">',
  '</p>',
  '<code>Ravorov</code>',
  '<a href="http://x.com/Ravorov">',
  '</a>',
  '<script>Ravorov</script>',
  '<style>.Ravorov{}</style>',
  '<!-- Ravorov -->',
  '<pre>Asia Danian</pre>',
  '&amp;',
  '<br>',
  '<!-- mtclean-disable -->',
  '<!-- mtclean-enable -->',
]

const textOf = (markup: string[]) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PROSE) }, { weight: 2, arbitrary: fc.constantFrom(...markup) }), { maxLength: 30 })
    .map((parts) => parts.join(''))

const settings = { seed: 20261130, numRuns: 150 }
const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)

/** What a Markdown text holds besides prose: code, addresses, alt texts, HTML, in order. */
function nonProse(text: string): string[] {
  const found: string[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') found.push(`${node.type}:${node.value}`)
    if (node.type === 'link' || node.type === 'image') found.push(`${node.type}:${node.url}`)
    if (node.type === 'image') found.push(`alt:${node.alt ?? ''}`)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(parser.parse(text))
  return found
}

describe('Markdown and HTML: what is not prose is never changed (fast-check)', () => {
  it('Markdown: code, addresses, alt texts and HTML are the same after cleaning, and every change lies in prose', () => {
    fc.assert(
      fc.property(textOf(MARKDOWN), (source) => {
        const prose = markdownProse(source)
        const { output, applied } = cleanText(source, projectRuleSet(), undefined, prose)
        expect(nonProse(output)).toEqual(nonProse(source))
        for (const change of applied) expect(source.slice(change.start, change.end)).toBe(change.before)
      }),
      settings,
    )
  })

  it('HTML: every byte outside the prose ranges is kept', () => {
    fc.assert(
      fc.property(textOf(HTML), (source) => {
        const prose = htmlProse(source)
        const { applied } = cleanText(source, projectRuleSet(), undefined, prose)
        const ranges = prose.blocks.flatMap((block) => block.ranges)
        for (const change of applied) expect(ranges.some((range) => range.start <= change.start && change.end <= range.end)).toBe(true)
        for (const change of applied) expect(/[<>]/.test(change.before) || /[<>]/.test(change.after)).toBe(false)
      }),
      settings,
    )
  })
})

import type { Nodes, Root } from 'hast'
import { phrasing } from 'hast-util-phrasing'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { ProseCollector, type ProseMap } from './prose-map.js'

const parser = unified().use(rehypeParse).freeze()

/**
 * Elements whose text is not prose: hast-util-to-nlcst's ignored ones (script, style, svg, math, del),
 * code (its "source"), and the other elements that hold code, input or templates.
 */
const NOT_PROSE = new Set(['script', 'style', 'svg', 'math', 'del', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'template', 'noscript'])

/**
 * The prose of an HTML text: its text nodes outside the elements above. Attributes, comments, the
 * doctype and the tags are not prose, and an element that is not phrasing content (`p`, `li`, `td`,
 * `div`…) is a block boundary on both sides, as hast-util-to-nlcst makes its paragraphs.
 */
export function htmlProse(text: string): ProseMap {
  const tree = parser.parse(text) as Root
  const collector = new ProseCollector()
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'text') {
      // Only white space (between tags) or a byte order mark is no prose: not a block to check.
      if (start !== undefined && end !== undefined && /[^\s\uFEFF]/.test(node.value)) collector.text(start === 0 && text.startsWith('\uFEFF') ? 1 : start, end)
      return
    }
    if (node.type === 'comment') {
      if (start !== undefined && end !== undefined) collector.comment(node.value, start, end)
      return
    }
    if (node.type === 'element') {
      if (NOT_PROSE.has(node.tagName)) {
        collector.breakBlock()
        return
      }
      const block = !phrasing(node)
      if (block) collector.breakBlock()
      for (const child of node.children) visit(child)
      if (block) collector.breakBlock()
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return collector.finish(text.length)
}

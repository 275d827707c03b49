import type { Nodes, Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { ProseCollector, type ProseMap } from './prose.js'

// remark with front matter (YAML, TOML) and GFM (tables, strikethrough, literal autolinks `www.x.com`).
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

/**
 * Phrasing content: it continues the block it is in. Any other node (paragraph, heading, table cell, list
 * item, code, front matter…) is a block boundary, as mdast-util-to-nlcst makes a paragraph of each block.
 */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'html', 'break', 'image', 'imageReference', 'footnoteReference'])

/** Continuation lines of a paragraph start with indentation and, in a block quote, `>` markers: markup, not prose. */
const LINE_PREFIX = /^[ \t>]*/

const COMMENT = /<!--([^]*?)-->/g

/**
 * The prose of a Markdown text: the text of paragraphs, headings, table cells and links. Not prose: code
 * (fenced, indented, inline), link and image destinations and titles, autolinks (`<http://…>`, `www.…`),
 * image alt text, HTML (inline or block, comments included), front matter, and the markup itself.
 * Hand-written rather than mdast-util-to-nlcst: that builds a retext tree for checking, but cleaning needs
 * ranges of the original text, and the checks here run on plain text with its offsets kept.
 */
export function markdownProse(text: string): ProseMap {
  // micromark drops a byte order mark and counts its offsets without it: parse without, and shift them back.
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  const tree = parser.parse(bom ? text.slice(1) : text) as Root
  const collector = new ProseCollector()
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset === undefined ? undefined : node.position.start.offset + bom
    const end = node.position?.end.offset === undefined ? undefined : node.position.end.offset + bom
    const block = !PHRASING.has(node.type)
    if (block) collector.breakBlock()
    if (node.type === 'text' && start !== undefined && end !== undefined) addText(text, start, end, collector)
    else if (node.type === 'html' && start !== undefined) {
      for (const comment of node.value.matchAll(COMMENT)) collector.comment(comment[1]!, start + comment.index, start + comment.index + comment[0].length)
    } else if ((node.type === 'link' && start !== undefined && text[start] !== '[') || node.type === 'code' || node.type === 'inlineCode') {
      // An autolink's text is its address; code is code.
    } else if ('children' in node) for (const child of node.children) visit(child)
    if (block) collector.breakBlock()
  }
  visit(tree)
  return collector.finish(text.length)
}

/**
 * A text node's source, line by line: a node that runs over several lines of a block quote or a list item
 * holds their `>` markers and indentation in its source (its value drops them), and they are not prose.
 */
function addText(text: string, start: number, end: number, collector: ProseCollector): void {
  let lineStart = start
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 || newline >= end ? end : newline + 1
    const prefix = lineStart === start ? 0 : (LINE_PREFIX.exec(text.slice(lineStart, lineEnd))?.[0].length ?? 0)
    collector.text(lineStart + prefix, lineEnd)
    lineStart = lineEnd
  }
}

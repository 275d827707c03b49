import type { Nodes, Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { ProseCollector, type ProseMap } from './prose-map.js'

// remark with front matter (YAML, TOML) and GFM (tables, strikethrough, literal autolinks `www.x.com`).
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

/**
 * Phrasing content: it continues the block it is in. Any other node (paragraph, heading, table cell, list
 * item, code, front matter…) is a block boundary, as mdast-util-to-nlcst makes a paragraph of each block.
 */
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'inlineCode',
  'html',
  'break',
  'image',
  'imageReference',
  'footnoteReference',
])

/** Continuation lines of a paragraph start with indentation and, in a block quote, `>` markers: markup, not prose. */
const LINE_PREFIX = /^[ \t>]*/

const COMMENT = /<!--([^]*?)-->/g

/**
 * Block quotes and lists nested deeper than this are refused before parsing: micromark's time grows with
 * the square of the depth (100,000 `> ` on one line, 200 KB, ran for over a minute; 20,000 overflow its
 * stack), and no real text nests more than a few levels.
 */
export const MAX_CONTAINER_DEPTH = 100
/** One container marker at the start of a line: `>`, or a list item's bullet or number followed by a space. */
const CONTAINER_MARKER = /[ \t]{0,3}(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y

/** Throws a RangeError (read as "nested too deeply") at the first line that opens too many containers. */
function refuseDeepNesting(text: string): void {
  let lineStart = text.startsWith('\uFEFF') ? 1 : 0
  for (let line = 1; lineStart <= text.length; line++) {
    CONTAINER_MARKER.lastIndex = lineStart
    let depth = 0
    while (CONTAINER_MARKER.exec(text) && ++depth <= MAX_CONTAINER_DEPTH);
    if (depth > MAX_CONTAINER_DEPTH) throw new RangeError(`more than ${MAX_CONTAINER_DEPTH} block quotes or lists inside each other at line ${line}`)
    const next = text.indexOf('\n', lineStart)
    if (next === -1) break
    lineStart = next + 1
  }
}

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
  refuseDeepNesting(text)
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

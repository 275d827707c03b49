import { describe, expect, it } from 'vitest'
import { htmlProse } from './html.js'

const blocksOf = (text: string): string[][] => htmlProse(text).blocks.map((block) => block.ranges.map((range) => text.slice(range.start, range.end)))

describe('htmlProse', () => {
  it('takes the text of elements, a block per paragraph, heading or cell', () => {
    expect(blocksOf('<h1>Lavrov met</h1><p>Wang <b>Yi</b> today.</p><table><tr><td>a</td><td>b</td></tr></table>')).toEqual([
      ['Lavrov met'],
      ['Wang ', 'Yi', ' today.'],
      ['a'],
      ['b'],
    ])
  })

  it('leaves out attributes, comments, script, style, code and pre', () => {
    const text =
      '<p title="Ravorov">A <a href="http://x.com/Ravorov">B</a><!-- Ravorov --><code>Ravorov</code></p><script>Ravorov</script><style>.Ravorov{}</style><pre>Ravorov</pre>'
    expect(blocksOf(text)).toEqual([['A ', 'B']])
  })

  it('keeps a character reference in the prose as written', () => {
    expect(blocksOf('<p>Wang &amp; Yi</p>')).toEqual([['Wang &amp; Yi']])
  })

  it('gives offsets into the text as written, with a byte order mark too', () => {
    expect(blocksOf('\uFEFF<p>Lavrov</p>\r\n<p>Wang Yi</p>')).toEqual([['Lavrov'], ['Wang Yi']])
  })

  it('reads disable comments', () => {
    const text = '<p>A</p><!-- mtclean-disable --><p>B</p><!-- mtclean-enable --><p>C</p>'
    const [span] = htmlProse(text).disabled
    expect(text.slice(span!.start, span!.end)).toBe('<p>B</p>')
  })
})

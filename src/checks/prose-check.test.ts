import { describe, expect, it } from 'vitest'
import { htmlProse } from '../formats/html.js'
import { markdownProse } from '../formats/markdown.js'
import { createChecker, proseChunks } from './index.js'
import { realSentence, testKnowledge } from './test-helpers.js'

const checker = createChecker(testKnowledge().ruleSet)
const markdown = (text: string): string[] =>
  checker.check(text, undefined, markdownProse(text)).messages.map((message) => `${String(message)} [${message.ruleId}]`)
const html = (text: string): string[] => checker.check(text, undefined, htmlProse(text)).messages.map((message) => `${String(message)} [${message.ruleId}]`)

describe('checking the prose of Markdown and HTML', () => {
  it('reports at the line and column of the file as written', () => {
    expect(markdown('---\ntitle: x\n---\n# Title\n\n> Minister **Ravorov** met\n> Brillings.\n')).toEqual([
      '6:14-6:21: `Ravorov` is a known variant of `Lavrov`: fixable by rule lavrov (rules/test.yaml:3:5) [known-variant]',
      '7:3-7:12: `Brillings` is a known variant of `Blinken`: fixable by rule blinken (rules/test.yaml:8:5) [known-variant]',
    ])
    expect(html('<html>\n<body>\n  <p class="x">He met <b>Ravorov</b>.</p>\n</body>\n</html>\n')).toEqual([
      '3:26-3:33: `Ravorov` is a known variant of `Lavrov`: fixable by rule lavrov (rules/test.yaml:3:5) [known-variant]',
    ])
  })

  it('reports nothing in code, link destinations, front matter, comments or attributes', () => {
    const text = '---\nauthor: Ravorov\n---\nText `Ravorov` and [a link](http://x.com/Ravorov) <!-- Ravorov -->.\n\n```\nRavorov Beijing.Patrueshev\n```\n'
    expect(markdown(text)).toEqual([])
    expect(html('<p title="Ravorov">Text <code>Ravorov</code> <a href="x/Ravorov">here</a>.</p><script>Beijing.Patrueshev</script>')).toEqual([])
  })

  it('does not read markup as a space: emphasis before a comma, a link before a full stop (real sentences)', () => {
    const sentence = realSentence('ref.A', 1616)
    const [head, tail] = [sentence.slice(0, sentence.indexOf(',')), sentence.slice(sentence.indexOf(','))]
    expect(markdown(`${head.replace('banking system', '**banking system**')}${tail}\n`)).toEqual([])
    expect(markdown(`${sentence.slice(0, -1)} [source](http://x.com/a).\n`)).toEqual([])
    expect(html(`<p><i>${head}</i>${tail}</p>`)).toEqual([])
  })

  it('checks each block alone: a heading does not run into the paragraph under it', () => {
    // As one paragraph, `Talks talks` would be a repeated word.
    expect(markdown('# Talks\nTalks were held in Moscow.\n')).toEqual([])
    expect(html('<h2>Talks</h2>Talks were held in Moscow.')).toEqual([])
  })

  it('reports what is wrong in the prose', () => {
    expect(markdown('# News\n\nHe met Lavrov in Beijing.Patrueshev said so.\n')).toEqual(['3:18-3:36: Missing space after `.` [missing-space]'])
  })

  it('says nothing in a disabled span, for all checks or for the ones named', () => {
    const text =
      'He met Ravorov.\n\n<!-- mtclean-disable -->\nHe met Ravorov.\n<!-- mtclean-enable -->\n\n<!-- mtclean-disable missing-space -->\nHe met Ravorov in Beijing.Patrueshev said so.\n'
    expect(markdown(text)).toEqual([
      '1:8-1:15: `Ravorov` is a known variant of `Lavrov`: fixable by rule lavrov (rules/test.yaml:3:5) [known-variant]',
      '8:8-8:15: `Ravorov` is a known variant of `Lavrov`: fixable by rule lavrov (rules/test.yaml:3:5) [known-variant]',
    ])
  })

  it('says nothing of a known variant where its rule is disabled', () => {
    expect(markdown('<!-- mtclean-disable lavrov -->\nHe met Ravorov and Brillings.\n')).toEqual([
      '2:20-2:29: `Brillings` is a known variant of `Blinken`: fixable by rule blinken (rules/test.yaml:8:5) [known-variant]',
    ])
  })

  it('reports an id of a disable comment that is no rule or check, at the comment', () => {
    expect(markdown('Text.\n\n<!-- mtclean-disable lavorv, missing-space lavrov -->\nMore.\n')).toEqual([
      '3:1-3:54: `lavorv` is not a rule or a check: this comment does nothing for it [disable-comment]',
    ])
    expect(html('<p>Text.</p><!-- mtclean-enable blinken -->')).toEqual([])
  })

  it('reports a truncated text at its last block only', () => {
    expect(markdown('The article concl\n\nThe end.\n')).toEqual([])
    expect(markdown('The end.\n\nThe article concl\n').map((message) => message.split(': ')[0])).toEqual(['3:13-3:18'])
  })

  it('cuts a chunk per block, from the start of its line, blanking the rest', () => {
    const text = '| Wang | Yi |\n|---|---|\n'
    const chunks = proseChunks(text, markdownProse(text))
    expect(chunks.map((chunk) => [chunk.text, chunk.start, chunk.line])).toEqual([
      ['  Wang', 0, 1],
      ['         Yi', 0, 1],
    ])
  })
})

import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { testKnowledge } from '../checks/test-helpers.js'
import { cleanText } from './clean.js'
import { htmlProse } from '../formats/html.js'
import { markdownProse } from '../formats/markdown.js'
import { loadRuleSet } from '../rules/load.js'

const { ruleSet } = testKnowledge()
const cleanMarkdown = (text: string): string => cleanText(text, ruleSet, undefined, markdownProse(text)).output
const cleanHtml = (text: string): string => cleanText(text, ruleSet, undefined, htmlProse(text)).output

describe('cleanText on Markdown and HTML', () => {
  it('changes the prose only', () => {
    expect(cleanMarkdown('Ravorov, `Ravorov`, [Ravorov](http://x.com/Ravorov) and <http://x.com/Ravorov>.\n')).toBe(
      'Lavrov, `Ravorov`, [Lavrov](http://x.com/Ravorov) and <http://x.com/Ravorov>.\n',
    )
    expect(cleanHtml('<p title="Ravorov">Ravorov <code>Ravorov</code></p><script>Ravorov</script>')).toBe(
      '<p title="Ravorov">Lavrov <code>Ravorov</code></p><script>Ravorov</script>',
    )
  })

  it('drops a change that would cross markup', () => {
    // The bundled rules fix `United Zard` and `China -Russia` (also with two spaces, as in plain text):
    // with the emphasis blanked they would match across it, and the change would eat the markup.
    const bundled = loadRuleSet([fileURLToPath(new URL('../../rules', import.meta.url))])
    const clean = (text: string): string => cleanText(text, bundled, undefined, markdownProse(text)).output
    expect(clean('The United *Zard* said.\n')).toBe('The United *Zard* said.\n')
    expect(clean('The *China* -Russia ties.\n')).toBe('The *China* -Russia ties.\n')
    expect(clean('The United Zard said. The China -Russia ties.\n')).toBe('The Lianhe Zaobao said. The China-Russia ties.\n')
  })

  it('leaves a disabled span alone, for all rules or the ones named', () => {
    const text = 'Ravorov\n\n<!-- mtclean-disable -->\nRavorov\n<!-- mtclean-enable -->\nRavorov\n<!-- mtclean-disable blinken -->\nRavorov Brillings\n'
    expect(cleanMarkdown(text)).toBe(
      'Lavrov\n\n<!-- mtclean-disable -->\nRavorov\n<!-- mtclean-enable -->\nLavrov\n<!-- mtclean-disable blinken -->\nLavrov Brillings\n',
    )
  })

  it('reports offsets into the text as written', () => {
    const text = '---\nx: 1\n---\n**Ravorov**\n'
    const [change] = cleanText(text, ruleSet, undefined, markdownProse(text)).applied
    expect(change).toMatchObject({ start: text.indexOf('Ravorov'), end: text.indexOf('Ravorov') + 7, before: 'Ravorov', after: 'Lavrov' })
  })
})

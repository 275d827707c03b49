import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKS } from './index.js'
import { CHECKS_DOCS, docsUrl } from './message.js'

describe('docsUrl', () => {
  it('points at docs/checks.md of this package, from the folder the message is read in, at the check heading', () => {
    const packageRoot = path.resolve(import.meta.dirname, '../..')
    expect(CHECKS_DOCS).toBe(path.join(packageRoot, 'docs/checks.md'))
    expect(docsUrl('suspect-name', packageRoot)).toBe('docs/checks.md#suspect-name')
    expect(docsUrl('suspect-name', path.join(packageRoot, 'tmp/out'))).toBe('../../docs/checks.md#suspect-name')
    const elsewhere = path.resolve(packageRoot, '..', 'other-project')
    expect(path.resolve(elsewhere, docsUrl('fragment', elsewhere).split('#')[0]!)).toBe(CHECKS_DOCS)
  })

  it('its anchor is the one a Markdown renderer gives each check heading: the heading is the bare id', () => {
    // GitHub, npm and editors slug a heading by lower-casing it and keeping letters, digits and hyphens: a
    // heading that is a lower-case, hyphenated id is its own anchor.
    const headings = [...readFileSync(CHECKS_DOCS, 'utf8').matchAll(/^## (.+)$/gm)].map((match) => match[1])
    for (const ruleId of CHECKS.flatMap((check) => check.ruleIds)) {
      expect(ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(headings, ruleId).toContain(ruleId)
    }
  })
})

import path from 'node:path'
import { describe, expect, it } from 'vitest'
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
})

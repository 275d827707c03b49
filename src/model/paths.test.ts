import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { relativeUrl, shownPath } from './paths.js'

describe('shownPath', () => {
  const project = path.resolve('/srv/news/project')

  it('shows an absolute path relative to the folder it is read from, with /', () => {
    expect(shownPath(path.join(project, 'rules', 'people.yaml'), project)).toBe('rules/people.yaml')
    expect(shownPath(path.resolve('/srv/news/shared/rules/a.yaml'), project)).toBe('../shared/rules/a.yaml')
    expect(shownPath(project, project)).toBe('.')
  })

  it('normalises a relative path as given', () => {
    expect(shownPath('./rules/../rules/people.yaml', project)).toBe('rules/people.yaml')
    expect(shownPath('../shared/rules', project)).toBe('../shared/rules')
  })
})

describe('relativeUrl', () => {
  it('is a relative URL from the reading folder, each segment percent-encoded, with an optional fragment', () => {
    const docs = path.resolve('/opt/mtclean/docs/checks.md')
    expect(relativeUrl(docs, path.resolve('/opt/mtclean/cleaned'), 'suspect-name')).toBe('../docs/checks.md#suspect-name')
    expect(relativeUrl(path.resolve('/a/my rules/#1.yaml'), path.resolve('/a/out'))).toBe('../my%20rules/%231.yaml')
  })
})

import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ruleDefinitionUrl } from './links.js'

describe('ruleDefinitionUrl', () => {
  const project = path.resolve('/home/ann/news')

  it('links a rule location (relative to the working folder) from the output folder, with a line anchor', () => {
    expect(ruleDefinitionUrl('rules/people.yaml:12:5', { cwd: project, outFolder: path.join(project, 'cleaned') })).toBe('../rules/people.yaml#L12')
    expect(ruleDefinitionUrl('rules/people.yaml:12:5', { cwd: project, outFolder: path.join(project, 'tmp/out') })).toBe('../../rules/people.yaml#L12')
    expect(ruleDefinitionUrl('../shared/rules/a.yaml:4:5', { cwd: project, outFolder: path.join(project, 'cleaned') })).toBe('../../shared/rules/a.yaml#L4')
  })

  it('percent-encodes what a URL would read otherwise (a space, a #)', () => {
    expect(ruleDefinitionUrl('my rules/#1.yaml:3:1', { cwd: project, outFolder: project })).toBe('my%20rules/%231.yaml#L3')
  })

  it('gives no link for something that is not file:line:column', () => {
    expect(ruleDefinitionUrl('people.yaml', { cwd: project, outFolder: project })).toBeUndefined()
  })
})

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runCli, tempProject } from './helpers/project.js'

interface Suggestion {
  canonical: string | null
  category: string | null
  variants: string[]
  evidence: { variant: string; count: number; context: string }[]
  examples: { before: string; after?: string }[]
}
const suggestionsOf = (yaml: string): Suggestion[] => (parse(yaml) as { suggestions: Suggestion[] }).suggestions

/** A temp project whose people.yaml lacks the Lavrov entity. */
function withoutLavrov(): string {
  const dir = tempProject('seeds', 'rules')
  const file = path.join(dir, 'rules/people.yaml')
  const text = readFileSync(file, 'utf8')
  writeFileSync(file, text.slice(0, text.indexOf('  - id: lavrov')) + text.slice(text.indexOf('  - id: sullivan')))
  return dir
}

describe('mtclean suggest', () => {
  it('proposes Ravorov and Rafrov under Lavrov when the Lavrov entity is missing, with evidence and examples', () => {
    const result = runCli(['suggest', 'seeds'], withoutLavrov())
    expect(result.status).toBe(0)
    const lavrov = suggestionsOf(result.stdout).find((suggestion) => suggestion.canonical === 'Lavrov')!
    expect(lavrov).toMatchObject({ category: 'person', variants: ['Rafrov', 'Ravorov'] })
    expect(lavrov.evidence.map((evidence) => evidence.context)).toEqual([
      expect.stringMatching(/^seeds\/001_d702a5174758cb34\.txt:5: ….*Russian Foreign Minister Rafrov on Thursday/),
      expect.stringMatching(/^seeds\/000_8f9708c4ec4fda24\.txt:1: ….*Russian Foreign Minister Ravorov said/),
    ])
    expect(lavrov.examples[1]).toEqual({
      before: "target third parties; Russian Foreign Minister Ravorov said that China and Russia's anti",
      after: "target third parties; Russian Foreign Minister Lavrov said that China and Russia's anti",
    })
  })

  it('proposes nothing the rules already cover', () => {
    const dir = tempProject('seeds', 'rules')
    const covered = JSON.parse(runCli(['rules', 'list', '--format', 'json'], dir).stdout).flatMap((rule: { variants?: string[] }) => rule.variants ?? [])
    const proposed = suggestionsOf(runCli(['suggest', 'seeds'], dir).stdout).flatMap((suggestion) => suggestion.variants)
    expect(proposed.filter((variant) => covered.includes(variant))).toEqual([])
  })

  it('writes a review file that rules add --from turns back into a rule that fixes the seeds', () => {
    const dir = withoutLavrov()
    expect(runCli(['suggest', 'seeds', '--write', 'review.yaml'], dir).status).toBe(0)
    expect(runCli(['rules', 'add', '--from', 'review.yaml'], dir).status).toBe(0)
    expect(runCli(['rules', 'test'], dir).status).toBe(0)
    runCli(['clean'], dir)
    const cleaned = readFileSync(path.join(dir, 'cleaned/000_8f9708c4ec4fda24.txt'), 'utf8')
    expect(cleaned).toContain('Russian Foreign Minister Lavrov said')
  })

  it('proposes what the check backs, and never a Chinese name as a garbled foreign one', () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in/a.txt'), 'Brazilian President Bolsonaro met Hu Qiaoli. Bolsonaro and Zhang Hongsen spoke.\n')
    writeFileSync(path.join(dir, 'in/b.txt'), 'Bolsonaro visited Yilan County with Wang Lili; Bosonaro left.\n')
    const proposals = suggestionsOf(runCli(['suggest', 'in'], dir).stdout)
    expect(proposals.map((proposal) => [proposal.canonical, proposal.variants])).toEqual([['Bolsonaro', ['Bosonaro']]])
  })
})

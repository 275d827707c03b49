import { describe, expect, it } from 'vitest'
import { mergeRules } from './merge.js'
import type { RuleCount } from './report.js'

const rule = (ruleId: string, place: string, count = 1): RuleCount => ({ ruleId, category: 'person', rule: place, count })

describe("mergeRules: the shards' rules tables as one run lists them", () => {
  const shardA = [rule('lavrov', 'rules/people.yaml:4:5'), rule('asean', 'rules/places.yaml:9:5', 2)]
  const shardB = [rule('sullivan', 'rules/people.yaml:16:5'), rule('asean', 'rules/places.yaml:9:5', 0)]

  it('adds up the counts and orders by the rule set when it is there', () => {
    const order = new Map([
      ['lavrov', 0],
      ['sullivan', 1],
      ['asean', 2],
    ])
    expect(mergeRules([shardA, shardB], order)).toEqual([
      rule('lavrov', 'rules/people.yaml:4:5'),
      rule('sullivan', 'rules/people.yaml:16:5'),
      rule('asean', 'rules/places.yaml:9:5', 2),
    ])
  })

  it("without it, from the tables: each shard's order, then where each rule is defined", () => {
    expect(mergeRules([shardB, shardA], undefined).map((each) => each.ruleId)).toEqual(['lavrov', 'sullivan', 'asean'])
  })
})

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { yamlScalar } from './yaml-scalar.js'

describe('yamlScalar', () => {
  it('leaves names plain that YAML 1.2 and 1.1 read as the same string', () => {
    for (const name of ['Lavrov', 'Hu Qiaoli', "McDonald's", 'Jean-Luc Mélenchon', 'G7', 'St. Petersburg']) expect(yamlScalar(name)).toBe(name)
  })

  it('quotes what would be read as a number, null, boolean, comment, mapping, tag or alias, in block and flow', () => {
    const tricky = ['1e3', '0x1F', '1_000', 'null', 'True', 'yes', 'On', 'no', '#x', 'a: b', 'x #y', '!x', '&x', '*x', '[x]', '{x}', 'a, b', 'x ', '"q"']
    for (const text of tricky) {
      expect(yamlScalar(text)).toMatch(/^"/)
      for (const version of ['1.1', '1.2'] as const) {
        expect(parse(`- ${yamlScalar(text)}\n`, { version })).toEqual([text])
        expect(parse(`[${yamlScalar(text)}, z]\n`, { version })).toEqual([text, 'z'])
      }
    }
  })
})

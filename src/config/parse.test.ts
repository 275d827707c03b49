import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../model/errors.js'
import { parseConfigText, validateConfig } from './parse.js'

const CHECK_IDS = ['fragment', 'known-variant', 'unknown-word']
const FILE = path.resolve('/project/mtclean.config.yaml')

function load(text: string) {
  const { document, lineCounter } = parseConfigText(text, 'mtclean.config.yaml')
  return validateConfig({ document, lineCounter, node: document.contents ?? undefined }, FILE, 'mtclean.config.yaml', CHECK_IDS)
}

function errorOf(text: string): string {
  try {
    load(text)
  } catch (error) {
    if (error instanceof ConfigError) return error.format()
    throw error
  }
  throw new Error('no error')
}

describe('validateConfig', () => {
  it('reads every key, with paths relative to the config file', () => {
    const config = load(
      [
        'inputs: [articles, ../shared/more]',
        'out: cleaned',
        'rules:',
        '  bundled: false',
        '  folder: rules',
        '  extra: ../shared/terms.yaml',
        'checks:',
        '  unknown-word: off',
        '  fragment: warn',
        '  known-variant: error',
        'report: [md, html]',
        'extensions: [.txt, md]',
        'ignore:',
        '  - " - Ecns.cn"',
        "  - regex: '\\(Xinhua\\)'",
        '    flags: i',
      ].join('\n'),
    )
    expect(config.inputs).toEqual([path.resolve('/project/articles'), path.resolve('/shared/more')])
    expect(config.out).toBe(path.resolve('/project/cleaned'))
    expect(config.rules).toEqual({ bundled: false, folder: path.resolve('/project/rules'), extra: [path.resolve('/shared/terms.yaml')] })
    expect(config.checks).toEqual({ 'unknown-word': 'off', fragment: 'warn', 'known-variant': 'error' })
    expect(config.report).toEqual(['md', 'html'])
    expect(config.extensions).toEqual(['txt', 'md'])
    expect(config.ignore).toEqual([{ phrase: ' - Ecns.cn' }, { regex: '\\(Xinhua\\)', flags: 'i' }])
  })

  it('takes an empty file, and keys left empty (only comments under them), as the defaults', () => {
    expect(load('# nothing yet\n')).toMatchObject({ checks: {}, ignore: [], folder: path.resolve('/project') })
    const config = load('checks:\n  # unknown-word: off\nignore:\n  # - " - Ecns.cn"\n')
    expect(config.checks).toEqual({})
    expect(config.ignore).toEqual([])
    expect(config.inputs).toBeUndefined()
  })

  it('reports an unknown key at the key', () => {
    expect(errorOf('out: cleaned\ninptus: [articles]\n')).toBe(
      'mtclean.config.yaml:2:1: unknown key "inptus" (known: inputs, out, rules, checks, report, extensions, ignore)',
    )
    expect(errorOf('rules:\n  bundle: false\n')).toMatch(/^mtclean\.config\.yaml:2:3: unknown key "bundle" in rules/)
  })

  it('reports a bad value at the value', () => {
    expect(errorOf('checks:\n  fragment: of\n')).toBe('mtclean.config.yaml:2:13: the severity of fragment must be one of: off, warn, error')
    expect(errorOf('checks:\n  fragmnet: off\n')).toMatch(
      /^mtclean\.config\.yaml:2:3: unknown check "fragmnet" \(known: fragment, known-variant, unknown-word\)/,
    )
    expect(errorOf('report: [md, pdf]\n')).toBe('mtclean.config.yaml:1:14: each report view must be one of: md, html, json')
    expect(errorOf('rules:\n  bundled: no\n')).toBe('mtclean.config.yaml:2:12: rules.bundled must be true or false')
    expect(errorOf('out: 3\n')).toBe('mtclean.config.yaml:1:6: out must be a non-empty text')
    expect(errorOf('extensions: ["*"]\n')).toMatch(/^mtclean\.config\.yaml:1:14: an extension is letters and digits/)
    expect(errorOf('ignore:\n  - regex: "("\n')).toMatch(/^mtclean\.config\.yaml:2:12: ignore: not a valid regular expression/)
    expect(errorOf('ignore:\n  - regex: "(a+)+$"\n')).toMatch(/^mtclean\.config\.yaml:2:12: ignore: this regular expression can backtrack catastrophically/)
    expect(errorOf('ignore:\n  - 42\n')).toMatch(/^mtclean\.config\.yaml:2:5: each ignore entry is a phrase/)
    expect(errorOf('- out\n')).toMatch(/^mtclean\.config\.yaml:1:1: the config must be a mapping/)
  })

  it('refuses a rule set with no layer at all', () => {
    expect(errorOf('rules:\n  bundled: false\n')).toMatch(/^mtclean\.config\.yaml:2:3: rules: with bundled: false, name a folder or extra files/)
  })

  it('reports invalid YAML at its place', () => {
    expect(() => parseConfigText('out: [\n', 'mtclean.config.yaml')).toThrow(/invalid YAML/)
    expect(() => parseConfigText('out: a\nout: b\n', 'mtclean.config.yaml')).toThrow(ConfigError)
  })
})

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ConfigError, ConfigErrors } from '../model/errors.js'
import { parseRuleSource } from '../rules/load.js'
import { addNames, checkName, planNames, projectNamesFile } from './names-edit.js'

const FILE = 'rules/names.yaml'
const withNames = (text: string | null, words: string[]): string => planNames(text, words, FILE).after
const listed = (text: string): string[] => parseRuleSource(text, FILE).names

const PROJECT_NAMES = `# Names known to be right.

names:
  # Word parts
  - Sino
  # CamelCase
  - YouTube
  - WeChat # a trailing comment
`

const tempFolder = (): string => mkdtempSync(path.join(os.tmpdir(), 'mtclean-names-'))

describe('planNames: the edit', () => {
  it('appends after the last item, keeping every line before and after it byte for byte', () => {
    const text = `${PROJECT_NAMES}\n# closing remark\n`
    const edited = withNames(text, ['Markle', 'Hu Qiaoli'])
    expect(edited).toBe(text.replace('  - WeChat # a trailing comment\n', '  - WeChat # a trailing comment\n  - Markle\n  - Hu Qiaoli\n'))
    expect(listed(edited)).toEqual(['Sino', 'YouTube', 'WeChat', 'Markle', 'Hu Qiaoli'])
  })

  it('keeps the indentation of the list, also a list at column 0', () => {
    expect(withNames('names:\n    - Sino\n', ['Markle'])).toBe('names:\n    - Sino\n    - Markle\n')
    expect(withNames('names:\n- Sino\n', ['Markle'])).toBe('names:\n- Sino\n- Markle\n')
  })

  it('keeps CRLF line endings: the new lines end in CRLF too, and no bare LF appears', () => {
    const text = PROJECT_NAMES.replace(/\n/g, '\r\n')
    const edited = withNames(text, ['Markle'])
    expect(edited).toBe(text.replace('comment\r\n', 'comment\r\n  - Markle\r\n'))
    expect(edited.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })

  it('keeps a file without a final newline as it is, adding after its last line', () => {
    expect(withNames('names:\n  - Sino', ['Markle'])).toBe('names:\n  - Sino\n  - Markle')
  })

  it('adds to a flow list in its style', () => {
    expect(withNames('names: [Sino, YouTube] # short\n', ['Markle'])).toBe('names: [Sino, YouTube, Markle] # short\n')
    expect(withNames('names: []\n', ['Markle', 'Qiaoli'])).toBe('names: [Markle, Qiaoli]\n')
  })

  it('adds a `names:` list to a file without one', () => {
    expect(withNames('# only a comment\n', ['Markle'])).toBe('# only a comment\nnames:\n  - Markle\n')
    expect(withNames('', ['Markle'])).toBe('names:\n  - Markle\n')
    const rules = 'entities:\n  - id: x\n    canonical: X\n    category: person\n    variants: [Y]\n'
    expect(withNames(rules, ['Markle'])).toBe(`${rules}\nnames:\n  - Markle\n`)
  })

  it('makes a new file with a short header comment', () => {
    const made = withNames(null, ['Markle'])
    expect(made).toMatch(/^# Names known to be right/)
    expect(made.endsWith('\n\nnames:\n  - Markle\n')).toBe(true)
    expect(listed(made)).toEqual(['Markle'])
  })

  it('reports a word listed already instead of adding it twice, and a word given twice once', () => {
    const plan = planNames(PROJECT_NAMES, ['YouTube', 'Markle', 'Markle', ' WeChat '], FILE)
    expect(plan).toMatchObject({ added: ['Markle'], already: ['YouTube', 'WeChat'] })
    expect(listed(plan.after)).toEqual(['Sino', 'YouTube', 'WeChat', 'Markle'])
    expect(planNames(PROJECT_NAMES, ['Sino'], FILE)).toEqual({ added: [], already: ['Sino'], before: PROJECT_NAMES, after: PROJECT_NAMES })
  })

  it('quotes what YAML would read as something else, so every word loads back as the same string', () => {
    const tricky = ['1e3', 'null', 'True', 'yes', 'On', '#x', '!x', '&x', '*x', '@x', '%x', 'a: b', 'G7:30', '- x', '[x]', '"quoted"', "it's", 'x #y']
    const edited = withNames(PROJECT_NAMES, tricky)
    expect(listed(edited).slice(3)).toEqual(tricky)
    // YAML 1.1 readers (where `yes` and `On` are booleans) read the same strings too.
    expect((parse(edited, { version: '1.1' }) as { names: string[] }).names.slice(3)).toEqual(tricky)
    expect(edited).toContain('  - "1e3"\n  - "null"\n  - "True"\n  - "yes"\n')
    // Names YAML reads as they are stay plain.
    expect(withNames('names: []\n', ['Hu Qiaoli', "McDonald's"])).toBe("names: [Hu Qiaoli, McDonald's]\n")
  })

  it('refuses a file that is not a valid rule file, or whose `names` is not a list, at its line', () => {
    expect(() => planNames('names: [Sino\n', ['Markle'], FILE)).toThrow(ConfigErrors)
    expect(() => planNames('names: Sino\n', ['Markle'], FILE)).toThrow(ConfigErrors)
    expect(() => planNames('names:\n# to come\n', ['Markle'], FILE)).toThrow('rules/names.yaml:1:7: names must be array')
    expect(() => planNames('- Sino\n', ['Markle'], FILE)).toThrow(ConfigErrors)
    expect(() => planNames('{names: [Sino]}\n', ['Markle'], FILE)).toThrow('the file is one flow mapping ({…}): add the names by hand')
  })
})

describe('checkName', () => {
  const problem = (word: string): string | undefined => {
    try {
      checkName(word, FILE)
      return undefined
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      return (error as ConfigError).format()
    }
  }

  it('takes a word or a few, dropping surrounding spaces', () => {
    expect(checkName('  Markle ', FILE)).toBe('Markle')
    expect(checkName('Hu Qiaoli', FILE)).toBe('Hu Qiaoli')
    expect(checkName('Jean-Luc Mélenchon', FILE)).toBe('Jean-Luc Mélenchon')
  })

  it('refuses an empty word, control and invisible characters, odd spacing, no letter, a sentence', () => {
    expect(problem('  ')).toBe('rules/names.yaml: a name must not be empty')
    expect(problem('a\nb')).toBe('rules/names.yaml: "a\\nb": a name must not hold control or invisible characters')
    expect(problem('Mar\u200bkle')).toMatch(/control or invisible/)
    expect(problem('Hu\u00a0Qiaoli')).toMatch(/single spaces/)
    expect(problem('Hu  Qiaoli')).toMatch(/single spaces/)
    expect(problem('1234')).toMatch(/needs a letter/)
    expect(problem('the talks between the two sides went well')).toMatch(/a word or a few/)
  })
})

describe('addNames: the file', () => {
  it('writes the names file atomically: the new content, no temporary file left, the mode kept', () => {
    const folder = tempFolder()
    const file = path.join(folder, 'names.yaml')
    writeFileSync(file, PROJECT_NAMES)
    chmodSync(file, 0o640)
    expect(addNames(file, ['Markle', 'Sino'])).toEqual({ added: ['Markle'], already: ['Sino'] })
    expect(readFileSync(file, 'utf8')).toBe(withNames(PROJECT_NAMES, ['Markle']))
    expect(readdirSync(folder)).toEqual(['names.yaml'])
    expect(statSync(file).mode & 0o777).toBe(0o640)
  })

  it('makes the file when it is missing; writes nothing when every word is listed, or on a dry run', () => {
    const folder = tempFolder()
    const file = path.join(folder, 'names.yaml')
    expect(addNames(file, ['Markle'], { dryRun: true })).toEqual({ added: ['Markle'], already: [] })
    expect(readdirSync(folder)).toEqual([])
    addNames(file, ['Markle'])
    const written = statSync(file).mtimeMs
    const text = readFileSync(file, 'utf8')
    expect(addNames(file, ['Markle'])).toEqual({ added: [], already: ['Markle'] })
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(statSync(file).mtimeMs).toBe(written)
  })

  it('writes a symlinked names file through to its target, and keeps the link', () => {
    const folder = tempFolder()
    const target = path.join(folder, 'shared.yaml')
    writeFileSync(target, PROJECT_NAMES)
    symlinkSync('shared.yaml', path.join(folder, 'names.yaml'))
    addNames(path.join(folder, 'names.yaml'), ['Markle'])
    expect(listed(readFileSync(target, 'utf8'))).toContain('Markle')
    expect(readdirSync(folder).sort()).toEqual(['names.yaml', 'shared.yaml'])
  })

  it('refuses a names file inside an installed package, writing nothing', () => {
    const folder = path.join(tempFolder(), 'node_modules', 'mtclean', 'rules')
    mkdirSync(folder, { recursive: true })
    writeFileSync(path.join(folder, 'names.yaml'), PROJECT_NAMES)
    expect(() => addNames(path.join(folder, 'names.yaml'), ['Markle'])).toThrow(/inside an installed package/)
    expect(readFileSync(path.join(folder, 'names.yaml'), 'utf8')).toBe(PROJECT_NAMES)
  })
})

describe('projectNamesFile', () => {
  it('is --file, else names.yaml in the first rules folder, else in ./rules; never the bundled rules', () => {
    const cwd = tempFolder()
    mkdirSync(path.join(cwd, 'mine'))
    writeFileSync(path.join(cwd, 'extra.yaml'), '')
    expect(projectNamesFile({ file: 'x.yaml', rules: ['mine'], cwd })).toBe(path.join(cwd, 'x.yaml'))
    expect(projectNamesFile({ rules: ['extra.yaml', 'mine'], cwd })).toBe(path.join(cwd, 'mine', 'names.yaml'))
    expect(() => projectNamesFile({ rules: ['extra.yaml'], cwd })).toThrow(/pass --file/)
    expect(() => projectNamesFile({ cwd })).toThrow(/no \.\/rules folder here/)
    mkdirSync(path.join(cwd, 'rules'))
    expect(projectNamesFile({ cwd })).toBe(path.join(cwd, 'rules', 'names.yaml'))
  })
})

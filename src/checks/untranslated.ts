import { pinyin } from 'pinyin-pro'
import { report } from './message.js'
import type { Check } from './options.js'

/**
 * A run of Chinese characters, with the CJK punctuation between them (`查询直招士官条件，符合专业范围`):
 * it starts and ends with a Han character. Searched in the text itself, not in retext's words: retext
 * splits a run at CJK punctuation (`，` is a punctuation node) and keeps Han glued to Latin letters in one
 * word node (`fearful懼`), so its words would give a span too short or too long.
 */
const HAN_RUN = /\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\uff3b-\uff40\uff5b-\uff65]*\p{Script=Han})?/gu

/**
 * Chinese left untranslated in the English (`more than 美元 11 billion`, `a 姪 Sun`, `- 华声在线`). The
 * message has the Chinese text as `actual` and its pinyin reading in `note`: there is no `expected`, a
 * person translates it.
 */
export const untranslated: Check = () => (_tree, file) => {
  const text = String(file.value)
  for (const run of text.matchAll(HAN_RUN)) {
    report(file, {
      ruleId: 'untranslated',
      reason: `Untranslated Chinese \`${run[0]}\``,
      start: run.index,
      end: run.index + run[0].length,
      actual: run[0],
      note: `Reads ${pinyin(run[0], { nonZh: 'consecutive' })}`,
    })
  }
}

import retextRepeatedWords from 'retext-repeated-words'
import { docsUrl, SOURCE } from './message.js'
import type { Check } from './options.js'

const upstream = retextRepeatedWords()

/**
 * Repeated words (`new new`), by retext-repeated-words, which already allows the grammatical ones
 * (`had had`, `that that`) and capitalised names (`Duran Duran`); its messages get mtclean's rule id.
 */
export const repeatedWords: Check = () => (tree, file) => {
  const before = file.messages.length
  upstream(tree, file)
  for (const message of file.messages.slice(before)) {
    message.ruleId = 'repeated-word'
    message.source = SOURCE
    message.url = docsUrl('repeated-word')
  }
}

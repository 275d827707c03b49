/**
 * A key for names passed through Chinese transliteration and back: consonants that Chinese does not
 * tell apart in loanwords fold together (l/r, v/f/w, b/p, d/t, g/k/hard c, s/z/x/sh/ch), vowels and
 * doubled letters drop. `Ravorov`, `Rafrov` and `Lavrov` all give `RFRF`; `Saravin` and `Sullivan` `SRFN`.
 */
export function transliterationKey(text: string): string {
  const letters = text.toLowerCase().replace(/[^a-z]/g, '')
  const folded = letters
    .replace(/sh|ch|zh|ts|tz|x|z|j/g, 's')
    .replace(/ph/g, 'f')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck|c|q|g|k/g, 'k')
    .replace(/[lr]/g, 'r')
    .replace(/[vfw]/g, 'f')
    .replace(/[bp]/g, 'p')
    .replace(/[dt]/g, 't')
    .replace(/h/g, '')
  const consonants = folded.replace(/[aeiouy]/g, '')
  return consonants.replace(/(.)\1+/g, '$1').toUpperCase()
}

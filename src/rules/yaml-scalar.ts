import { parse } from 'yaml'

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .'’-]*$/u

/**
 * A text as a YAML scalar: plain where that reads back as the same string under YAML 1.2 (what mtclean
 * loads with) and YAML 1.1 (what other tools may use: `yes`, `On` are booleans there), else double-quoted.
 * `1e3`, `null`, `True`, `#x`, `a: b` are quoted; `Lavrov`, `Hu Qiaoli`, `McDonald's` stay plain.
 * (A JSON string is a valid double-quoted YAML scalar with the same escapes for control characters.)
 */
export function yamlScalar(text: string): string {
  const plain = PLAIN.test(text) && !/ $/u.test(text) && parse(text) === text && parse(text, { version: '1.1' }) === text
  return plain ? text : JSON.stringify(text)
}

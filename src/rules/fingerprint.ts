import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** sha256 over the rule files' texts, in order: equal when the rules are, whatever their paths. */
export function rulesHash(files: string[]): string {
  const hash = createHash('sha256')
  for (const file of files) {
    let text: Buffer
    try {
      text = readFileSync(file)
    } catch {
      text = Buffer.alloc(0) // a rule file that went away: the hash changes, and that is what matters
    }
    hash.update(`${text.length}\u0000`).update(text)
  }
  return hash.digest('hex')
}

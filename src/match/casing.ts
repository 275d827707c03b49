/**
 * The canonical form in the casing of what matched (for case-insensitive variants): an all-capitals
 * match gives all capitals (`RAVOROV` → `LAVROV`), an all-lower-case one lower case, anything else the
 * canonical form as written.
 */
export function matchCasing(matched: string, canonical: string): string {
  const letters = matched.replace(/[^\p{L}]/gu, '')
  if (letters.length < 2) return canonical
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return canonical.toUpperCase()
  if (letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return canonical.toLowerCase()
  return canonical
}

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { PROJECT, runCli, snapshotTree, tempProject } from './helpers/project.js'

// The arguments `npm start` gives mtclean, read from package.json so that the two cannot drift apart.
const START_ARGS = (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')).scripts.start as string).split('bin/mtclean.js ')[1]!.split(' ')

it('the committed cleaned/ is exactly what `npm start` writes', () => {
  expect(START_ARGS[0]).toBe('clean')
  const dir = tempProject('seeds', 'rules')
  expect(runCli(START_ARGS, dir).status).toBe(0)
  const fresh = snapshotTree(path.join(dir, 'cleaned'))
  const committed = snapshotTree(path.join(PROJECT, 'cleaned'))
  expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort())
  // The reports link each check to docs/checks.md of the mtclean that wrote them, relative to the output
  // folder: from the clone's cleaned/ that is ../docs/checks.md, from the temp project a longer way there.
  const docsFromTemp = path.relative(path.join(dir, 'cleaned'), path.join(PROJECT, 'docs/checks.md')).split(path.sep).join('/')
  expect(docsFromTemp).not.toBe('../docs/checks.md')
  const asInTheClone = (text: string): string => text.replaceAll(`${docsFromTemp}#`, '../docs/checks.md#')
  for (const [name, bytes] of fresh) expect(committed.get(name)?.toString(), name).toBe(asInTheClone(bytes.toString()))
})

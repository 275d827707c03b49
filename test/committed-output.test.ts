import path from 'node:path'
import { expect, it } from 'vitest'
import { PROJECT, runCli, snapshotTree, tempProject } from './helpers/project.js'

it('the committed cleaned/ is exactly what `npm start` writes', () => {
  const dir = tempProject('seeds', 'rules')
  expect(runCli(['clean'], dir).status).toBe(0)
  const fresh = snapshotTree(path.join(dir, 'cleaned'))
  const committed = snapshotTree(path.join(PROJECT, 'cleaned'))
  expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort())
  for (const [name, bytes] of fresh) expect(committed.get(name)?.toString(), name).toBe(bytes.toString())
})

import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultJobs, WORK, workersFor } from './pool.js'

describe('defaultJobs', () => {
  const cores = Math.min(availableParallelism(), 2000)

  it('uses no worker thread for a small run, one per core for a large one', () => {
    expect(defaultJobs(7, 100_000_000, 'rules')).toBe(1)
    expect(defaultJobs(2000, WORK.rules.threadsFrom - 1, 'rules')).toBe(1)
    expect(defaultJobs(2000, WORK.rules.threadsFrom, 'rules')).toBe(cores)
  })

  it('needs less text before threads pay for the checks, which do more work per byte', () => {
    expect(WORK.checks.threadsFrom).toBeLessThan(WORK.rules.threadsFrom)
    expect(defaultJobs(1000, 5_800_000, 'rules')).toBe(1)
    expect(defaultJobs(1000, 5_800_000, 'checks')).toBe(Math.min(availableParallelism(), 1000))
  })
})

describe('workersFor', () => {
  it('starts one worker fewer than the threads when the main thread takes a share (the rules alone)', () => {
    expect(workersFor(1, 'rules')).toBe(0)
    expect(workersFor(2, 'rules')).toBe(1)
    expect(workersFor(3, 'rules')).toBe(2)
  })

  it('keeps the main thread to writing for the checks (their dictionary would sit in the one thread without a heap limit)', () => {
    expect(workersFor(1, 'checks')).toBe(0)
    expect(workersFor(2, 'checks')).toBe(2)
  })
})

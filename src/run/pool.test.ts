import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultJobs, THREADS_PAY_FROM } from './pool.js'

describe('defaultJobs', () => {
  const cores = Math.min(availableParallelism(), 2000)

  it('uses no worker thread for a small run, one per core for a large one', () => {
    expect(defaultJobs(7, 100_000_000, 'rules')).toBe(1)
    expect(defaultJobs(2000, THREADS_PAY_FROM.rules - 1, 'rules')).toBe(1)
    expect(defaultJobs(2000, THREADS_PAY_FROM.rules, 'rules')).toBe(cores)
  })

  it('needs less text before threads pay for the checks, which do more work per byte', () => {
    expect(THREADS_PAY_FROM.checks).toBeLessThan(THREADS_PAY_FROM.rules)
    expect(defaultJobs(1000, 5_800_000, 'rules')).toBe(1)
    expect(defaultJobs(1000, 5_800_000, 'checks')).toBe(Math.min(availableParallelism(), 1000))
  })
})

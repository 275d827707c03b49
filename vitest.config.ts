import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Test files named `*.slow.test.ts` (the 50 MB file, interrupts, worker threads, the review terminal, Chromium,
 * hostile megabyte texts) run in `npm run test:slow` (vitest.slow.config.ts); every other test file runs in
 * `npm test`. `.ci/run` runs both and checks that together they are every test file, each in one of them.
 */
export const TEST_FILES = ['src/**/*.test.ts', 'test/**/*.test.ts']
export const SLOW_TEST_FILES = ['**/*.slow.test.ts']

export const shared = {
  // End-to-end tests run the compiled CLI: build it once before any test file runs.
  globalSetup: ['./test/helpers/build.ts'],
  testTimeout: 60_000,
  // vitest's default in a run is one worker less than the cores: a single worker on a 2-core machine, where the
  // CLI processes the end-to-end tests spawn could use both cores. Measured on the shared 2-core machine, under
  // load from other work, `npm test` took 159 s with 2 workers and 162 s with 1 (issue 17): no loss, some gain idle.
  maxWorkers: 2,
}

export default defineConfig({
  test: {
    ...shared,
    include: TEST_FILES,
    exclude: [...configDefaults.exclude, ...SLOW_TEST_FILES],
  },
})

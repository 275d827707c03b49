import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end tests run the compiled CLI: build it once before any test file runs.
    globalSetup: ['./test/helpers/build.ts'],
    testTimeout: 60_000,
  },
})

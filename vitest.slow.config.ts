import { defineConfig } from 'vitest/config'
import { shared, SLOW_TEST_FILES } from './vitest.config.js'

// `npm run test:slow`: exactly the test files `npm test` leaves out (see vitest.config.ts).
export default defineConfig({
  test: {
    ...shared,
    include: SLOW_TEST_FILES,
  },
})

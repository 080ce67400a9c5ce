import { defineConfig } from 'vitest/config';
import { testRunTempDir } from './tests/setup/tempDir.js';

export default defineConfig({
  test: {
    include: [
      'shared/src/**/*.test.ts',
      'server/src/**/*.test.ts',
      'client/src/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/bench/**/*.test.ts',
    ],
    // Integration tests start real server processes; two cores do not run many at once well.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Temporary directories of the run in one place, removed at its end (tests/setup/tempDir.ts).
    env: { TMPDIR: testRunTempDir() },
    globalSetup: ['tests/setup/tempDir.ts'],
  },
});

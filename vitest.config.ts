import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Native SQLite handles are safest in child processes, one per file.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core CI
    // machine. The runner itself idles while files run, so every core takes a file.
    maxWorkers: '100%',
    testTimeout: 30_000,
    // The process's zone. The app never reads it (shared/time.ts names Europe/Stockholm),
    // and scripts/test-at-dates.sh runs the date tests in other zones (TEST_TZ) to prove
    // it; Swedish by default so a test's own `new Date(y, m, d)` means office time.
    env: { TZ: process.env.TEST_TZ ?? 'Europe/Stockholm' },
  },
});

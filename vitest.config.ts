import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Native SQLite handles are safest in child processes, one per file.
    pool: 'forks',
    testTimeout: 30_000,
    // The office's clock: local dates (deadlines, "today") are Swedish ones in every run.
    env: { TZ: 'Europe/Stockholm' },
  },
});

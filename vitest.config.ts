import { defineConfig } from 'vitest/config';
import { iamDataChunks } from './scripts/iam-data-chunks.ts';

export default defineConfig({
  plugins: [iamDataChunks()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // The machine is shared: property tests that take a second alone can take several under load.
    testTimeout: 30_000,
  },
});

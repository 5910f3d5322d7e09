// The test set mutation testing runs (see stryker.config.mjs): the rule and model tests, or the
// globs in MUTATION_TESTS.
import { defineConfig } from 'vitest/config';

const include = process.env.MUTATION_TESTS?.split(',').map((s) => s.trim()).filter(Boolean) ?? [
  'test/rules/**/*.test.ts',
  'test/model/**/*.test.ts',
];

export default defineConfig({
  test: { include, testTimeout: 60_000, hookTimeout: 120_000 },
});

// Mutation testing (`npm run mutation`): mutates the rules and the model's CIDR, capacity and routing
// modules and runs the rule and model tests against every mutant. Not part of CI (it takes long); see README "Testing".
// Narrow a run with MUTATE (comma-separated files or globs) and MUTATION_TESTS (test globs), e.g.
//   MUTATE=src/rules/cni/azure-npm-scale.ts MUTATION_TESTS=test/rules/cni/azure-npm-scale.test.ts npm run mutation
const list = (value, fallback) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : fallback);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-ignore-rule-meta.mjs'],
  ignorers: ['rule-meta'],
  // Rules are loaded by the registry through dynamic imports, which vitest's "related" mode cannot
  // follow; per-test coverage still limits each mutant to the tests that reach it.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: list(process.env.MUTATE, [
    'src/rules/**/*.ts',
    'src/model/cidr.ts',
    'src/model/capacity.ts',
    'src/model/routing.ts',
  ]),
  ignorePatterns: ['dist', 'out', 'bench', 'reports', '.ci', 'coverage'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // The machine is shared; one worker keeps the run polite.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  timeoutMS: 60_000,
  // Static mutants (module-level constants such as thresholds and patterns) are tested against every test,
  // which is slow but is where boundary mistakes hide; MUTATION_IGNORE_STATIC=1 skips them for a quick run.
  ignoreStatic: process.env.MUTATION_IGNORE_STATIC === '1',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

// ESLint flat config: typescript-eslint's strict type-checked preset, no `any`, and the pipeline
// layer rule (eslint/layers.mjs). `npm run lint` runs it; CI fails on any error (warnings do not
// fail it, but each one is a finding to fix).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Strict-preset rules with findings in code that other branches are rewriting (#14 types svg.js and
 * splits renderSvg; #9, #10, #15 rework normalize, rules and loading). They warn until that code is
 * merged and fixed; turn each back to 'error' (delete its line) once `npm run lint` shows none.
 */
const WARN_UNTIL_FIXED = [
  'no-unsafe-member-access',
  'no-unsafe-call',
  'no-unsafe-assignment',
  'no-unsafe-argument',
  'no-unsafe-return',
  'no-unsafe-class-instance-assignment',
  'no-confusing-void-expression',
  'no-unnecessary-condition',
  'no-redundant-type-constituents',
  'no-unnecessary-type-conversion',
  'no-unnecessary-type-assertion',
  'no-empty-object-type',
  'no-meaningless-void-operator',
  'no-misused-spread',
  'no-unused-expressions',
  'no-base-to-string',
  'no-dynamic-delete',
];

export default defineConfig(
  {
    // Example designs are user input: `aksnet check` type-checks them against the DSL (test/examples.test.ts).
    ignores: ['dist/', 'out/', 'node_modules/', '.dist-build-*/', '.dist-old-*/', 'coverage/', 'reports/', '.stryker-tmp/', 'examples/', 'test/fixtures/', 'test/**/fixtures/'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.*.config.ts'] }, tsconfigRootDir: root },
    },
    plugins: { aksnet: layers },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'aksnet/layers': ['error', { root }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Numbers and booleans read naturally in messages (`${n} errors`); objects and nullish values still fail.
      '@typescript-eslint/restrict-template-expressions': ['warn', { allowNumber: true, allowBoolean: true }],
      // With noUncheckedIndexedAccess every lookup is `T | undefined`; `!` after a lookup the code has
      // just ensured (a key from the same map, an index below length) is the idiom, and tests fail loudly
      // when it is wrong. A fallback value there would hide the bug instead.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Finding and replacing control characters is a job of this codebase (shared/text-safety.ts and
      // its tests): the patterns that match them are the point, not an accident.
      'no-control-regex': 'off',
      ...Object.fromEntries(WARN_UNTIL_FIXED.map((r) => [`@typescript-eslint/${r}`, 'warn'])),
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests save and restore methods such as process.stdout.write; they are never called unbound.
      '@typescript-eslint/unbound-method': 'off',
      // fast-xml-parser marks XMLValidator deprecated in favour of a separate package not installed here.
      '@typescript-eslint/no-deprecated': 'warn',
      '@typescript-eslint/no-unnecessary-type-parameters': 'warn',
    },
  },
  {
    // svgdom ships no types and its window is a DOM emulation; the renderer (#14) narrows it.
    files: ['src/render/vendor.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.recommended],
    plugins: { aksnet: layers },
    rules: { 'aksnet/layers': ['error', { root }] },
  },
);

/**
 * `aksnet init`: the files a repository needs to keep AKS network designs as code: a starter design,
 * aksnet.config.ts, a tsconfig.json that type-checks designs strictly (skipLibCheck: false), a
 * GitHub Actions workflow and an Azure DevOps pipeline. Existing files are never overwritten.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { today } from '../shared/date.js';

export interface ScaffoldFile {
  /** Path relative to the target folder, with `/`. */
  path: string;
  text: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The baseline example ships in the package; the starter is that design importing the authoring entry. */
function starterDesign(): string {
  for (const p of ['../../examples/a-hub-spoke-baseline.ts', '../../../examples/a-hub-spoke-baseline.ts']) {
    const abs = resolve(here, p);
    if (existsSync(abs)) {
      const text = readFileSync(abs, 'utf8').replace(/from 'aksnet';/, "from 'aksnet/dsl';");
      return text.replace(
        /^\/\*\*\n \* \(a\) /,
        '/**\n * Starter design written by `aksnet init`: replace it with your own network.\n *\n * ',
      );
    }
  }
  throw new AksnetError(
    'the starter design (examples/a-hub-spoke-baseline.ts) is missing from this aksnet install',
    undefined,
    4,
  );
}

/** The config scaffold; packs are pinned to the day of `init` so committed packs stay stable (see `asOf`). */
export function configTemplate(date: string): string {
  return CONFIG_TEMPLATE.replace('__AS_OF__', date);
}

const CONFIG_TEMPLATE = `import { defineConfig } from 'aksnet/dsl';

/** What \`aksnet build\` reads and writes. Paths are relative to this file. */
export default defineConfig({
  inputs: {
    // Every design under designs/; modules without a default-exported architecture (helpers) are skipped.
    include: ['designs/**/*.ts'],
    ignore: [],
  },
  outputs: {
    // docs/diagrams/<design>.<view>.svg, e.g. designs/eu/prod.ts → docs/diagrams/eu/prod.topology.svg
    diagrams: { dir: 'docs/diagrams', formats: ['svg'] },
    // docs/reviews/<design>/review-pack.{html,md}; add 'pdf' when the build machine has Chromium.
    // Packs print the date they review as of: bump asOf when you re-review, so committed packs only
    // change when you mean them to (and \`aksnet build --check\` does not call them stale the next day).
    reports: { dir: 'docs/reviews', formats: ['html', 'md'], asOf: '__AS_OF__' },
    // Findings reports over every design, e.g. { file: 'out/aksnet.sarif', format: 'sarif' }. build --check
    // expects them committed too; CI usually writes them with \`aksnet validate\` instead (see the workflow).
    findings: [],
  },
  // Unchanged diagrams are not laid out again; keep this folder out of version control.
  cache: { dir: '.aksnet-cache' },
  rules: {},
  acceptedRisks: [],
});
`;

export const TSCONFIG_TEMPLATE = `{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false,
    "types": []
  },
  "include": ["designs/**/*.ts", "aksnet.config.ts"]
}
`;

export const GITHUB_WORKFLOW_TEMPLATE = `# Validates the AKS network designs, uploads findings to code scanning
# and fails when committed diagrams or review packs are out of date. Written by \`aksnet init\`.
name: aksnet

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  # Needed to upload SARIF to GitHub code scanning.
  security-events: write

jobs:
  designs:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Type-check designs
        run: npx tsc --noEmit
      # Every step after the type-check runs even when an earlier one failed: the findings and the
      # up-to-date check explain a red build together.
      - name: Validate designs
        if: always()
        # Accepted risks are left out: code scanning does not act on SARIF suppressions.
        run: npx aksnet validate designs/ --format sarif --output aksnet.sarif --omit-suppressed
      - name: Upload findings to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: aksnet.sarif
          category: aksnet
      - name: Check that diagrams and review packs are up to date
        if: always()
        run: npx aksnet build --check
`;

export const AZURE_PIPELINE_TEMPLATE = `# Validates the AKS network designs, publishes findings to the Tests tab
# and fails when committed diagrams or review packs are out of date. Written by \`aksnet init\`.
trigger:
  branches:
    include: [main]

pool:
  vmImage: ubuntu-latest

steps:
  - task: NodeTool@0
    inputs:
      versionSpec: '20.x'
  - script: npm ci
    displayName: Install
  - script: npx tsc --noEmit
    displayName: Type-check designs
  # Every step after the type-check runs even when an earlier one failed: the findings and the
  # up-to-date check explain a red build together.
  - script: npx aksnet validate designs/ --format junit --output aksnet-junit.xml
    displayName: Validate designs
    condition: succeededOrFailed()
  - task: PublishTestResults@2
    condition: succeededOrFailed()
    inputs:
      testResultsFormat: JUnit
      testResultsFiles: aksnet-junit.xml
      testRunTitle: aksnet
  - script: npx aksnet build --check
    displayName: Check that diagrams and review packs are up to date
    condition: succeededOrFailed()
`;

/** Every file init writes, in order. */
export function scaffoldFiles(): ScaffoldFile[] {
  return [
    { path: 'designs/starter.ts', text: starterDesign() },
    { path: 'aksnet.config.ts', text: configTemplate(today()) },
    { path: 'tsconfig.json', text: TSCONFIG_TEMPLATE },
    { path: '.github/workflows/aksnet.yml', text: GITHUB_WORKFLOW_TEMPLATE },
    { path: 'azure-pipelines.yml', text: AZURE_PIPELINE_TEMPLATE },
  ];
}

export interface InitResult {
  written: string[];
  skipped: string[];
}

/**
 * Writes the scaffold into `dir`. When a file already exists nothing is written and the run is a
 * usage error naming every such file, unless `skipExisting`, which writes only the missing ones.
 */
export function init(dir: string, opts: { skipExisting?: boolean } = {}): Promise<InitResult> {
  // The work is synchronous; the public API stays a promise, and the executor turns a refusal into a rejection.
  return new Promise((ok) => {
    ok(writeScaffold(dir, opts));
  });
}

function writeScaffold(dir: string, opts: { skipExisting?: boolean }): InitResult {
  const files = scaffoldFiles();
  const existing = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (existing.length && !opts.skipExisting) {
    throw new AksnetError(
      `refusing to overwrite ${existing.join(', ')}; move ${existing.length === 1 ? 'it' : 'them'} away ` +
        'or run `aksnet init --skip-existing`',
      undefined,
      ExitCode.usage,
    );
  }
  const written: string[] = [];
  for (const f of files) {
    if (existing.includes(f.path)) continue;
    writeNew(join(dir, f.path), f.text);
    written.push(f.path);
  }
  return { written, skipped: existing };
}

/**
 * Writes a complete file that did not exist: the hard link from a finished temporary file fails if
 * the target appeared meanwhile, so nothing is ever overwritten or half-written.
 */
function writeNew(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.aksnet-init-${process.pid}`);
  writeFileSync(tmp, text);
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AksnetError(`refusing to overwrite ${path}`, undefined, ExitCode.usage);
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Robust multi-file runs: helper modules are skipped with a note, a design that fails to load is an
 * error result for that file in every format while the other files are still validated and drawn,
 * the exit code is the worst result's, and same-named designs in two folders get distinct outputs.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { expandInputs } from '../../src/workflow/inputs.js';
import { sarifValidator } from '../validate/sarif-schema.js';

const repo = resolve(import.meta.dirname, '../..');

describe('multi-file runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-multi-'));
  const designs = join(dir, 'designs');
  let stderr = '';
  const cwd = process.cwd();

  beforeAll(() => {
    mkdirSync(join(designs, 'eu'), { recursive: true });
    mkdirSync(join(designs, 'us'), { recursive: true });
    mkdirSync(join(designs, 'lib'), { recursive: true });
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(designs, 'eu/prod.ts'));
    copyFileSync(join(repo, 'examples/f-internal-only.ts'), join(designs, 'us/prod.ts'));
    writeFileSync(join(designs, 'lib/naming.ts'), 'export const prefix = (env: string): string => `aks-${env}`;\n');
    writeFileSync(
      join(designs, 'broken.ts'),
      "import { defineArchitecture } from 'aksnet';\n" +
        'const missing: any = undefined;\n' +
        'export default defineArchitecture(missing.network);\n',
    );
    process.chdir(dir);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  const cli = async (...argv: string[]): Promise<number> => {
    stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    return run(argv);
  };

  it('a load failure is an error result in JSON, SARIF, JUnit and text; the rest is validated; exit 2', async () => {
    expect(await cli('validate', 'designs', '--no-config', '--as-of', '2026-11-23', '-f', 'json', '-o', 'r.json')).toBe(
      2,
    );
    expect(stderr).toContain('note: skipped designs/lib/naming.ts: not a design');
    const json = JSON.parse(readFileSync('r.json', 'utf8')) as {
      files: Array<{ file: string; findings: Array<{ ruleId: string; line: number; message: string }> }>;
    };
    expect(json.files.map((f) => f.file)).toEqual(['designs/broken.ts', 'designs/eu/prod.ts', 'designs/us/prod.ts']);
    const broken = json.files[0]!.findings;
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ ruleId: 'aksnet/load-error', line: 3 });
    expect(broken[0]!.message).toMatch(/network/);
    // The good designs were validated: the rules ran (the baseline example has findings of its own).
    expect(json.files[1]!.findings.every((f) => f.ruleId !== 'aksnet/load-error')).toBe(true);

    expect(await cli('validate', 'designs', '--no-config', '-f', 'sarif', '-o', 'r.sarif')).toBe(2);
    const sarif = JSON.parse(readFileSync('r.sarif', 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; level: string; locations: unknown[] }> }>;
    };
    const load = sarif.runs[0]!.results.filter((r) => r.ruleId === 'aksnet/load-error');
    expect(load).toHaveLength(1);
    expect(load[0]!.level).toBe('error');
    expect(JSON.stringify(load[0]!.locations)).toContain('designs/broken.ts');
    const valid = sarifValidator();
    expect(valid(sarif), JSON.stringify(valid.errors?.slice(0, 3))).toBe(true);

    expect(await cli('validate', 'designs', '--no-config', '-f', 'junit', '-o', 'r.xml')).toBe(2);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync('r.xml', 'utf8'));
    const suites = [xml.testsuites.testsuite].flat() as Array<Record<string, unknown>>;
    expect(suites.map((s) => s['@_name'])).toEqual(['designs/broken.ts', 'designs/eu/prod.ts', 'designs/us/prod.ts']);
    expect(suites[0]!['@_errors']).toBe('1');
    expect(Number(suites[1]!['@_tests'])).toBeGreaterThan(10);

    expect(await cli('validate', 'designs', '--no-config', '-o', 'r.txt')).toBe(2);
    expect(readFileSync('r.txt', 'utf8')).toMatch(/designs\/broken\.ts[\s\S]*3:\d+\s+error\s+.*aksnet\/load-error/);
  });

  it('report writes the pack of the designs that load, skips helpers, and exits 2 for the one that fails', async () => {
    expect(await cli('report', 'designs', '--no-config', '--as-of', '2026-11-23', '-o', 'pack.json')).toBe(2);
    const pack = JSON.parse(readFileSync('pack.json', 'utf8')) as { architectures: Array<{ file: string }> };
    expect(pack.architectures.map((a) => a.file)).toEqual(['designs/eu/prod.ts', 'designs/us/prod.ts']);
    expect(stderr).toMatch(/skipped designs\/lib\/naming\.ts: not a design/);
    expect(stderr).toMatch(/designs\/broken\.ts:3:\d+ - error/);
  });

  it('the exit code follows the findings when every design loads', async () => {
    const code = await cli('validate', 'designs/eu', 'designs/us', 'designs/lib', '--no-config', '--fail-on', 'none');
    expect(code).toBe(0);
    expect(await cli('validate', 'designs/lib', '--no-config')).toBe(2);
    expect(stderr).toMatch(/no designs among the inputs/);
  });

  it('same-named designs in two folders get distinct diagrams; a failing design does not stop the others', async () => {
    expect(await cli('diagram', 'designs', '--view', 'topology', '-o', 'out')).toBe(2);
    const eu = readFileSync(join(dir, 'out/eu/prod.topology.svg'), 'utf8');
    const us = readFileSync(join(dir, 'out/us/prod.topology.svg'), 'utf8');
    expect(eu).not.toEqual(us);
    expect(existsSync(join(dir, 'out/prod.topology.svg'))).toBe(false);
    expect(stderr).toMatch(/designs\/broken\.ts:3:\d+ - error/);
  });

  it('validate --shard splits the designs into disjoint slices that cover them all', async () => {
    const files: string[][] = [];
    for (const shard of ['1/2', '2/2']) {
      await cli(
        'validate',
        'designs/eu',
        'designs/us',
        '--no-config',
        '--shard',
        shard,
        '-f',
        'json',
        '-o',
        `s${shard[0]}.json`,
      );
      files.push(
        (JSON.parse(readFileSync(`s${shard[0]}.json`, 'utf8')) as { files: Array<{ file: string }> }).files.map(
          (f) => f.file,
        ),
      );
    }
    expect(files).toEqual([['designs/eu/prod.ts'], ['designs/us/prod.ts']]);
    expect(await cli('validate', 'designs/eu', '--shard', '3/2')).toBe(2);
    expect(stderr).toMatch(/--shard must be i\/n/);
  });

  it('a collision that remains (prod.ts beside prod.mts) is a usage error', async () => {
    const other = join(dir, 'clash');
    mkdirSync(other, { recursive: true });
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(other, 'prod.ts'));
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(other, 'prod.mts'));
    expect(await cli('diagram', 'clash', '-o', 'out2')).toBe(2);
    expect(stderr).toMatch(/would write the same outputs \(prod\.\*\)/);
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });
});

describe('expandInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies ignore globs and finds the input root of directories and globs', async () => {
    for (const f of ['designs/a.ts', 'designs/eu/b.ts', 'designs/lib/x.ts', 'designs/aksnet.config.ts']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    const all = await expandInputs(['designs'], { cwd: dir });
    expect(all.files).toEqual(['designs/a.ts', 'designs/eu/b.ts', 'designs/lib/x.ts'].map((f) => join(dir, f)));
    expect(all.root).toBe(join(dir, 'designs'));
    const some = await expandInputs(['designs/**/*.ts'], { cwd: dir, ignore: ['designs/lib/**'] });
    expect(some.files).toEqual(['designs/a.ts', 'designs/eu/b.ts'].map((f) => join(dir, f)));
    expect(some.root).toBe(join(dir, 'designs'));
    const files = await expandInputs(['designs/eu/b.ts', 'designs/a.ts'], { cwd: dir });
    expect(files.root).toBe(join(dir, 'designs'));
    await expect(expandInputs(['designs/lib/*.ts'], { cwd: dir, ignore: ['**/lib/**'] })).rejects.toThrow(
      /no files match/,
    );
  });
});

/**
 * `aksnet build`: writes what the config asks for; `--check` writes nothing and names stale,
 * missing and orphaned outputs; `--clean` removes orphans; config keys are checked with a
 * did-you-mean; `--shard` partitions designs; the layout cache answers an unchanged diagram.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { layoutCacheStats } from '../../src/layout/cache.js';
import { drawingCacheStats } from '../../src/diagram/drawing-cache.js';
import { planBuild } from '../../src/workflow/build.js';
import { parseShard, selectShard, shardSuffix } from '../../src/workflow/shard.js';

const repo = resolve(import.meta.dirname, '../..');

const CONFIG = `import { defineConfig } from 'aksnet';
export default defineConfig({
  inputs: { include: ['designs/**/*.ts'], ignore: ['designs/fixtures/**'] },
  outputs: {
    diagrams: { dir: 'docs/diagrams', views: ['topology', 'ingress'] },
    reports: { dir: 'docs/reviews', formats: ['md'] },
    findings: [{ file: 'out/aksnet.sarif', format: 'sarif' }],
  },
  cache: { dir: '.aksnet-cache' },
});
`;

describe('aksnet build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-build-'));
  const cwd = process.cwd();
  let stdout = '';
  let stderr = '';

  beforeAll(() => {
    for (const d of ['designs/eu', 'designs/us', 'designs/lib', 'designs/fixtures'])
      mkdirSync(join(dir, d), { recursive: true });
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(dir, 'designs/eu/prod.ts'));
    copyFileSync(join(repo, 'examples/f-internal-only.ts'), join(dir, 'designs/us/prod.ts'));
    writeFileSync(join(dir, 'designs/lib/naming.ts'), 'export const env = (s: string): string => s.toUpperCase();\n');
    writeFileSync(join(dir, 'designs/fixtures/bad.ts'), 'throw new Error("never loaded: ignored by the config");\n');
    writeFileSync(join(dir, 'aksnet.config.ts'), CONFIG);
    process.chdir(dir);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  const cli = async (...argv: string[]): Promise<number> => {
    stdout = '';
    stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    return run(argv);
  };

  it('writes every output, then --check passes', async () => {
    expect(await cli('build'), stderr).toBe(0);
    for (const f of [
      'docs/diagrams/eu/prod.topology.svg',
      'docs/diagrams/us/prod.topology.svg',
      'docs/reviews/eu/prod/review-pack.md',
      'out/aksnet.sarif',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(existsSync(join(dir, 'docs/diagrams/eu/prod.egress.svg'))).toBe(false);
    expect(stderr).toContain('note: skipped designs/lib/naming.ts: not a design');
    expect(stderr).not.toContain('fixtures');
    expect(await cli('build', '--check')).toBe(0);
    expect(stderr).toMatch(/all \d+ outputs are up to date/);
  });

  it('writes the same bytes from any folder: paths in outputs are relative to the config file', async () => {
    const sarif = readFileSync(join(dir, 'out/aksnet.sarif'), 'utf8');
    expect(sarif).toContain('"uri": "designs/eu/prod.ts"');
    try {
      process.chdir(join(dir, 'designs/eu'));
      expect(await cli('build', '--check'), stdout).toBe(0);
      process.chdir(tmpdir());
      expect(await cli('build', '--check', '--config', join(dir, 'aksnet.config.ts')), stdout).toBe(0);
      const plan = await planBuild({ cwd: join(dir, 'designs') });
      const md = String(plan.outputs.find((o) => o.path === join(dir, 'docs/reviews/eu/prod/review-pack.md'))?.data);
      expect(md).toBe(readFileSync(join(dir, 'docs/reviews/eu/prod/review-pack.md'), 'utf8'));
      expect(md).toContain('designs/eu/prod.ts');
    } finally {
      process.chdir(dir);
    }
  });

  it('validate honours the config: its ignore globs, and its inputs when no file is given', async () => {
    const files = async (...args: string[]) => {
      expect(await cli('validate', ...args, '--fail-on', 'none', '-f', 'json', '-o', 'v.json'), stderr).toBe(0);
      return (JSON.parse(readFileSync(join(dir, 'v.json'), 'utf8')) as { files: Array<{ file: string }> }).files.map((f) => f.file);
    };
    const designs = ['designs/eu/prod.ts', 'designs/us/prod.ts'];
    // designs/fixtures/bad.ts throws when loaded; the config's ignore keeps it out.
    expect(await files('designs')).toEqual(designs);
    expect(await files()).toEqual(designs);
    // A file named explicitly is taken even when an ignore glob matches it.
    expect(await cli('validate', 'designs/fixtures/bad.ts')).toBe(2);
    expect(await cli('validate', 'designs', '--no-config', '-o', 'v.txt')).toBe(2);
  });

  it('--check exits 1 naming the stale files after a design is edited, and writes nothing', async () => {
    const svg = join(dir, 'docs/diagrams/eu/prod.topology.svg');
    const before = readFileSync(svg);
    const mtime = statSync(svg).mtimeMs;
    const design = join(dir, 'designs/eu/prod.ts');
    const original = readFileSync(design, 'utf8');
    expect(original).toContain("name: 'traefik'");
    writeFileSync(design, original.replace("name: 'traefik'", "name: 'traefik-edge'"));
    expect(await cli('build', '--check')).toBe(1);
    expect(stdout).toMatch(/^stale\s+docs\/diagrams\/eu\/prod\.ingress\.svg$/m);
    expect(stdout).toMatch(/^stale\s+docs\/reviews\/eu\/prod\/review-pack\.md$/m);
    expect(stdout).not.toMatch(/us\/prod/);
    expect(readFileSync(svg)).toEqual(before);
    expect(statSync(svg).mtimeMs).toBe(mtime);
    expect(await cli('build')).toBe(0);
    expect(stdout).toContain('wrote docs/diagrams/eu/prod.ingress.svg');
    expect(stdout).not.toContain('us/prod');
    expect(await cli('build', '--check')).toBe(0);
  });

  it('names missing and orphaned outputs; --clean removes the orphans', async () => {
    rmSync(join(dir, 'out/aksnet.sarif'));
    unlinkSync(join(dir, 'designs/us/prod.ts'));
    expect(await cli('build', '--check')).toBe(1);
    expect(stdout).toMatch(/^missing\s+out\/aksnet\.sarif$/m);
    expect(stdout).toMatch(/^orphan\s+docs\/diagrams\/us\/prod\.topology\.svg/m);
    expect(stdout).toMatch(/^orphan\s+docs\/reviews\/us\/prod\/review-pack\.md/m);
    // Every view's diagrams are managed, the overview's too (it is not among the configured views here).
    writeFileSync(join(dir, 'docs/diagrams/eu/prod.overview.svg'), '<svg/>');
    expect(await cli('build', '--check')).toBe(1);
    expect(stdout).toMatch(/^orphan\s+docs\/diagrams\/eu\/prod\.overview\.svg/m);
    // A file the build does not manage is never an orphan.
    writeFileSync(join(dir, 'docs/diagrams/logo.svg'), '<svg/>');
    expect(await cli('build', '--clean')).toBe(0);
    expect(stdout).toContain('removed docs/diagrams/us/prod.topology.svg');
    expect(stdout).toContain('removed docs/diagrams/eu/prod.overview.svg');
    expect(existsSync(join(dir, 'docs/diagrams/us'))).toBe(false);
    expect(existsSync(join(dir, 'docs/diagrams/logo.svg'))).toBe(true);
    expect(await cli('build', '--check')).toBe(0);
  });

  it('a file where an output folder should be: exit 3 naming each output it blocks, the other outputs written', async () => {
    const diagrams = join(dir, 'docs/diagrams');
    renameSync(diagrams, join(dir, 'diagrams.saved'));
    writeFileSync(diagrams, 'x');
    rmSync(join(dir, 'out/aksnet.sarif'));
    try {
      expect(await cli('build'), stderr).toBe(3);
      expect(stderr).not.toContain('internal error');
      expect(stderr).toMatch(/^error: cannot write docs\/diagrams\/eu\/prod\.topology\.svg: a part of the path is not a folder/m);
      expect(stdout).toContain('wrote out/aksnet.sarif');
      expect(await cli('build', '--check')).toBe(1);
      expect(stdout).toMatch(/^missing\s+docs\/diagrams\/eu\/prod\.topology\.svg$/m);
    } finally {
      rmSync(diagrams);
      renameSync(join(dir, 'diagrams.saved'), diagrams);
    }
    expect(await cli('build', '--check')).toBe(0);
  });

  it('answers an unchanged diagram from the layout cache and the pack\'s drawings from the drawing cache, with the same bytes', async () => {
    const svg = readFileSync(join(dir, 'docs/diagrams/eu/prod.topology.svg'), 'utf8');
    const pack = readFileSync(join(dir, 'docs/reviews/eu/prod/review-pack.md'), 'utf8');
    const before = layoutCacheStats();
    const drawn = drawingCacheStats();
    const plan = await planBuild({ cwd: dir });
    const after = layoutCacheStats();
    expect(after.misses - before.misses).toBe(0);
    // The two configured views, none laid out by ELK: topology (1) and ingress, a flow view tried left to right
    // and top-down (2). The review pack's pictures are not drawn at all: read from the drawing cache.
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(3);
    expect(drawingCacheStats().misses - drawn.misses).toBe(0);
    expect(drawingCacheStats().hits - drawn.hits).toBeGreaterThanOrEqual(1);
    const planned = (file: string) => String(plan.outputs.find((o) => o.path === join(dir, file))?.data);
    expect(planned('docs/diagrams/eu/prod.topology.svg')).toBe(svg);
    expect(planned('docs/reviews/eu/prod/review-pack.md')).toBe(pack);
  });

  it('rejects an unknown config key with a did-you-mean at its line', async () => {
    writeFileSync(join(dir, 'aksnet.config.ts'), CONFIG.replace('outputs: {', 'output: {'));
    try {
      expect(await cli('build')).toBe(2);
      expect(stderr).toMatch(
        /^aksnet\.config\.ts:4:\d+ - error: invalid config file: unknown key "output" \(did you mean "outputs"\?\)/m,
      );
      writeFileSync(join(dir, 'aksnet.config.ts'), CONFIG.replace("formats: ['md']", "formats: ['markdown']"));
      expect(await cli('build')).toBe(2);
      expect(stderr).toMatch(
        /outputs\.reports\.formats\[0\] must be one of "pdf", "html", "md", "json", "csv", got "markdown"/,
      );
    } finally {
      writeFileSync(join(dir, 'aksnet.config.ts'), CONFIG);
    }
  });
});

describe('--shard', () => {
  it('parses i/n and rejects anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/2/3'])
      expect(() => parseShard(bad), bad).toThrow(/--shard must be i\/n/);
  });

  it('deals every design to exactly one shard, the same way for any input order', () => {
    const stems = ['us/prod', 'eu/prod', 'eu/dev', 'apac/prod', 'eu/test'];
    const shards = [1, 2, 3].map((index) => selectShard(stems, { index, count: 3 }));
    expect(shards.map((s) => [...s])).toEqual([['apac/prod', 'eu/test'], ['eu/dev', 'us/prod'], ['eu/prod']]);
    expect([...selectShard([...stems].reverse(), { index: 1, count: 3 })]).toEqual(['apac/prod', 'eu/test']);
    expect(shards.reduce((n, s) => n + s.size, 0)).toBe(stems.length);
    expect(shardSuffix('out/aksnet.sarif', { index: 2, count: 3 })).toBe('out/aksnet.shard-2-of-3.sarif');
  });
});

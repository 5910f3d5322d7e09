/** The architecture loader: bundling with esbuild, source-mapped error locations, export checks. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchitecture, NotAnArchitectureError } from '../../src/load/load-architecture.js';
import { AksnetError, ExitCode } from '../../src/shared/errors.js';

const repo = resolve(import.meta.dirname, '../..');
let dir: string;

/** Writes a file into the temp dir and returns its absolute path. */
function file(name: string, text: string): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/** The 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + 1;
}

async function loadError(path: string): Promise<AksnetError> {
  const e = await loadArchitecture(path).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AksnetError);
  return e as AksnetError;
}

const MINIMAL = `import { defineArchitecture, vnet, subnet } from 'aksnet';
const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/24' });
export default defineArchitecture({
  metadata: { title: 'minimal' },
  network: { vnets: [vnet({ name: 'vnet', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes] })] },
  clusters: [],
});
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aksnet-load-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadArchitecture', () => {
  it('loads a good file (the baseline example) and normalizes it', async () => {
    const a = await loadArchitecture(join(repo, 'examples/a-hub-spoke-baseline.ts'));
    expect(a.model.metadata.title).toBeTruthy();
    expect(a.model.resources.length).toBeGreaterThan(10);
    expect(a.issues).toEqual([]);
    expect(a.inputs.some((p) => p.endsWith('a-hub-spoke-baseline.ts'))).toBe(true);
  });

  it('a syntax error gives file:line:col and exit code 2', async () => {
    const text = `import { defineArchitecture } from 'aksnet';\nconst x = {\n  a: 1,,\n};\nexport default defineArchitecture(x as any);\n`;
    const p = file('syntax.ts', text);
    const e = await loadError(p);
    expect(e.exitCode).toBe(ExitCode.usage);
    expect(e.location?.file).toMatch(/syntax\.ts$/);
    expect(e.location?.line).toBe(3);
    expect(e.location?.column).toBe(8);
    expect(e.format()).toMatch(/syntax\.ts:3:8 - error: /);
    expect(e.format()).not.toContain('\n');
  });

  it('a file that throws points at the throw in the user file, on one line', async () => {
    const text = `import { defineArchitecture } from 'aksnet';\n\nfunction check(n: number) {\n  if (n > 1) {\n    throw new Error('too many clusters');\n  }\n}\ncheck(2);\nexport default defineArchitecture({ metadata: { title: 'x' }, network: { vnets: [] }, clusters: [] });\n`;
    const p = file('throws.ts', text);
    const e = await loadError(p);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('the file threw while being evaluated: too many clusters');
    expect(e.location).toMatchObject({ line: lineOf(text, "throw new Error('too many clusters')"), column: 11 });
    expect(e.location?.file).toMatch(/throws\.ts$/);
    expect(e.format().split('\n')).toHaveLength(1);
  });

  it('an error thrown from an imported helper module points at the helper', async () => {
    const helper = `export function cidrFor(index: number): string {\n  if (index > 3) {\n    throw new RangeError(\`no address block for spoke \${index}\`);\n  }\n  return \`10.\${index}.0.0/16\`;\n}\n`;
    file('lib/cidrs.ts', helper);
    const p = file('uses-helper.ts', `import { defineArchitecture } from 'aksnet';\nimport { cidrFor } from './lib/cidrs.js';\nconst c = cidrFor(7);\nexport default defineArchitecture({ metadata: { title: c }, network: { vnets: [] }, clusters: [] });\n`);
    const e = await loadError(p);
    expect(e.message).toBe('the file threw while being evaluated: RangeError: no address block for spoke 7');
    expect(e.location?.file).toMatch(/lib[\\/]cidrs\.ts$/);
    expect(e.location?.line).toBe(3);
    expect(e.format().split('\n')).toHaveLength(1);
  });

  it("keeps the error's stack for --debug, its frames at the user's files (the helper's and the design's), not the bundle", async () => {
    file('lib/throwing.ts', `export function cidrFor(index: number): string {\n  if (index > 3) {\n    throw new RangeError(\`no address block for spoke \${index}\`);\n  }\n  return '';\n}\n`);
    const p = file('debug-helper.ts', `import { defineArchitecture } from 'aksnet';\nimport { cidrFor } from './lib/throwing.js';\nconst c = cidrFor(7);\nexport default defineArchitecture({ metadata: { title: c }, network: { vnets: [] }, clusters: [] });\n`);
    const e = await loadError(p);
    const frames = (e.detail ?? '').split('\n');
    expect(frames[0]).toBe('RangeError: no address block for spoke 7');
    expect(frames[1]).toMatch(/^ {4}at cidrFor \(.*lib[\\/]throwing\.ts:3:\d+\)$/);
    expect(frames[2]).toMatch(/^ {4}at .*debug-helper\.ts:3:\d+\)?$/);
    expect(e.detail).not.toMatch(/aksnet-load-\d+-|\.mjs:/);
  });

  it('keeps esbuild\'s own error for --debug when a file does not compile', async () => {
    const e = await loadError(file('debug-syntax.ts', `import { defineArchitecture } from 'aksnet';\nconst x = {\n  a: 1,,\n};\nexport default defineArchitecture(x as any);\n`));
    expect(e.detail).toContain('Build failed with 1 error');
    expect(e.format().split('\n')).toHaveLength(1);
  });

  it('a file without a default export is rejected with exit code 2', async () => {
    const p = file('no-default.ts', `import { vnet } from 'aksnet';\nexport const hub = vnet({ name: 'hub', region: 'westeurope', addressSpace: [], subnets: [] });\n`);
    const e = await loadError(p);
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('no default export');
    expect(e.message).toContain('export default defineArchitecture');
  });

  it('an architecture exported by name only is a design that forgot default: an error at defineArchitecture, not a skip', async () => {
    const text = MINIMAL.replace('export default defineArchitecture', 'export const arch = defineArchitecture');
    const e = await loadError(file('forgot.ts', text));
    expect(e).not.toBeInstanceOf(NotAnArchitectureError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('the architecture is exported as "arch" but not as default; write `export default defineArchitecture({ … })` (or add `export default arch;`)');
    expect(e.format()).toMatch(new RegExp(`forgot\\.ts:${lineOf(text, 'export const arch')}:21 - error`));
    // A helper module that exports no architecture is still skipped as one.
    const helper = await loadError(file('helper-only.ts', `export const OFFICES = ['203.0.113.0/27'] as const;\n`));
    expect(helper).toBeInstanceOf(NotAnArchitectureError);
  });

  it('a default export that is not an architecture is rejected with exit code 2', async () => {
    const e1 = await loadError(file('number.ts', 'export default 42;\n'));
    expect(e1.message).toContain('the default export is number, not an architecture');
    const e2 = await loadError(file('vnet.ts', `import { vnet } from 'aksnet';\nexport default vnet({ name: 'hub', region: 'westeurope', addressSpace: [], subnets: [] });\n`));
    expect(e2.message).toContain('a vnet object, not an architecture');
    expect(e2.exitCode).toBe(2);
  });

  it('a missing file is a usage error', async () => {
    const e = await loadError(join(dir, 'does-not-exist.ts'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('file not found');
  });

  it("a file outside the repo importing 'aksnet' and a relative helper loads", async () => {
    file('outside/lib/net.ts', `import { subnet } from 'aksnet';\nexport const nodes = (cidr: string) => subnet({ name: 'snet-nodes', cidr, purpose: 'aks-nodes' });\n`);
    const p = file(
      'outside/design.ts',
      `import { defineArchitecture, vnet } from 'aksnet';\nimport { nodes } from './lib/net';\nexport default defineArchitecture({\n  metadata: { title: 'outside the repo' },\n  network: { vnets: [vnet({ name: 'vnet', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes('10.1.0.0/24')] })] },\n  clusters: [],\n});\n`,
    );
    expect(p.startsWith(repo)).toBe(false);
    const a = await loadArchitecture(p);
    expect(a.model.metadata.title).toBe('outside the repo');
    expect(a.model.resources.find((r) => r.kind === 'subnet')?.name).toBe('snet-nodes');
    expect(a.inputs.some((i) => i.endsWith(join('lib', 'net.ts')))).toBe(true);
    const m = await loadArchitecture(file('outside/minimal.ts', MINIMAL));
    expect(m.model.metadata.title).toBe('minimal');
  });

  it("'aksnet/dsl' loads as 'aksnet' does; any other subpath is a located 'could not resolve' (exit 2)", async () => {
    const viaDsl = file('subpath/dsl.ts', MINIMAL.replace("from 'aksnet';", "from 'aksnet/dsl';"));
    expect((await loadArchitecture(viaDsl)).model.metadata.title).toBe('minimal');
    // The edges of the pattern that tells `dsl` from other subpaths (no look-ahead in esbuild's filters).
    for (const sub of ['other', '', 'd', 'ds', 'dslx', 'dsl/x', 'src/index.js']) {
      const text = `// a design\nimport { defineArchitecture } from 'aksnet/${sub}';\nexport default defineArchitecture({ metadata: { title: 'x' }, network: { vnets: [] }, clusters: [] });\n`;
      const e = await loadError(file(`subpath/bad-${sub.replace(/\W/g, '_') || 'empty'}.ts`, text));
      expect(e.exitCode).toBe(ExitCode.usage);
      expect(e.location?.line).toBe(2);
      expect(e.location?.column).toBe(36);
      expect(e.message).toBe(`Could not resolve "aksnet/${sub}": aksnet exports only "aksnet" and "aksnet/dsl"`);
    }
  });
});

/**
 * A multi-file run bundles all its designs in one esbuild build (LoadSession.prepare) and evaluates
 * them one after another in a shared worker. Each design must still come out as if it were loaded
 * alone: its own value, its own inputs, its own source positions, and its own error when it is the
 * one that is broken, while the designs around it load normally.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoadSession, loadModule, type LoadedModule } from '../../src/load/load-module.js';
import { DEFAULT_LOAD_TIMEOUT_MS, keepSpareEvaluator, setLoadTimeout } from '../../src/load/evaluate.js';
import { AksnetError } from '../../src/shared/errors.js';

let dir: string;

function file(name: string, text: string): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/** A valid design titled `title`, with `prelude` before it. */
const design = (title: string, prelude = ''): string =>
  `import { defineArchitecture, vnet, subnet } from 'aksnet';
${prelude}
const snet = subnet({ name: 'snet-${title}', cidr: '10.1.0.0/24' });
export default defineArchitecture({
  metadata: { title: '${title}' },
  network: { vnets: [vnet({ name: 'vnet-${title}', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [snet] })] },
  clusters: [],
});
`;

/** `name:line:col` of each builder call in the file (the sites a load must record), sorted. */
function callSites(name: string): string[] {
  const lines = readFileSync(join(dir, name), 'utf8').split('\n');
  return ['subnet(', 'vnet(', 'defineArchitecture(']
    .map((call) => {
      const line = lines.findIndex((l) => new RegExp(`(^|[^a-z])${call.replace('(', '\\(')}`).test(l));
      const column = new RegExp(`(^|[^a-z])${call.replace('(', '\\(')}`).exec(lines[line]!)!.index;
      return `${name}:${line + 1}:${column + (column === 0 ? 1 : 2)}`;
    })
    .sort();
}

const title = (m: LoadedModule): unknown => (m.value as { metadata: { title: string } }).metadata.title;

/** Loads every file through one prepared session, in order; each result is the module or the error. */
async function loadAll(files: string[]): Promise<Array<LoadedModule | AksnetError>> {
  const session = new LoadSession();
  session.prepare(files);
  const out: Array<LoadedModule | AksnetError> = [];
  try {
    for (const f of files) {
      out.push(
        await loadModule(f, session).catch((e: unknown) => {
          if (e instanceof AksnetError) return e;
          throw e;
        }),
      );
    }
  } finally {
    session.dispose();
  }
  return out;
}

function ok(r: LoadedModule | AksnetError): LoadedModule {
  if (r instanceof AksnetError) throw new Error(`expected a module, got: ${r.format()}`);
  return r;
}

function failed(r: LoadedModule | AksnetError): AksnetError {
  if (!(r instanceof AksnetError)) throw new Error(`expected an error, got the design ${String(title(r))}`);
  return r;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aksnet-batch-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setLoadTimeout(DEFAULT_LOAD_TIMEOUT_MS));

describe('one build for many designs', () => {
  it('loads each design with its own value, inputs and source positions, as when loaded alone', async () => {
    file('lib/one.ts', `export const suffix = 'one';\n`);
    file('lib/two.ts', `export const suffix = 'two';\n`);
    const a = file('a.ts', design('a', "import { suffix } from './lib/one';\nconst s: string = suffix;"));
    const b = file('sub/b.ts', design('b', "import { suffix } from '../lib/two';\nconst s: string = suffix;"));
    const c = file('c.ts', design('c'));
    const [ra, rb, rc] = (await loadAll([a, b, c])).map(ok);
    expect([ra!, rb!, rc!].map(title)).toEqual(['a', 'b', 'c']);
    // Inputs: the design and what it imports, never another design's files.
    const local = (m: LoadedModule) =>
      m.inputs
        .filter((p) => p.startsWith(dir))
        .map((p) => p.slice(dir.length + 1))
        .sort();
    expect(local(ra!)).toEqual(['a.ts', 'lib/one.ts']);
    expect(local(rb!)).toEqual(['lib/two.ts', 'sub/b.ts']);
    expect(local(rc!)).toEqual(['c.ts']);
    // Source sites map through each design's own source map: where subnet(), vnet() and defineArchitecture() were called.
    const sites = (m: LoadedModule) =>
      [...m.sites.values()].map((s) => `${s.file.slice(dir.length + 1)}:${s.line}:${s.column}`).sort();
    expect(sites(ra!)).toEqual(callSites('a.ts'));
    expect(sites(rb!)).toEqual(callSites('sub/b.ts'));
    expect(sites(rc!)).toEqual(callSites('c.ts'));
    // The same positions as a design loaded on its own.
    const alone = await loadModule(b);
    expect(sites(alone)).toEqual(sites(rb!));
    expect(local(alone)).toEqual(local(rb!));
  });

  it('a syntax error in one design is that design’s error at its file:line:col; the others load', async () => {
    const good1 = file('s/good1.ts', design('good1'));
    const bad = file(
      's/bad.ts',
      `import { defineArchitecture } from 'aksnet';\nconst x = {\n  a: 1,,\n};\nexport default defineArchitecture(x as never);\n`,
    );
    const good2 = file('s/good2.ts', design('good2'));
    const [r1, rb, r2] = await loadAll([good1, bad, good2]);
    expect(title(ok(r1!))).toBe('good1');
    expect(title(ok(r2!))).toBe('good2');
    const e = failed(rb!);
    expect(e.format()).toMatch(/s[\\/]bad\.ts:3:8 - error: /);
    expect(e.exitCode).toBe(2);
  });

  it('an error in a helper module goes to the design that imports it, not to the others', async () => {
    file('h/lib/broken.ts', `export const cidr = ;\n`);
    const user = file('h/user.ts', design('user', "import { cidr } from './lib/broken';\nconst c: string = cidr;"));
    const other = file('h/other.ts', design('other'));
    const missing = file(
      'h/missing.ts',
      design('missing', "import { nope } from './lib/nope';\nconst n: string = nope;"),
    );
    const [ru, ro, rm] = await loadAll([user, other, missing]);
    expect(failed(ru!).format()).toMatch(/h[\\/]lib[\\/]broken\.ts:1:21 - error: /);
    expect(title(ok(ro!))).toBe('other');
    expect(failed(rm!).format()).toMatch(/h[\\/]missing\.ts:2:22 - error: Could not resolve "\.\/lib\/nope"/);
  });

  it('a design that throws points at its own line; one that hangs hits the time limit; the next still loads', async () => {
    setLoadTimeout(1000);
    const throws = file('t/throws.ts', design('throws', "\nthrow new Error('no addresses left');"));
    const loops = file('t/loops.ts', design('loops', 'for (;;) {}'));
    const after = file('t/after.ts', design('after'));
    const [rt, rl, ra] = await loadAll([throws, loops, after]);
    expect(failed(rt!).format()).toMatch(
      /t[\\/]throws\.ts:3:7 - error: the file threw while being evaluated: no addresses left$/,
    );
    expect(failed(rl!).format()).toMatch(/t[\\/]loops\.ts:1:1 - error: the file did not finish evaluating within 1 s/);
    expect(title(ok(ra!))).toBe('after');
  });

  it('removes its bundles: nothing of the run is left in the temporary folder', async () => {
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const files = [file('r/one.ts', design('one')), file('r/two.ts', design('two', "\nthrow new Error('x');"))];
      const results = await loadAll(files);
      expect(results.map((r) => r instanceof AksnetError)).toEqual([false, true]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('a spare worker booted ahead (watch mode)', () => {
  afterEach(() => keepSpareEvaluator(false));

  it('still gives every single-file load a fresh worker: nothing one design leaves is seen by the next', async () => {
    keepSpareEvaluator(true);
    const leaves = file('w/leaves.ts', design('leaves', '(globalThis as Record<string, unknown>).leftBehind = 1;'));
    const checks = file(
      'w/checks.ts',
      design('checks', "if ('leftBehind' in globalThis) throw new Error('saw the previous design');"),
    );
    for (let i = 0; i < 3; i++) {
      expect(title(await loadModule(leaves))).toBe('leaves');
      expect(title(await loadModule(checks))).toBe('checks');
    }
    // A failure in one run is still that run's own, and the next run is unaffected.
    const exits = file('w/exits.ts', design('exits', 'process.exit(3);'));
    await expect(loadModule(exits)).rejects.toThrow('the file called process.exit(3) while being evaluated');
    expect(title(await loadModule(checks))).toBe('checks');
  });
});

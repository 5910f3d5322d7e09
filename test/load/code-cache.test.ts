/**
 * requireWithCodeCache (src/shared/code-cache.ts): a large CommonJS file loads with the same exports,
 * require, module and paths as under a plain require, its V8 code cache is written when the process
 * exits and read by the next process, and a cache that does not fit is replaced, never trusted.
 * Run in child processes (the cache is written at exit), against dist/ as the CLI runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hardening/cli.js';

const repo = resolve(import.meta.dirname, '../..');
const nativeCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'aksnet-code-cache-'));
  const pkg = join(dir, 'node_modules', 'bigpkg');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'bigpkg', main: 'index.js' }));
  // Over the 1 MB threshold: a long comment, then code that uses every wrapper argument.
  writeFileSync(
    join(pkg, 'index.js'),
    `/* ${'x'.repeat(1_100_000)} */\n` +
      `const small = require('./small.js');\n` +
      `exports.answer = small.half * 2;\n` +
      `exports.file = __filename;\nexports.dir = __dirname;\nexports.same = module.exports === exports;\n` +
      `exports.twice = (n) => n * 2;\n`,
  );
  writeFileSync(join(pkg, 'small.js'), 'exports.half = 21;\n');
  writeFileSync(join(dir, 'entry.mjs'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads bigpkg through requireWithCodeCache in a fresh process; returns what it exported. */
function load(cache: string): { answer: number; file: string; dir: string; same: boolean; twice: number } {
  const mod = pathToFileURL(join(repo, 'dist/src/shared/code-cache.js')).href;
  const script =
    `const { requireWithCodeCache } = await import(${JSON.stringify(mod)});\n` +
    `const m = requireWithCodeCache(${JSON.stringify(pathToFileURL(join(dir, 'entry.mjs')).href)}, 'bigpkg', ${JSON.stringify(cache)});\n` +
    `process.stdout.write(JSON.stringify({ ...m, twice: m.twice(4) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as ReturnType<typeof load>;
}

describe('requireWithCodeCache', () => {
  it('gives a large module its own exports, require, module and paths', () => {
    const m = load(join(dir, 'cache-a'));
    expect(m).toEqual({
      answer: 42,
      file: join(dir, 'node_modules/bigpkg/index.js'),
      dir: join(dir, 'node_modules/bigpkg'),
      same: true,
      twice: 8,
    });
  });

  it.skipIf(nativeCache)(
    'writes the cache at exit, reads it in the next process, and replaces one that does not fit',
    () => {
      const cache = join(dir, 'cache-b');
      load(cache);
      const files = readdirSync(cache).filter((f) => f.endsWith('.v8cache'));
      // One cache file: for the large module only, not for small.js.
      expect(files).toHaveLength(1);
      const file = join(cache, files[0]!);
      const written = statSync(file).mtimeMs;
      // Accepted by V8: nothing to write again.
      expect(load(cache).answer).toBe(42);
      expect(statSync(file).mtimeMs).toBe(written);
      // Garbage in the cache: V8 rejects it, the module still loads, and a good cache replaces it.
      writeFileSync(file, Buffer.alloc(4096, 7));
      expect(load(cache).answer).toBe(42);
      expect(statSync(file).size).not.toBe(4096);
    },
  );
});

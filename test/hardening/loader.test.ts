/**
 * Issue #15, designs are executed code: whatever a design does while it is evaluated (reject, hang,
 * leave timers or servers, print, exit, throw odd values) ends in one line `file:line:col - error: …`
 * with exit 2, or in a normal run; the CLI never hangs, never prints a stack trace, and leaves no
 * bundle behind.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aksnet, design, ensureBuilt, tempDir, write } from './cli.js';

let dir: string;
let tmp: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('loader');
  tmp = join(dir, 'tmp');
  mkdirSync(tmp);
});

/** Runs validate on a design made of `prelude` + a valid architecture, with a private TMPDIR. */
function run(name: string, prelude: string, args: string[] = []) {
  write(dir, name, design(undefined, prelude));
  const started = Date.now();
  const r = aksnet(['validate', name, '--format', 'json', ...args], dir, { timeout: 30_000, env: { TMPDIR: tmp } });
  return { ...r, ms: Date.now() - started };
}

const oneErrorLine = (stderr: string, file: string) => {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+ - error: `));
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
};

describe('a design cannot keep the CLI alive', () => {
  it.each([
    ['timer.ts', 'setInterval(() => {}, 1000);'],
    ['server.ts', "import { createServer } from 'node:net';\ncreateServer().listen(0, '127.0.0.1');"],
    ['child.ts', "import { spawn } from 'node:child_process';\nspawn('sleep', ['20'], { stdio: 'ignore' });"],
    ['late-rejection.ts', "setTimeout(() => { Promise.reject(new Error('late')); }, 50);\nawait new Promise((r) => setTimeout(r, 0));"],
  ])('%s: validates and exits promptly', (name, prelude) => {
    const r = run(name, prelude);
    expect(r.signal).toBe(null);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
    expect(JSON.parse(r.stdout).files[0].file).toBe(name);
    expect(r.stderr).toBe('');
  });
});

describe('every failure while evaluating is one line and exit 2', () => {
  it('an endless loop hits --load-timeout', () => {
    const r = run('loop.ts', 'for (;;) {}', ['--load-timeout', '1']);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr, 'loop.ts')).toContain('did not finish evaluating within 1 s');
    expect(r.ms).toBeLessThan(15_000);
  });

  it('a top-level await that never settles', () => {
    const r = run('tla.ts', 'await new Promise(() => {});');
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr, 'tla.ts')).toContain('top-level await never settled');
  });

  it('a pending top-level await kept alive by a timer hits the time limit', () => {
    const r = run('tla-timer.ts', 'setInterval(() => {}, 100);\nawait new Promise(() => {});', ['--load-timeout', '1']);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr, 'tla-timer.ts')).toContain('did not finish evaluating within 1 s');
  });

  it('an unhandled rejection during evaluation points at its line', () => {
    const r = run('reject.ts', "Promise.reject(new Error('no addresses left'));\nawait new Promise((r) => setTimeout(r, 20));");
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr, 'reject.ts')).toMatch(/^reject\.ts:2:16 - error: the file threw while being evaluated: no addresses left$/);
  });

  it('a thrown object whose toString throws', () => {
    const r = run('odd.ts', "throw { toString() { throw new Error('gotcha'); } };");
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr, 'odd.ts')).toContain('the file threw while being evaluated: threw [object Object]');
  });

  it('a thrown Proxy that throws on every trap', () => {
    const r = run('proxy.ts', "const trap = () => { throw new Error('trap'); };\nthrow new Proxy({}, { get: trap, getPrototypeOf: trap, has: trap });");
    expect(r.code).toBe(2);
    oneErrorLine(r.stderr, 'proxy.ts');
  });

  it.each([['exit0.ts', 0], ['exit7.ts', 7]])('%s: process.exit in a design', (name, code) => {
    const r = run(name, `process.exit(${code});`);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr, name)).toContain(`the file called process.exit(${code}) while being evaluated`);
  });

  it('a function in the exported data is a clear error, not a crash', () => {
    write(dir, 'fn.ts', design().replace("metadata: { title: 'hardening' }", "metadata: { title: 'hardening', owner: (() => 'x') as never }"));
    const r = aksnet(['validate', 'fn.ts'], dir, { env: { TMPDIR: tmp } });
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr, 'fn.ts')).toContain('the default export is not plain data');
  });

  it('control characters in a thrown message never reach the terminal raw', () => {
    const r = run('ctl.ts', "throw new Error('\\u001b]0;pwned\\u0007\\u001b[2J\\rsrc/x.ts:1:1 - error: forged\\nsecond');");
    expect(r.code).toBe(2);
    const line = oneErrorLine(r.stderr, 'ctl.ts');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(line).toContain('\\u001b]0;pwned\\u0007');
  });
});

describe('console output of a design goes to stderr', () => {
  it('stdout stays valid JSON', () => {
    const r = run('noisy.ts', "console.log('{\"not\": \"json\"');\nprocess.stdout.write('raw write\\n');");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
    expect(r.stderr).toContain('raw write');
  });

  it('model stays valid JSON too', () => {
    write(dir, 'noisy-model.ts', design(undefined, "console.log('noise');"));
    const r = aksnet(['model', 'noisy-model.ts'], dir, { env: { TMPDIR: tmp } });
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });
});

describe('temporary bundles', () => {
  it('none is left after any of the runs above, and a stale one of a dead process is swept', () => {
    mkdirSync(join(tmp, 'aksnet-load-999999999-AbCdEf'));
    writeFileSync(join(tmp, 'aksnet-load-999999999-AbCdEf', 'bundle.mjs'), 'secret design source');
    run('sweep.ts', '');
    expect(readdirSync(tmp).filter((n) => n.startsWith('aksnet-load-'))).toEqual([]);
  });
});

describe('--load-timeout is parsed strictly', () => {
  it.each(['', 'abc', '0x10', '-1', '0'])('%j is a usage error', (v) => {
    write(dir, 'ok.ts', design());
    const r = aksnet(['validate', 'ok.ts', `--load-timeout=${v}`], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--load-timeout must be a number of seconds');
  });
});

/** `--watch` picks up new and deleted designs and prints the findings summary after each run. */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

async function until(check: () => boolean, what: () => string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function start(args: string[], cwd: string): { child: ChildProcess; log: () => string } {
  let log = '';
  const child = spawn(process.execPath, [join(repo, 'bin/aksnet.js'), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return { child, log: () => log };
}

describe('--watch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-watch2-'));
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('validate --watch re-runs when a design is added or deleted and prints the summary each time', async () => {
    const designs = join(dir, 'v/designs');
    mkdirSync(designs, { recursive: true });
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(designs, 'a.ts'));
    const { child, log } = start(
      ['validate', 'designs', '--watch', '--no-config', '--fail-on', 'none'],
      join(dir, 'v'),
    );
    running.push(child);
    const count = (s: string) => log().split(s).length - 1;
    await until(
      () => log().includes('watching'),
      () => `the first run (log: ${log()})`,
    );
    expect(log()).toMatch(/aksnet validate: 0 errors, 0 warnings, 0 info \(1 design validated\)/);
    copyFileSync(join(repo, 'examples/d-legacy-agic-kubenet.ts'), join(designs, 'd.ts'));
    await until(
      () => count('(2 designs validated)') >= 1,
      () => `a run with the new design (log: ${log()})`,
    );
    expect(log()).toMatch(/aksnet validate: [1-9]\d* errors?, [1-9]\d* warnings?, \d+ info \(2 designs validated\)/);
    writeFileSync(join(designs, 'helper.ts'), 'export const x = 1;\n');
    await until(
      () => log().includes('note: skipped designs/helper.ts'),
      () => `the helper to be skipped (log: ${log()})`,
    );
    unlinkSync(join(designs, 'd.ts'));
    unlinkSync(join(designs, 'helper.ts'));
    await until(
      () => /\(1 design validated\)\s*$/.test(log().trimEnd() + '\n'),
      () => `a run without the deleted design (log: ${log()})`,
    );
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 150_000);

  it('build --watch writes the outputs of a new design', async () => {
    const root = join(dir, 'b');
    mkdirSync(join(root, 'designs'), { recursive: true });
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(root, 'designs/a.ts'));
    writeFileSync(
      join(root, 'aksnet.config.ts'),
      "import { defineConfig } from 'aksnet';\n" +
        "export default defineConfig({ inputs: { include: ['designs/**/*.ts'] }, " +
        "outputs: { diagrams: { dir: 'out', views: ['topology'] } } });\n",
    );
    const { child, log } = start(['build', '--watch'], root);
    running.push(child);
    await until(
      () => log().includes('watching'),
      () => `the first build (log: ${log()})`,
    );
    expect(existsSync(join(root, 'out/a.topology.svg'))).toBe(true);
    mkdirSync(join(root, 'designs/eu'));
    copyFileSync(join(repo, 'examples/f-internal-only.ts'), join(root, 'designs/eu/b.ts'));
    await until(
      () => existsSync(join(root, 'out/eu/b.topology.svg')),
      () => `the new design's diagram (log: ${log()})`,
    );
    await until(
      () => log().includes('(2 designs validated)'),
      () => `the summary (log: ${log()})`,
    );
    child.kill('SIGINT');
  }, 150_000);

  // A project keeps its outputs and its layout cache beside its designs. Before, each run's own JSON writes (the
  // findings file, the cache entries of `aksnet init`'s starter) looked like a save: the session ran forever.
  it('does not take its own outputs and cache entries for saves: one run per save, then quiet', async () => {
    const runsOf = (log: string, what: RegExp) => log.split('\n').filter((l) => what.test(l)).length;
    const quiet = async (log: () => string, what: RegExp, runs: number) => {
      await new Promise((r) => setTimeout(r, 2500));
      expect(runsOf(log(), what), log()).toBe(runs);
    };

    // validate --watch writing its JSON findings into the watched folder.
    const v = join(dir, 'own-v');
    mkdirSync(v, { recursive: true });
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(v, 'a.ts'));
    const one = start(['validate', '.', '--watch', '--no-config', '--format', 'json', '-o', 'findings.json'], v);
    running.push(one.child);
    await until(() => one.log().includes('watching'), () => `the first run (log: ${one.log()})`);
    expect(existsSync(join(v, 'findings.json'))).toBe(true);
    await quiet(one.log, /^aksnet validate:/, 1);
    writeFileSync(join(v, 'a.ts'), readFileSync(join(v, 'a.ts'), 'utf8') + '// saved again\n');
    await until(() => runsOf(one.log(), /^aksnet validate:/) === 2, () => `the run after the save (log: ${one.log()})`);
    await quiet(one.log, /^aksnet validate:/, 2);
    one.child.kill('SIGINT');

    // build --watch on the starter `aksnet init` writes: its layout cache is a folder of JSON entries beside the designs.
    const b = join(dir, 'own-b');
    mkdirSync(b, { recursive: true });
    const init = start(['init'], b);
    await new Promise((r) => init.child.once('exit', r));
    const two = start(['build', '--watch'], b);
    running.push(two.child);
    await until(() => two.log().includes('watching'), () => `the first build (log: ${two.log()})`);
    expect(existsSync(join(b, '.aksnet-cache'))).toBe(true);
    await quiet(two.log, /^aksnet build: \d+ written/, 1);
    two.child.kill('SIGINT');
  }, 150_000);
});

/** `aksnet diagram`: file names, --view filtering, --findings overlays, usage errors. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { register } from '../../src/cli/commands/diagram-command.js';
import { AksnetError } from '../../src/shared/errors.js';

/** The diagram command as main.ts registers it (main's variable import of command modules is not resolvable under vite). */
async function run(args: string[]): Promise<number> {
  const p = new Command('aksnet').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  register(p);
  try {
    await p.parseAsync(args, { from: 'user' });
    return (p.getOptionValue('exit') as number | undefined) ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) return 2;
    if (e instanceof AksnetError) return e.exitCode;
    throw e;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const example = join(root, 'examples', readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts')).sort()[0]!);
const stem = example.split('/').pop()!.replace(/\.ts$/, '');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'aksnet-diagram-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('aksnet diagram', () => {
  it('writes <dir>/<stem>.<view>.svg for the chosen view only', async () => {
    const out = tmp();
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await run(['diagram', example, '--view', 'egress', '-o', out])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(readdirSync(out)).toEqual([`${stem}.egress.svg`]);
    expect(readFileSync(join(out, `${stem}.egress.svg`), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
  });

  it('overlays findings with --findings', async () => {
    const out = tmp();
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await run(['diagram', example, '--view', 'topology', '--findings', '-o', out])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const svg = readFileSync(join(out, `${stem}.topology.svg`), 'utf8');
    // Whether badges appear depends on the example's findings; the legend lists exactly the badge severities drawn.
    const badges = new Set([...svg.matchAll(/class="finding-badge (error|warning|info)"/g)].map((m) => m[1]));
    const legend = new Set([...svg.matchAll(/data-legend="severity-(error|warning|info)"/g)].map((m) => m[1]));
    expect(legend).toEqual(badges);
  });

  it('a write that fails says so (exit 3), not that the view has nothing to show', async () => {
    const out = tmp();
    writeFileSync(join(out, 'blocker'), 'x');
    let stderr = '';
    const err = process.stderr.write;
    process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
    try {
      expect(await run(['diagram', example, '--view', 'egress', '-o', join(out, 'blocker', 'd')])).toBe(3);
    } finally {
      process.stderr.write = err;
    }
    expect(stderr).toMatch(/cannot write .*blocker/);
    expect(stderr).not.toContain('nothing to show');
  });

  it('rejects an unknown view as a usage error', async () => {
    const err = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await run(['diagram', example, '--view', 'sideways', '-o', tmp()])).toBe(2);
      expect(await run(['diagram', join(root, 'examples', 'no-such-file.ts'), '-o', tmp()])).toBe(2);
    } finally {
      process.stderr.write = err;
    }
  });
});

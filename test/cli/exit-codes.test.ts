/** The documented exit codes, and an unexpected exception ending as exit 4 with one line, no stack. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/shared/errors.js';

const root = join(import.meta.dirname, '..', '..');

describe('exit codes', () => {
  afterEach(() => {
    vi.doUnmock('../../src/cli/commands/model.js');
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('are the ones docs/cli.md documents', () => {
    const doc = readFileSync(join(root, 'docs/cli.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Exit codes'), doc.indexOf('\n## ', doc.indexOf('## Exit codes') + 1));
    const codes = [...table.matchAll(/^\| `(\d)` \| (\S+)/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(codes).toEqual([
      [0, 'success:'],
      [1, 'findings'],
      [2, 'usage'],
      [3, 'an'],
      [4, 'internal'],
    ]);
    expect(ExitCode).toEqual({ ok: 0, findings: 1, usage: 2, output: 3, internal: 4 });
  });

  it('an exception that is not an AksnetError is an internal error: exit 4, one line, no stack trace', async () => {
    vi.doMock('../../src/cli/commands/model.js', () => ({
      modelCommand: () => Promise.reject(new TypeError('boom at the bottom')),
    }));
    const { run } = await import('../../src/cli/main.js');
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    expect(await run(['model', 'anything.ts'])).toBe(ExitCode.internal);
    expect(err).toBe('aksnet: internal error: boom at the bottom\n(run again with --debug for details)\n');
    err = '';
    expect(await run(['model', 'anything.ts', '--debug'])).toBe(4);
    expect(err).toContain('TypeError: boom at the bottom\n    at ');
  });
});

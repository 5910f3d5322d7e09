/** The import, drift and diff commands as users run them: exit codes, one-line errors, files written. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'bin/aksnet.js');
const fixtures = join(repo, 'test/fixtures/azure/hub-spoke');
let dir: string;

function aksnet(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aksnet-import-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aksnet import / drift / diff on the command line', () => {
  it('import -o writes a design that aksnet check accepts, and reports what it did not import on stderr', () => {
    const r = aksnet(['import', join(fixtures, 'graph.json'), '-o', 'design.ts', '--title', 'Payments']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'not imported, 1 resource(s) of types aksnet does not model: microsoft.compute/virtualmachinescalesets',
    );
    expect(readFileSync(join(dir, 'design.ts'), 'utf8')).toContain("metadata: { title: 'Payments', status: 'draft' }");
    expect(aksnet(['check', 'design.ts']).code).toBe(0);
    // An existing file is not overwritten without --force.
    const again = aksnet(['import', join(fixtures, 'graph.json'), '-o', 'design.ts']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('error: design.ts exists; pass --force to overwrite it\n');
  });

  it('an output that cannot be written: exit 3 and one "cannot write" line, not the message twice', () => {
    const r = aksnet(['import', join(fixtures, 'graph.json'), '-o', '/proc/aksnet-import.ts']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: cannot write \/proc\/aksnet-import\.ts: [^\n]+\n$/);
    expect(r.stderr.match(/cannot write/g)).toHaveLength(1);
  });

  it('bad input: exit 2 with one line naming file:line:col and the JSON path, no stack trace', () => {
    const cut =
      '[{"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/routeTables/rt", "type": "Micro';
    writeFileSync(join(dir, 'cut.json'), cut);
    const r = aksnet(['import', 'cut.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cut.json:1:${cut.length + 1} - error: $[0].type: the JSON ends inside a string: the file is truncated\n`,
    );
  });

  it('drift: exit 0 and no findings for an unchanged export; exit 1 with a SARIF finding for a changed one', () => {
    const design = join(fixtures, 'hand-written.ts');
    const ok = aksnet(['drift', design, '--from', join(fixtures, 'graph.json')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ 0 errors, 0 warnings, 0 info in 1 file');
    expect(ok.stderr).toBe('aksnet drift: not compared (types aksnet does not model): microsoft.compute/virtualmachinescalesets\n');
    const changed = join(dir, 'export');
    cpSync(join(fixtures, 'az'), changed, { recursive: true });
    const rt = join(changed, 'route-table-list.json');
    writeFileSync(rt, readFileSync(rt, 'utf8').replace('"0.0.0.0/0"', '"0.0.0.0/1"'));
    const r = aksnet(['drift', design, '--from', changed, '--format', 'sarif', '-o', 'drift.sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'drift.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain('drift/differs');
  });

  it('drift: an output that cannot be written: exit 3 and one "cannot write" line', () => {
    const design = join(fixtures, 'hand-written.ts');
    const r = aksnet(['drift', design, '--from', join(fixtures, 'graph.json'), '-o', '/proc/aksnet-drift.txt']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write \/proc\/aksnet-drift\.txt: [^\n]+\n$/);
    expect(r.stderr.match(/cannot write/g)).toHaveLength(1);
  });

  it('diff: usage errors exit 2', () => {
    const r = aksnet(['diff', join(repo, 'examples/a-hub-spoke-baseline.ts')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: give two design files (base and head), or one file and --base <git ref>\n');
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });
});

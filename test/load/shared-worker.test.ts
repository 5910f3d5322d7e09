/**
 * A multi-file run evaluates its designs in one shared worker (booting a worker per design cost more
 * than evaluating it). What one design leaves behind must never be blamed on the next: a failure in
 * the shared worker is re-evaluated alone in a fresh worker, and the run goes on with a new shared one.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aksnet, ensureBuilt, tempDir, write } from '../hardening/cli.js';

const designText = (title: string, prelude: string): string =>
  `import { defineArchitecture, vnet, subnet, nsg } from 'aksnet';
${prelude}
const snet = subnet({ name: 'snet-a', cidr: '10.1.0.0/24', nsg: nsg({ name: 'nsg-a' }) });
const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [snet] });
export default defineArchitecture({ metadata: { title: '${title}' }, network: { vnets: [spoke] }, clusters: [] });
`;

interface JsonReport {
  files: Array<{ file: string; findings: Array<{ ruleId: string; line: number; message: string }> }>;
}

describe('designs sharing one evaluation worker', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir('shared-worker');
    // a's timer ends the shared worker while b waits (b is bundled well within a's 400 ms):
    // b must still validate, as it would alone. Without the fresh-worker retry, b gets a's exit.
    write(dir, 'a-exit-later.ts', designText('a', 'setTimeout(() => process.exit(7), 400);'));
    write(dir, 'b-slow.ts', designText('b', 'await new Promise((r) => setTimeout(r, 2000));'));
    write(dir, 'c-throws.ts', designText('c', "\nthrow new Error('boom');"));
    write(dir, 'd-ok.ts', designText('d', ''));
  });

  it('blames each failure on its own file and validates the others', () => {
    const r = aksnet(['validate', '.', '--format', 'json'], dir, { timeout: 60_000, env: { TMPDIR: join(dir) } });
    expect(r.code).toBe(2);
    const stderr = r.stderr.trimEnd().split('\n');
    expect(stderr).toEqual(['c-throws.ts:3:7 - error: the file threw while being evaluated: boom']);
    const report = JSON.parse(r.stdout) as JsonReport;
    const findingsOf = (f: JsonReport['files'][number]): string[] => f.findings.map((x) => `${x.ruleId}@${x.line}`);
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, findingsOf(f)]));
    expect(byFile).toEqual({
      'a-exit-later.ts': [],
      'b-slow.ts': [],
      'c-throws.ts': ['aksnet/load-error@3'],
      'd-ok.ts': [],
    });
  });
});

/**
 * A helper module outside the watched folders, deleted and written again while a watch session runs: the run in
 * between fails to load and cannot name the helper as an input, yet the session sees it come back and runs again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModule } from '../../src/load/load-module.js';
import { watchLoop } from '../../src/workflow/watch.js';
import { sleep, until } from '../helpers/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-watch-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const design = `import { defineArchitecture, vnet, subnet } from 'aksnet';
import { title } from '../lib/title.js';
const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/24' });
export default defineArchitecture({
  metadata: { title },
  network: { vnets: [vnet({ name: 'vnet', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes] })] },
  clusters: [],
});
`;

describe('watch loop: inputs outside the watched folders', () => {
  it('a helper deleted and written again is run again, and a file beside it that no design reads is not', async () => {
    mkdirSync(join(dir, 'designs'));
    mkdirSync(join(dir, 'lib'));
    const helper = join(dir, 'lib/title.ts');
    const f = join(dir, 'designs/design.ts');
    writeFileSync(helper, "export const title = 'one';\n");
    writeFileSync(f, design);
    const runs: string[] = [];
    const abort = new AbortController();
    const loop = watchLoop({
      roots: [join(dir, 'designs')],
      signal: abort.signal,
      log: () => {},
      run: async () => {
        try {
          const m = await loadModule(f);
          runs.push((m.value as { metadata: { title: string } }).metadata.title);
          return { inputs: m.inputs, summary: '' };
        } catch {
          runs.push('failed');
          return { inputs: [f], summary: '' };
        }
      },
    });
    try {
      await until(() => runs.length === 1, 'the first run');
      expect(runs).toEqual(['one']);
      // The helper's folder is watched once the run has named it; chokidar starts watching it a moment later.
      await sleep(300);
      writeFileSync(helper, "export const title = 'two';\n");
      await until(() => runs.at(-1) === 'two', 'the run after the helper changed');
      rmSync(helper);
      await until(() => runs.at(-1) === 'failed', 'the run after the helper was deleted');
      await sleep(300);
      writeFileSync(helper, "export const title = 'three';\n");
      await until(() => runs.at(-1) === 'three', 'the run after the helper came back');
      const count = runs.length;
      writeFileSync(join(dir, 'lib/unrelated.ts'), 'export {};\n');
      await sleep(500);
      expect(runs).toHaveLength(count);
    } finally {
      abort.abort();
      await loop;
    }
  }, 60_000);
});

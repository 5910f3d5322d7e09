/** PNG diagrams from `aksnet build`: real PNGs at twice the SVG's size, the same bytes on a second build, no browser. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planBuild } from '../../src/workflow/build.js';

const repo = resolve(import.meta.dirname, '../..');

describe('PNG diagrams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-png-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rasterises each SVG at twice its size, deterministically', async () => {
    mkdirSync(join(dir, 'designs'));
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), join(dir, 'designs/a.ts'));
    writeFileSync(
      join(dir, 'aksnet.config.ts'),
      `import { defineConfig } from 'aksnet';
export default defineConfig({
  inputs: { include: ['designs/*.ts'] },
  outputs: { diagrams: { dir: 'out', views: ['ingress'], formats: ['svg', 'png'] } },
});
`,
    );
    const plan = await planBuild({ cwd: dir });
    expect(plan.outputErrors).toEqual([]);
    const svg = plan.outputs.find((o) => o.path.endsWith('a.ingress.svg'))!.data as string;
    const png = Buffer.from(plan.outputs.find((o) => o.path.endsWith('a.ingress.png'))!.data);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
    const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(2 * Math.ceil(width));
    expect(png.readUInt32BE(20)).toBe(2 * Math.ceil(height));
    const again = await planBuild({ cwd: dir });
    expect(Buffer.from(again.outputs.find((o) => o.path.endsWith('a.ingress.png'))!.data).equals(png)).toBe(true);
  }, 120_000);
});

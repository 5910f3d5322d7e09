/** An icon-pack icon with ids (a gradient) drawn several times still gives every element a unique id. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { renderDiagrams } from '../../src/diagram/index.js';
import { instanceIds } from '../../src/render/svg.js';
import { baseline } from '../helpers/fixture.js';

const GRADIENT_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0af"/><stop offset="1" stop-color="#05a"/></linearGradient></defs>
  <rect x="2" y="2" width="20" height="20" rx="4" fill="url(#g)"/>
</svg>`;

describe('icon ids', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-pack-'));
  writeFileSync(join(dir, 'nodePool.svg'), GRADIENT_ICON);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('suffixes ids and their local references, and leaves other attributes alone', () => {
    const body = '<linearGradient id="a"/><rect data-id="keep" fill="url(#a)"/><use href="#a"/>';
    expect(instanceIds(body, 's1')).toBe('<linearGradient id="a--s1"/><rect data-id="keep" fill="url(#a--s1)"/><use href="#a--s1"/>');
    expect(instanceIds('<path d="M0 0"/>', 's1')).toBe('<path d="M0 0"/>');
  });

  it('gives every element of a diagram a unique id when a pack icon repeats', async () => {
    const { model } = normalize(baseline().arch);
    const [topology] = await renderDiagrams(model, { views: ['topology'], iconPack: dir, metadata: false });
    const ids = [...topology!.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const gradients = ids.filter((id) => id!.includes('nodePool'));
    expect(gradients.length).toBeGreaterThanOrEqual(2); // two node pools, one gradient each
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of gradients) expect(topology!.svg).toContain(`url(#${id})`);
  });
});

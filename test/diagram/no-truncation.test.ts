/** Boxes grow to hold their text: no detail of the examples' diagrams ends in "…". */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { renderDiagrams } from '../../src/diagram/index.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('diagram text', () => {
  it('wraps long details of the seven examples instead of truncating them', async () => {
    const cut: string[] = [];
    let texts = 0;
    for (const f of readdirSync(examples).filter((x) => x.endsWith('.ts'))) {
      const { model } = await loadArchitecture(join(examples, f));
      for (const d of await renderDiagrams(model, { metadata: false })) {
        for (const m of d.svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) {
          texts++;
          if (m[1]!.endsWith('…')) cut.push(`${f} ${d.view}: ${m[1]}`);
        }
      }
    }
    expect(texts).toBeGreaterThan(500);
    expect(cut).toEqual([]);
  }, 120_000);
});

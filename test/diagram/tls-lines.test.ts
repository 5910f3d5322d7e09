/** TLS state shows in the line itself (dash pattern and width, colour for plaintext), not only in a glyph. */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { renderDiagrams } from '../../src/diagram/index.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('TLS line styles', () => {
  it('draws plaintext dotted and red, passthrough long-dashed, mTLS heavy, TLS as the class line', async () => {
    const seen = new Map<string, Set<string>>();
    for (const f of readdirSync(examples).filter((x) => x.endsWith('.ts'))) {
      const { model } = await loadArchitecture(join(examples, f));
      const tlsOf = new Map(model.edges.map((e) => [e.id, e.tls]));
      const [d] = await renderDiagrams(model, { views: ['ingress'], metadata: false });
      if (!d) continue;
      for (const m of d.svg.matchAll(/<g [^>]*class="edge ingress" data-id="([^"]+)"[^>]*>[\s\S]*?<path ([^>]*)\/?>/g)) {
        const tls = tlsOf.get(m[1]!);
        if (!tls) continue;
        const a = m[2]!;
        const dash = /stroke-dasharray="([^"]+)"/.exec(a)?.[1] ?? 'none';
        const width = /stroke-width="([^"]+)"/.exec(a)![1]!;
        const stroke = /stroke="([^"]+)"/.exec(a)![1]!.toLowerCase();
        const marker = /marker-end="url\(#([^)]+)\)"/.exec(a)![1]!;
        // The arrowhead has the line's colour.
        expect(d.svg).toMatch(new RegExp(`id="${marker}"[^>]*>\\s*<path [^>]*fill="${stroke}"`, 'i'));
        (seen.get(tls) ?? seen.set(tls, new Set()).get(tls)!).add(`${dash}|${width}|${stroke}`);
      }
    }
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining(['mtls', 'plaintext', 'tls']));
    // Each state has exactly one look, and the looks differ from each other in dash or width (not colour alone).
    const looks = new Map([...seen].map(([k, v]) => [k, [...v]]));
    for (const [k, v] of looks) expect(v, k).toHaveLength(1);
    const shape = (k: string) => looks.get(k)?.[0]?.split('|').slice(0, 2).join('|');
    const states = [...looks.keys()];
    expect(new Set(states.map(shape)).size).toBe(states.length);
    expect(shape('plaintext')).toBe('3 3|2');
    expect(shape('tls')).toBe('none|2');
    expect(shape('mtls')).toBe('none|3.4');
  }, 60_000);
});

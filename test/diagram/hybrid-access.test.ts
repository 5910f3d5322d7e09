/** Hybrid control-plane access: client → connection → VNet gateway (inside the hub VNet) → API server. */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/views.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('control-plane view: hybrid access', () => {
  it('goes through the VNet gateway the connection ends on, not from the connection to the API server', async () => {
    const { model } = await loadArchitecture(join(examples, 'f-internal-only.ts'));
    const g = deriveView(model, 'control-plane')!;
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const conns = g.nodes.filter((n) => n.kind === 'hybridConnection');
    expect(conns.length).toBeGreaterThan(0);
    for (const c of conns) {
      expect(g.edges.some((e) => e.from === c.id && byId.get(e.to)!.kind === 'apiServer')).toBe(false);
      const toGw = g.edges.filter((e) => e.from === c.id).map((e) => byId.get(e.to)!);
      expect(toGw.map((n) => n.kind)).toEqual(['vnetGateway']);
      const gw = toGw[0]!;
      // The gateway sits inside a VNet (the hub), and the path goes on from it to the API server.
      const ancestors: string[] = [];
      for (let p = gw.parent; p !== undefined; p = byId.get(p)?.parent) ancestors.push(byId.get(p)!.kind);
      expect(ancestors).toContain('vnet');
      expect(g.edges.some((e) => e.from === gw.id && byId.get(e.to)!.kind === 'apiServer')).toBe(true);
      // Someone reaches the connection first.
      expect(g.edges.some((e) => e.to === c.id)).toBe(true);
    }
  });
});

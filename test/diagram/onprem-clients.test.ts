/**
 * A corporate client whose hybrid connection comes from a drawn on-premises site sits in the overview's On-premises
 * box with that site (example f's head-office and branch employees), not outside every network; an internet client
 * stays outside.
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveView } from '../../src/diagram/index.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Box } from '../../src/model/diagram-target.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const inside = (c: Box, p: Box) => c.x >= p.x && c.y >= p.y && c.x + c.width <= p.x + p.width && c.y + c.height <= p.y + p.height;

describe('corporate clients in the overview', () => {
  it("draws example f's employees inside the On-premises box, beside their sites", async () => {
    const arch = await loadArchitecture(join(root, 'examples', 'f-internal-only.ts'));
    const graph = deriveView(arch.model, 'overview')!;
    const clients = graph.nodes.filter((n) => n.kind === 'client');
    expect(clients.map((n) => n.label).sort()).toEqual(['Branch employees', 'Head-office employees']);
    for (const n of clients) expect(n.parent, n.label).toBe('zone:on-premises');
    const r = await renderView(arch.model, graph, {});
    const zone = r.target.containers.find((c) => c.id === 'zone:on-premises')!.box;
    for (const n of clients) expect(inside(r.target.nodes.find((x) => x.id === n.id)!.box, zone), n.label).toBe(true);
    for (const site of graph.nodes.filter((n) => n.kind === 'onPremises')) {
      expect(inside(r.target.nodes.find((x) => x.id === site.id)!.box, zone), site.label).toBe(true);
    }
  });

  it("keeps example a's internet customers outside every box", async () => {
    const arch = await loadArchitecture(join(root, 'examples', 'a-hub-spoke-baseline.ts'));
    const graph = deriveView(arch.model, 'overview')!;
    const customers = graph.nodes.find((n) => n.kind === 'client')!;
    expect(customers.parent).toBeUndefined();
  });
});

/**
 * Egress destinations several clusters use are drawn once, with one edge per cluster that names the cluster; a
 * single-cluster design keeps its plain protocol:port labels.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveView } from '../../src/diagram/views.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('egress view: destinations per cluster', () => {
  it('draws each destination of the two stamps once, with an edge from the internet per cluster', async () => {
    const { model } = await loadArchitecture(join(examples, 'g-two-region-stamps.ts'));
    const g = deriveView(model, 'egress')!;
    const dests = g.nodes.filter((n) => n.kind === 'egressDestination');
    const fqdns = dests.map((n) => n.details[0]);
    // Each FQDN once (both stamps declare the same five).
    expect(new Set(fqdns).size).toBe(fqdns.length);
    const declared = model.resources.filter((r) => r.kind === 'egressDestination' && !r.privateEndpoint);
    expect(declared.length).toBe(2 * dests.length);
    for (const d of declared) {
      if (d.kind !== 'egressDestination') continue;
      const node = dests.find((n) => n.details[0] === d.fqdn)!;
      expect(node, d.fqdn).toBeDefined();
      const cluster = model.resources.find((r) => r.id === d.cluster)!.name;
      const edges = g.edges.filter((e) => e.to === node.id && e.label?.endsWith(`· ${cluster}`));
      expect(
        edges.map((e) => [e.from, e.style]),
        `${d.fqdn} ${cluster}`,
      ).toEqual([['internet', 'egress']]);
      expect(node.details.at(-1)).toBe('used by aks-bookings-weu, aks-bookings-neu');
    }
    // Both edges into one destination are routed as two lines.
    const r = await renderView(model, g, {});
    const node = dests[0]!;
    const routes = g.edges.filter((e) => e.to === node.id).map((e) => JSON.stringify(r.layout.edges.get(e.id)!.points));
    expect(routes).toHaveLength(2);
    expect(routes[0]).not.toBe(routes[1]);
  });

  it('keeps one node per destination and plain labels in a single-cluster design', async () => {
    const { model } = await loadArchitecture(join(examples, 'b-front-door-private-link.ts'));
    const g = deriveView(model, 'egress')!;
    const dests = g.nodes.filter((n) => n.kind === 'egressDestination');
    expect(dests.length).toBe(6);
    for (const n of dests) {
      const edges = g.edges.filter((e) => e.to === n.id);
      expect(edges.map((e) => e.label)).toEqual(['https:443']);
      expect(n.details.some((d) => d.startsWith('used by'))).toBe(false);
    }
  });
});

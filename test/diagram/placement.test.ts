/**
 * Where boxes sit says something about the network: a public load balancer has no address in a subnet, and pods
 * with subnets of their own are not in the node subnet.
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { deriveView } from '../../src/diagram/derive.js';
import type { ViewGraph } from '../../src/model/view-graph.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const kindOf = (g: ViewGraph, id: string | undefined) => g.nodes.find((n) => n.id === id)?.kind;

describe('box placement', () => {
  it("d: the public outbound load balancer AKS creates stands outside the VNet in every view that draws it", async () => {
    const { model } = await loadArchitecture(join(examples, 'd-legacy-agic-kubenet.ts'));
    let seen = 0;
    for (const view of ['overview', 'egress'] as const) {
      const g = deriveView(model, view)!;
      const lb = g.nodes.find((n) => n.id === 'loadBalancer:aks-claims-prod/kubernetes');
      expect(lb, view).toBeDefined();
      seen++;
      expect(['subnet', 'vnet', 'cluster']).not.toContain(kindOf(g, lb!.parent));
    }
    expect(seen).toBe(2);
  });

  it('c: the cluster whose pods have their own subnet sits in its VNet in the ingress view and names the pod subnet', async () => {
    const { model } = await loadArchitecture(join(examples, 'c-agc-gateway-api.ts'));
    const g = deriveView(model, 'ingress')!;
    const cluster = g.nodes.find((n) => n.kind === 'cluster')!;
    expect(kindOf(g, cluster.parent)).toBe('vnet');
    expect(cluster.details.join(' ')).toContain('pods in snet-aks-pods');
    // The egress view draws node pools, which are in the node subnet: the cluster stays there.
    const egress = deriveView(model, 'egress')!;
    const there = egress.nodes.find((n) => n.kind === 'cluster')!;
    expect(egress.nodes.find((n) => n.id === there.parent)?.label).toBe('snet-aks-nodes');
  });

  it('f: an administrator edge into one ExpressRoute connection says ExpressRoute, not "VPN / ExpressRoute"', async () => {
    const { model } = await loadArchitecture(join(examples, 'f-internal-only.ts'));
    const g = deriveView(model, 'control-plane')!;
    const into = g.edges.filter((e) => e.to === 'hybridConnection:con-er-hamburg');
    expect(into.length).toBeGreaterThan(0);
    expect(into.map((e) => e.label)).toEqual(into.map(() => 'ExpressRoute'));
    expect(g.edges.some((e) => e.label === 'VPN / ExpressRoute')).toBe(false);
  });
});

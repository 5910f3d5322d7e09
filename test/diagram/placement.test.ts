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

  it('d: the topology draws both public load balancers in the region, outside the VNet, each naming its cluster', async () => {
    const { model } = await loadArchitecture(join(examples, 'd-legacy-agic-kubenet.ts'));
    for (const view of ['topology', 'overview'] as const) {
      const g = deriveView(model, view)!;
      for (const id of ['loadBalancer:aks-claims-prod/kubernetes', 'loadBalancer:addon-http-application-routing']) {
        const lb = g.nodes.find((n) => n.id === id);
        expect(lb, `${view} ${id}`).toBeDefined();
        expect(kindOf(g, lb!.parent), `${view} ${id}`).toBe('region');
        if (view === 'topology') expect(lb!.details).toContain('for aks-claims-prod');
      }
    }
  });

  it('a: a VNet with a DDoS protection plan names it in the topology, a VNet without one says nothing', async () => {
    const loaded = await loadArchitecture(join(examples, 'a-hub-spoke-baseline.ts'));
    // Both of a's VNets have the plan: the spoke's is taken away, so that one VNet has it and one does not.
    const model = structuredClone(loaded.model);
    const spoke = model.resources.find((r) => r.kind === 'vnet' && r.role === 'spoke');
    if (spoke?.kind !== 'vnet') throw new Error('a has a spoke VNet');
    delete spoke.ddosProtectionPlan;
    const g = deriveView(model, 'topology')!;
    const vnets = g.nodes.filter((n) => n.kind === 'vnet');
    const withPlan = model.resources.filter((r) => r.kind === 'vnet' && r.ddosProtectionPlan).map((r) => r.id);
    expect(withPlan.length).toBe(1);
    expect(vnets.length).toBe(2);
    for (const v of vnets) {
      const line = v.details.find((d) => d.startsWith('DDoS plan'));
      expect(line, v.id).toBe(withPlan.includes(v.id) ? 'DDoS plan ddos-contoso' : undefined);
    }
    // Flow views keep a VNet box to its address space.
    expect(deriveView(model, 'overview')!.nodes.filter((n) => n.kind === 'vnet').some((n) => n.details.some((d) => d.startsWith('DDoS')))).toBe(false);
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

  it("c: the overview names the cluster's node subnet as its nodes', not as a subnet without flows", async () => {
    // The cluster is drawn in its VNet (its pods have a subnet of their own), so the node subnet has no box; its egress
    // (step 5, the nodes to the NAT gateway) leaves from the nodes in it.
    const { model } = await loadArchitecture(join(examples, 'c-agc-gateway-api.ts'));
    const g = deriveView(model, 'overview')!;
    const vnet = g.nodes.find((n) => n.kind === 'vnet')!;
    expect(g.nodes.some((n) => n.label === 'snet-aks-nodes')).toBe(false);
    expect(vnet.details).toContain('node subnet: snet-aks-nodes (aks-partner-api-eus2)');
    expect(vnet.details).toContain('pod subnet: snet-aks-pods (aks-partner-api-eus2)');
    expect(vnet.details.join(' ')).not.toMatch(/no flows:.*snet-aks-nodes/);
  });

  it("b: a controller two paths share says how it treats each path's TLS, in the overview's step and the ingress box", async () => {
    // nginx-internal terminates the storefront path's TLS and re-encrypts the checkout-api path's; both diagrams said
    // "terminates TLS" for both, the storefront path's mode.
    const { model } = await loadArchitecture(join(examples, 'b-front-door-private-link.ts'));
    const step = deriveView(model, 'overview')!.steps!.find((s) => s.text.startsWith('Load balancer ilb-shop-ingress → Ingress controller nginx-internal'))!;
    expect(step.text).toContain('(terminates TLS on path storefront; terminates TLS and re-encrypts on path checkout-api)');
    const box = deriveView(model, 'ingress')!.nodes.find((n) => n.label === 'nginx-internal')!;
    expect(box.details.join(' ')).toContain('TLS terminate (storefront), reencrypt (checkout-api)');
    // A hop every path treats alike keeps one word.
    const fd = deriveView(model, 'ingress')!.nodes.find((n) => n.label === 'afd-shop-prod')!;
    expect(fd.details.join(' ')).toMatch(/TLS \w+( ·|$)/);
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

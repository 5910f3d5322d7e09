/**
 * The egress view and the egress narrative follow the effective 0.0.0.0/0 route, not the outbound
 * type, and a route table shared by several spokes is drawn as their association, inside none of them.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveView } from '../../src/diagram/views.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { ModelQuery } from '../../src/model/query.js';
import { egressNarrative } from '../../src/report/narrative.js';

const fixtures = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/routing');
const load = async (name: string) => (await loadArchitecture(join(fixtures, name))).model;

/** The chain of view edges from `start`, following the single outgoing edge of every node. */
function chain(edges: Array<{ from: string; to: string }>, start: string): string[] {
  const out = [start];
  for (let cur = start; ; ) {
    const next = edges.filter((e) => e.from === cur);
    if (next.length !== 1) return out;
    cur = next[0]!.to;
    if (out.includes(cur)) return out;
    out.push(cur);
  }
}

describe('egress through a firewall route on a loadBalancer cluster', () => {
  it('the egress path, view and narrative go through the firewall, not the outbound load balancer', async () => {
    const model = await load('lb-behind-firewall.ts');
    const path = model.egressPaths[0]!;
    expect(path.hops).toEqual(['cluster:aks-lb', 'routeTable:rt-spoke-egress', 'azureFirewall:afw-hub', 'internet']);
    expect(path.outboundDevice).toBe('loadBalancer:aks-lb/kubernetes');
    expect(path.publicIps).toBe(2);

    const view = deriveView(model, 'egress')!;
    expect(chain(view.edges, 'cluster:aks-lb')).toEqual(['cluster:aks-lb', 'routeTable:rt-spoke-egress', 'azureFirewall:afw-hub', 'internet']);
    expect(view.nodes.some((n) => n.id === 'loadBalancer:aks-lb/kubernetes')).toBe(false);

    const n = egressNarrative(path, new ModelQuery(model));
    expect(n.summary).toContain('declare outbound type load balancer');
    expect(n.summary).toContain('the effective 0.0.0.0/0 route of their subnets goes to afw-hub, so traffic leaves through it instead');
    expect(n.summary).toContain('Path: aks-lb → rt-spoke-egress → afw-hub → internet.');
    expect(n.steps.map((s) => s.text).join(' ')).toContain('The load balancer of the outbound type carries no egress');
    expect(n.steps.map((s) => s.text).join(' ')).not.toContain('Outbound rules use');
  });

  it('a forced tunnel ends at the VPN gateway with no internet hop', async () => {
    const model = await load('forced-tunnel.ts');
    const path = model.egressPaths[0]!;
    expect(path).toMatchObject({ via: 'gateway', nextHop: 'vnetGateway:vpngw' });
    expect(path.hops).toEqual(['cluster:aks-tunnel', 'routeTable:rt-forced-tunnel', 'vnetGateway:vpngw']);
    expect(deriveView(model, 'egress')!.nodes.some((x) => x.id === 'internet')).toBe(false);
  });
});

describe('a route table shared by two spokes', () => {
  it('stands outside both spokes, lists its associations, and carries both clusters to the firewall', async () => {
    const model = await load('shared-route-table.ts');
    const view = deriveView(model, 'egress')!;
    const rt = view.nodes.find((x) => x.id === 'routeTable:rt-shared-egress')!;
    expect(rt.parent).toBeUndefined();
    expect(rt.details).toContain('on snet-nodes-a, snet-nodes-b');
    for (const c of ['cluster:aks-a', 'cluster:aks-b']) {
      expect(chain(view.edges, c)).toEqual([c, 'routeTable:rt-shared-egress', 'azureFirewall:afw-hub', 'internet']);
    }
    // The NAT gateway of aks-b's outbound type is bypassed by the route, so it is not on the path.
    expect(view.nodes.some((x) => x.id === 'natGateway:ng-b')).toBe(false);
  });

  it('in the topology view the route table is an association of each subnet, not a box inside a spoke', async () => {
    const model = await load('shared-route-table.ts');
    const view = deriveView(model, 'topology');
    expect(view!.nodes.some((x) => x.id === 'routeTable:rt-shared-egress')).toBe(false);
    for (const s of ['subnet:vnet-spoke-a/snet-nodes-a', 'subnet:vnet-spoke-b/snet-nodes-b']) {
      expect(view!.nodes.find((x) => x.id === s)!.details.join(' ')).toContain('rt-shared-egress');
    }
  });
});

describe('report context', () => {
  it('the cluster fact says where the routes really send egress when they bypass the outbound type', async () => {
    const { buildViewModel } = await import('../../src/report/view-model.js');
    const { validateFile } = await import('../../src/validate/run-files.js');
    const v = await validateFile(join(fixtures, 'lb-behind-firewall.ts'), { asOf: '2026-11-23', config: false });
    const vm = buildViewModel([{ model: v.arch.model, file: v.arch.file, result: v.result, sha256: '0'.repeat(64) }], { version: 't', rules: [] });
    const fact = vm.architectures[0]!.facts.find((f) => f.label === 'Cluster aks-lb');
    expect(fact?.value).toContain('outbound loadBalancer (routes send egress through afw-hub)');
    const udr = await validateFile(join(fixtures, 'shared-route-table.ts'), { asOf: '2026-11-23', config: false });
    const vm2 = buildViewModel([{ model: udr.arch.model, file: udr.arch.file, result: udr.result, sha256: '0'.repeat(64) }], { version: 't', rules: [] });
    expect(vm2.architectures[0]!.facts.find((f) => f.label === 'Cluster aks-a')?.value).toContain('outbound userDefinedRouting, API server');
  });
});

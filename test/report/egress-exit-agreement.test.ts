/**
 * The egress path (normalize/paths.ts) is one answer that the SNAT allow-list (model/snat.ts), the egress narrative
 * and the egress view all read. Designs from an architect's review of the egress modelling, shared with the rule tests
 * of the same review (test/fixtures/egress, test/fixtures/egress-firewall):
 * - d4: the pod subnet leaves through its own NAT gateway while the nodes go to an NVA;
 * - d3: a user-assigned NAT gateway not associated with the node subnet, and a load balancer with invalid outbound values;
 * - d2: a firewall with 20 public IPs of which one is listed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { natGateway, nodePool, subnet, type Architecture } from '../../dsl/index.js';
import { deriveView } from '../../src/diagram/views.js';
import { overview } from '../../src/diagram/overview.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { ModelQuery } from '../../src/model/query.js';
import { snatAllowList } from '../../src/model/snat.js';
import type { Model } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
import { egressNarrative } from '../../src/report/narrative.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';
import { runRule } from '../helpers/run-rule.js';

const dirs: Record<string, string> = {
  'd2-hub-er-kubenet-publiclb.ts': '../fixtures/egress',
  'd3-nat-lb-variants.ts': '../fixtures/egress',
  'd4-nva-podsubnet-isolated.ts': '../fixtures/egress-firewall',
};
const load = async (f: string) => loadArchitecture(join(import.meta.dirname, dirs[f]!, f));

function narrative(model: Model, cluster: string) {
  const path = model.egressPaths.find((p) => p.cluster === `cluster:${cluster}`)!;
  return egressNarrative(path, new ModelQuery(model));
}

function view(model: Model) {
  const g = deriveView(model, 'egress')!;
  return {
    g,
    node: (id: string) => g.nodes.find((n) => n.id === id),
    edge: (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to),
  };
}

describe('a pod subnet with its own way out (d4)', () => {
  it('the model carries the pods’ exit through their NAT gateway beside the nodes’ NVA path', async () => {
    const { model } = await load('d4-nva-podsubnet-isolated.ts');
    const p = model.egressPaths.find((x) => x.cluster === 'cluster:aks-nva')!;
    expect(p.hops).toEqual(['cluster:aks-nva', 'routeTable:rt-aks-nva', 'nva:nva-pan', 'internet']);
    expect(p.podEgress).toEqual([
      expect.objectContaining({
        subnets: ['subnet:vnet-spoke-nva/snet-pods'],
        via: 'natGateway',
        hops: ['cluster:aks-nva', 'natGateway:ng-pods', 'internet'],
        publicIps: 1,
      }),
    ]);
  });

  it('the allow-list, the narrative and the diagram all count the pods’ NAT gateway', async () => {
    const { model } = await load('d4-nva-podsubnet-isolated.ts');
    const a = snatAllowList(model, ['cluster:aks-nva']);
    expect(a.sources.map((s) => [s.device, s.addresses])).toEqual([
      ['nva:nva-pan', 2],
      ['natGateway:ng-pods', 1],
    ]);
    expect(a.total).toBe(3);
    const n = narrative(model, 'aks-nva');
    expect(n.summary).toContain('Nodes of cluster aks-nva leave with outbound type user-defined routing');
    expect(n.summary).not.toContain('Pods and nodes');
    expect(n.summary).toContain("Pods in pod subnet snet-pods leave another way, by their own subnet's route: through NAT gateway ng-pods.");
    expect(n.summary).toContain('Path: aks-nva → rt-aks-nva → nva-pan → internet; pods: aks-nva → ng-pods → internet.');
    expect(n.summary).toContain('SNAT uses 3 public IP addresses.');
    expect(n.steps.map((s) => s.title)).toContain('NAT gateway ng-pods (pods of snet-pods)');
    const v = view(model);
    expect(v.node('internet')!.details).toEqual(['3 public IPs for SNAT', '(2 via nva-pan, 1 via ng-pods)']);
    expect(v.node('natGateway:ng-pods')).toBeDefined();
    expect(v.edge('cluster:aks-nva', 'natGateway:ng-pods')!.label).toBe('pods (snet-pods): SNAT');
    expect(v.edge('natGateway:ng-pods', 'internet')!.label).toBe('1 public IP');
    // The overview's legend tells the nodes' chain from the pods'.
    const legend = (overview(model)?.steps ?? []).filter((s) => s.flow === 'egress').map((s) => s.text);
    expect(legend).toContain('aks-nva pods (pod subnet snet-pods) → NAT gateway ng-pods: SNAT');
    expect(legend).toContain('aks-nva nodes → Route table rt-aks-nva: 0.0.0.0/0 UDR');
  });

  it('pods that follow the nodes’ route have no exit of their own, whatever NAT gateway their subnet has', () => {
    const b = baseline();
    // The pods' subnet shares the nodes' route table (0.0.0.0/0 to the firewall); a NAT gateway on it serves nothing.
    const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods', routeTable: b.rt, natGateway: natGateway({ name: 'ng-pods', publicIps: 2 }) });
    mutable(b.spoke.subnets).push(pods);
    b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = b.aks.nodePools.map((p) => nodePool({ ...p, podSubnet: pods }));
    const { model } = normalize(b.arch);
    expect(model.egressPaths[0]!.podEgress).toBeUndefined();
    expect(snatAllowList(model).sources.map((s) => s.device)).toEqual(['azureFirewall:afw-hub']);
    expect(narrative(model, 'aks-test').summary).toMatch(/^Pods and nodes of cluster aks-test/);
  });

  it('egress/pod-subnet-egress names the NVA the pods bypass, not a firewall', async () => {
    const { value } = await load('d4-nva-podsubnet-isolated.ts');
    const f = await runRule('egress/pod-subnet-egress', value as Architecture);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('and bypasses the network virtual appliance nva-pan');
    expect(f[0]!.message).not.toContain('firewall');
  });

  it('egress/pod-subnet-egress names the firewall the pods bypass', async () => {
    const b = baseline();
    const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods' });
    mutable(b.spoke.subnets).push(pods);
    b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = b.aks.nodePools.map((p) => nodePool({ ...p, podSubnet: pods }));
    const f = await runRule('egress/pod-subnet-egress', b.arch);
    expect(f[0]!.message).toContain('and bypasses the firewall afw-hub');
  });
});

describe('a user-assigned NAT gateway not on the node subnet (d3)', () => {
  it('is no way out: not a hop, no SNAT, and the narrative and the diagram say why', async () => {
    const { model } = await load('d3-nat-lb-variants.ts');
    const p = model.egressPaths.find((x) => x.cluster === 'cluster:aks-unat-missing')!;
    expect(p).toMatchObject({ via: 'none', unassociatedNatGateway: 'natGateway:ng-aks-orphan', publicIps: 0, hops: ['cluster:aks-unat-missing'] });
    expect(snatAllowList(model, ['cluster:aks-unat-missing']).sources).toEqual([]);
    expect(snatAllowList(model).sources.map((s) => s.device)).not.toContain('natGateway:ng-aks-orphan');
    const n = narrative(model, 'aks-unat-missing');
    expect(n.summary).toContain('NAT gateway ng-aks-orphan is not associated with node subnet snet-unat-missing');
    expect(n.summary).toContain('Path: aks-unat-missing (no way out).');
    expect(n.summary).not.toMatch(/SNAT uses/);
    const v = view(model);
    expect(v.node('natGateway:ng-aks-orphan')!.details).toContain("not associated with aks-unat-missing's node subnet: no egress");
    expect(v.g.edges.some((e) => e.from === 'natGateway:ng-aks-orphan' || e.to === 'natGateway:ng-aks-orphan')).toBe(false);
  });

  it('an associated one is the way out', async () => {
    const { model } = await load('d3-nat-lb-variants.ts');
    const p = model.egressPaths.find((x) => x.cluster === 'cluster:aks-unat')!;
    expect(p).toMatchObject({ via: 'natGateway', hops: ['cluster:aks-unat', 'natGateway:ng-aks-unat', 'internet'], publicIps: 2 });
    expect(p.unassociatedNatGateway).toBeUndefined();
    expect(narrative(model, 'aks-unat').summary).toContain('SNAT uses 2 public IP addresses.');
  });

  it('control-plane/authorized-ranges-egress-ips does not say the cluster egresses through it', async () => {
    const { value } = await load('d3-nat-lb-variants.ts');
    const f = await runRule('control-plane/authorized-ranges-egress-ips', value as Architecture);
    expect(f.map((x) => x.message).join('\n')).not.toContain('ng-aks-orphan');
    expect(f.some((x) => x.message.includes('NAT gateway ng-aks-unat'))).toBe(true);
  });
});

describe('invalid outbound values are not stated as facts (d3 aks-lb-bad)', () => {
  it('the narrative names them invalid and the SNAT count is not known', async () => {
    const { model } = await load('d3-nat-lb-variants.ts');
    const p = model.egressPaths.find((x) => x.cluster === 'cluster:aks-lb-bad')!;
    expect(p.invalidOutbound).toEqual(['allocatedOutboundPorts', 'idleTimeoutMinutes', 'outboundIps']);
    const n = narrative(model, 'aks-lb-bad');
    const text = [n.summary, ...n.steps.map((s) => s.text)].join('\n');
    expect(text).not.toMatch(/1 IP\b|30 minutes|70000|200 minutes/);
    expect(text).toContain('Outbound rules use an invalid number of IPs (outboundIps) with an invalid number of ports per node (allocatedOutboundPorts), idle timeout invalid (idleTimeoutMinutes).');
    expect(n.summary).toContain('The number of public SNAT addresses is not known: the outbound IP count is invalid.');
    const [s] = snatAllowList(model, ['cluster:aks-lb-bad']).sources;
    expect(s).toMatchObject({ addresses: 0, exact: false, invalid: 'outbound.outboundIps' });
    expect(view(model).edge('loadBalancer:aks-lb-bad/kubernetes', 'internet')!.label).toBe('public IP count invalid');
  });

  it('valid values are stated as they are', async () => {
    const { model } = await load('d3-nat-lb-variants.ts');
    expect(model.egressPaths.find((x) => x.cluster === 'cluster:aks-lb')!.invalidOutbound).toBeUndefined();
    const text = narrative(model, 'aks-lb').steps[0]!.text;
    expect(text).toContain('Outbound rules use 2 IPs with 4000 ports per node, idle timeout 120 minutes.');
    expect(view(model).edge('loadBalancer:aks-lb/kubernetes', 'internet')!.label).toBe('2 public IPs');
  });

  it('a managed NAT gateway with an invalid IP count and idle timeout', () => {
    const b = baseline();
    delete b.nodes.routeTable;
    b.aks.outbound = { type: 'managedNATGateway', outboundIps: 17, idleTimeoutMinutes: 2 };
    const { model } = normalize(b.arch);
    const n = narrative(model, 'aks-test');
    const text = [n.summary, ...n.steps.map((s) => s.text)].join('\n');
    expect(text).toContain('The managed NAT gateway has an invalid number of IPs (outboundIps), idle timeout invalid (idleTimeoutMinutes).');
    expect(text).not.toMatch(/\b1 IP\b|4 minutes|1 public IP/);
    const nat = view(model).node('natGateway:aks-test/managed')!;
    expect(nat.details[1]).toBe('public IP count invalid · idle timeout invalid');
    // In range: stated.
    const ok = baseline();
    delete ok.nodes.routeTable;
    ok.aks.outbound = { type: 'managedNATGateway', outboundIps: 16, idleTimeoutMinutes: 4 };
    const good = normalize(ok.arch).model;
    expect(narrative(good, 'aks-test').steps[0]!.text).toContain('The managed NAT gateway has 16 IPs, idle timeout 4 minutes.');
    expect(view(good).node('natGateway:aks-test/managed')!.details[1]).toBe('16 public IPs · idle 4 min');
  });
});

describe('a firewall’s public IP count and its listed addresses (d2)', () => {
  it('counts 20 and names the one listed address, in the path, the allow-list, the narrative and the diagram', async () => {
    const { model } = await load('d2-hub-er-kubenet-publiclb.ts');
    expect(model.egressPaths[0]!.publicIps).toBe(20);
    const a = snatAllowList(model);
    expect(a).toMatchObject({ total: 20, exact: true });
    expect(a.sources[0]).toMatchObject({ addresses: 20, listed: ['20.50.60.70'] });
    const n = narrative(model, 'aks-kubenet');
    expect(n.summary).toContain('SNAT uses 20 public IP addresses.');
    expect(n.steps.map((s) => s.text).join('\n')).toContain('SNATs it to 20 public IPs (1 listed: 20.50.60.70).');
    const v = view(model);
    expect(v.node('internet')!.details[0]).toBe('20 public IPs for SNAT');
    expect(v.node('azureFirewall:afw-hub')!.details[1]).toBe('10.0.0.4 · 20 public IPs (1 listed: 20.50.60.70)');
    expect(v.edge('azureFirewall:afw-hub', 'internet')!.label).toBe('20 public IPs (1 listed: 20.50.60.70)');
  });

  it('a list as long as the count names every address: no "listed" note', () => {
    const b = baseline();
    Object.assign(b.firewall as object, { publicIps: 2, publicIpAddresses: ['20.50.60.70', '20.50.60.71'] });
    const { model } = normalize(b.arch);
    expect(snatAllowList(model).total).toBe(2);
    expect(view(model).node('azureFirewall:afw-hub')!.details[1]).toBe('10.0.0.4 · 2 public IPs');
  });
});

/**
 * The SNAT addresses a partner must allow-list come from one model function (`snatAllowList`), and the egress
 * view's Internet node, its edge labels, the NAT/firewall boxes and the egress narrative all say that number.
 */
import { describe, expect, it } from 'vitest';
import { natGateway, nodePool, publicIp } from '../../dsl/index.js';
import { deriveView } from '../../src/diagram/views.js';
import { ModelQuery } from '../../src/model/query.js';
import { snatAllowList } from '../../src/model/snat.js';
import type { Model, ResourceOf } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
import { egressNarrative } from '../../src/report/narrative.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

type Mutable = Record<string, unknown>;

function egressView(model: Model) {
  const g = deriveView(model, 'egress')!;
  return { g, internet: g.nodes.find((n) => n.kind === 'internet')!, byId: new Map(g.nodes.map((n) => [n.id, n])) };
}

function summary(model: Model): string {
  return egressNarrative(model.egressPaths[0]!, new ModelQuery(model)).summary;
}

describe('snatAllowList', () => {
  it('counts a firewall by its declared addresses and prefixes, not the default of one IP', () => {
    const b = baseline();
    (b.firewall as unknown as Mutable).publicIps = undefined;
    (b.firewall as unknown as Mutable).publicIpAddresses = ['20.50.1.0/30', '20.50.2.7'];
    const { model } = normalize(b.arch);
    // The normalizer fills in its "at least one" minimum for the count, but the addresses the design lists are more,
    // and what a partner allow-lists: a /30 (4) and one address. The egress path counts them the same way.
    expect(model.egressPaths[0]!.publicIps).toBe(5);
    const a = snatAllowList(model);
    expect(a).toMatchObject({ total: 5, exact: true });
    const { internet, g } = egressView(model);
    expect(internet.details[0]).toBe('5 public IPs for SNAT');
    expect(g.edges.find((e) => e.to === 'internet')!.label).toBe('5 public IPs');
    expect(g.nodes.find((n) => n.id === 'azureFirewall:afw-hub')!.details[1]).toBe('10.0.0.4 · 5 public IPs');
    expect(summary(model)).toContain('SNAT uses 5 public IP addresses.');
  });

  it('says "at least" when the firewall count is only the platform minimum', () => {
    const b = baseline();
    (b.firewall as unknown as Mutable).publicIps = undefined;
    const { model } = normalize(b.arch);
    expect(snatAllowList(model)).toMatchObject({ total: 1, exact: false });
    expect(egressView(model).internet.details[0]).toBe('at least 1 public IP for SNAT');
    expect(summary(model)).toContain('SNAT uses at least 1 public IP address.');
    // A stated count is exact.
    const stated = normalize(baseline().arch).model;
    expect(snatAllowList(stated)).toMatchObject({ total: 20, exact: true });
    expect(egressView(stated).internet.details[0]).toBe('20 public IPs for SNAT');
  });

  it('counts the NAT gateway behind a firewall, not the firewall IPs', () => {
    const b = baseline();
    const nat = natGateway({ name: 'ng-fw', publicIpPrefixLength: 29 });
    (b.firewall as unknown as Mutable).natGateway = nat;
    const { model } = normalize(b.arch);
    const a = snatAllowList(model);
    expect(a.sources.map((s) => [s.device, s.addresses])).toEqual([['natGateway:ng-fw', 8]]);
    expect(a.total).toBe(8);
    expect(egressView(model).internet.details[0]).toBe('8 public IPs for SNAT');
    const n = egressNarrative(model.egressPaths[0]!, new ModelQuery(model));
    expect(n.summary).toContain('SNAT uses 8 public IP addresses.');
    // The firewall step no longer claims its own 20 IPs are the SNAT addresses.
    const fwStep = n.steps.map((s) => s.text).find((t) => t.includes('Inspects and logs'))!;
    expect(fwStep).not.toContain('20 public IP');
    expect(fwStep).toContain('ng-fw');
  });

  it('counts a NAT gateway by its attached public IP resources and lists them on its box', () => {
    const b = baseline();
    const pips = [
      publicIp({ name: 'pip-ng-1', sku: 'StandardV2', zones: [1, 2, 3] }),
      publicIp({ name: 'pip-ng-2', sku: 'StandardV2', ddosIpProtection: false }),
    ];
    (b.firewall as unknown as Mutable).natGateway = natGateway({ name: 'ng-fw', sku: 'StandardV2', publicIpResources: pips });
    const { model } = normalize(b.arch);
    expect(snatAllowList(model)).toMatchObject({ total: 2, exact: true });
    const nat = egressView(model).byId.get('natGateway:ng-fw')!;
    expect(nat.details).toEqual([
      'NAT gateway',
      '2 public IPs · idle 4 min',
      'pip-ng-1 · StandardV2 · zones 1,2,3',
      'pip-ng-2 · StandardV2 · no DDoS IP Protection',
    ]);
  });

  it('counts the outbound load balancer IPs, plus the nodes that have their own public IPs', () => {
    const b = baseline();
    b.nodes.routeTable = undefined;
    (b.aks as unknown as Mutable).outbound = { type: 'loadBalancer', outboundIps: 3 };
    const { model: plain } = normalize(b.arch);
    expect(snatAllowList(plain)).toMatchObject({ total: 3, exact: true });
    mutable(b.aks.nodePools).push(
      nodePool({
        name: 'edge',
        mode: 'user',
        vmSize: 'Standard_D4ds_v5',
        count: 4,
        subnet: b.nodes,
        nodePublicIp: true,
      }),
    );
    const { model } = normalize(b.arch);
    const pool = model.resources.find(
      (r): r is ResourceOf<'nodePool'> => r.kind === 'nodePool' && r.id.endsWith('/edge'),
    )!;
    const surge = pool.surgeNodes;
    const a = snatAllowList(model);
    expect(a.sources.map((s) => s.kind)).toEqual(['loadBalancer', 'nodePublicIp']);
    expect(a.total).toBe(3 + 4 + surge);
    expect(egressView(model).internet.details[0]).toBe(`${3 + 4 + surge} public IPs for SNAT`);
  });

  it('counts a device two clusters share once, and a path that never reaches the internet not at all', () => {
    const b = baseline();
    const { model } = normalize(b.arch);
    const a = snatAllowList(model);
    expect(a.sources).toHaveLength(1);
    expect(a.sources[0]!.clusters).toEqual(['cluster:aks-test']);
    // Without a default route to the firewall and with outbound type none, nothing leaves.
    b.nodes.routeTable = undefined;
    (b.aks as unknown as Mutable).outbound = { type: 'none' };
    expect(snatAllowList(normalize(b.arch).model)).toMatchObject({ sources: [], total: 0 });
  });
});

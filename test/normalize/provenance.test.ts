/**
 * Where each fact comes from: stated (written), defaulted (a documented platform default listed in
 * model.defaults with its learn.microsoft.com source) or unknown (left undefined, listed in
 * model.unknown). Fields real designs leave unstated are optional and load without issues.
 */
import { describe, expect, it } from 'vitest';
import {
  azureFirewall,
  cluster,
  defineArchitecture,
  ingressController,
  ingressPath,
  loadBalancer,
  nodePool,
  nsg,
  privateDnsZone,
  subnet,
  vnet,
} from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import type { Model, Resource } from '../../src/model/types.js';
import { baseline } from '../helpers/fixture.js';

const get = <K extends Resource['kind']>(m: Model, kind: K) =>
  m.resources.filter((r): r is Extract<Resource, { kind: K }> => r.kind === kind);

/** A design that leaves every commonly unstated fact out. */
function sparse() {
  const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', purpose: 'firewall' });
  const hub = vnet({ name: 'vnet-hub', region: 'westeurope', addressSpace: ['10.0.0.0/22'], subnets: [fwSubnet] });
  const firewall = azureFirewall({ name: 'afw', subnet: fwSubnet });
  const nodeNsg = nsg({ name: 'nsg-nodes' });
  const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', nsg: nodeNsg });
  const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes] });
  const zone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net' });
  const aks = cluster({
    name: 'aks',
    region: 'westeurope',
    network: { cni: 'azure-overlay', networkPolicy: 'cilium' },
    nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', maxCount: 5, subnet: nodes })],
    outbound: { type: 'userDefinedRouting', via: firewall },
    serviceMesh: { kind: 'istio-addon' },
  });
  const ilb = loadBalancer({ name: 'ilb', visibility: 'internal', subnet: nodes, cluster: aks });
  const ic = ingressController({ name: 'nginx', type: 'nginx', cluster: aks });
  const arch = defineArchitecture({
    metadata: { title: 'sparse' },
    network: { vnets: [hub, spoke], firewalls: [firewall], privateDnsZones: [zone] },
    clusters: [aks],
    ingress: [
      ingressPath({
        name: 'web',
        from: { kind: 'internet' },
        hops: [
          { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
          { via: ic, protocol: 'https', port: 443, tls: 'terminate' },
        ],
      }),
    ],
  });
  return { arch, firewall, nodeNsg, zone, aks, ic };
}

describe('optional facts', () => {
  it('a design leaving firewall privateIp/tier, zone links, path target, mesh mTLS, NSG rules and minCount out loads cleanly', () => {
    const { model, issues } = normalize(sparse().arch);
    expect(issues).toEqual([]);
    const fw = get(model, 'azureFirewall')[0]!;
    expect(fw.privateIp).toBeUndefined();
    expect(fw.tier).toBeUndefined();
    expect(fw.fqdnAllowRules).toBeUndefined();
    expect(fw.aksFqdnTag).toBeUndefined();
    expect(fw.zones).toBeUndefined();
    expect(get(model, 'privateDnsZone')[0]!.links).toBeUndefined();
    expect(get(model, 'nsg')[0]!.rules).toBeUndefined();
    const pool = get(model, 'nodePool')[0]!;
    expect(pool.autoscaling).toBe(true);
    expect(pool.minCount).toBeUndefined();
    expect(pool.maxNodes).toBe(5);
    expect(pool.zones).toBeUndefined();
    const c = get(model, 'cluster')[0]!;
    expect(c.serviceMesh).toEqual({ kind: 'istio-addon' });
    expect(c.network.defaultDeny).toBeUndefined();
    const ic = get(model, 'ingressController')[0]!;
    expect(ic.replicas).toBeUndefined();
    expect(ic.zoneSpread).toBeUndefined();
  });

  it('a path without `to` ends at its last hop and still belongs to the cluster of its hops', () => {
    const { model } = normalize(sparse().arch);
    const p = model.ingressPaths[0]!;
    expect(p.target).toBeUndefined();
    expect(p.cluster).toBe('cluster:aks');
    expect(get(model, 'workload')).toEqual([]);
    expect(p.edges).toHaveLength(2);
    expect(model.edges.filter((e) => e.path === p.id).map((e) => e.to)).toEqual([
      'loadBalancer:ilb',
      'ingressController:aks/nginx',
    ]);
  });

  it('lists every unknown fact with its DSL path, and none of them as a default', () => {
    const { model } = normalize(sparse().arch);
    const unknown = model.unknown.map((u) => u.path).sort();
    expect(unknown).toEqual(
      [
        'clusters[0].kubernetesVersion',
        'clusters[0].network.defaultDeny',
        'clusters[0].nodePools[0].minCount',
        'clusters[0].nodePools[0].zones',
        'clusters[0].serviceMesh.mtls',
        // A load balancer hop that does not say whether it keeps the client's address (externalTrafficPolicy).
        'ingress[0].hops[0].preservesClientIp',
        'ingress[0].hops[0].via.zones',
        'ingress[0].hops[1].via.replicas',
        'ingress[0].hops[1].via.zoneSpread',
        'ingress[0].to',
        'network.firewalls[0].aksFqdnTag',
        'network.firewalls[0].fqdnAllowRules',
        'network.firewalls[0].privateIp',
        'network.firewalls[0].tier',
        'network.firewalls[0].zones',
        'network.privateDnsZones[0].links',
        // Private by default only in VNets created after 2026-03-31: unknown unless stated.
        'network.vnets[0].subnets[0].defaultOutboundAccess',
        'network.vnets[1].subnets[0].defaultOutboundAccess',
        'network.vnets[1].subnets[0].nsg.flowLogs',
        'network.vnets[1].subnets[0].nsg.rules',
      ].sort(),
    );
    const defaulted = new Set(model.defaults.map((d) => d.path));
    for (const u of unknown) expect(defaulted.has(u), u).toBe(false);
  });

  it('stating a fact removes it from model.unknown', () => {
    const s = sparse();
    s.ic.replicas = 3;
    s.firewall.aksFqdnTag = true;
    s.nodeNsg.rules = [];
    const { model } = normalize(s.arch);
    const unknown = new Set(model.unknown.map((u) => u.path));
    expect(unknown.has('ingress[0].hops[1].via.replicas')).toBe(false);
    expect(unknown.has('network.firewalls[0].aksFqdnTag')).toBe(false);
    // The AKS tag alone says nothing of the other FQDNs the firewall allows: that list stays unknown, not empty.
    expect(unknown.has('network.firewalls[0].fqdnAllowRules')).toBe(true);
    expect(get(model, 'azureFirewall')[0]!.allowShorthand).toEqual({ aksFqdnTag: true });
    expect(get(model, 'nsg')[0]!.rules).toEqual([]);
    // Stated empty, it is known to be empty.
    s.firewall.fqdnAllowRules = [];
    const stated = normalize(s.arch).model;
    expect(stated.unknown.filter((u) => /^network\.firewalls\[0\]\.(?:fqdnAllowRules|aksFqdnTag)$/.test(u.path))).toEqual([]);
    expect(get(stated, 'azureFirewall')[0]!.fqdnAllowRules).toEqual([]);
  });

  it('minCount without maxCount is still an error; maxCount alone is not', () => {
    const s = sparse();
    const pool = s.aks.nodePools[0]!;
    delete pool.maxCount;
    pool.minCount = 2;
    const { issues } = normalize(s.arch);
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'clusters[0].nodePools[0].maxCount: autoscaling needs maxCount when minCount is given',
    ]);
  });
});

describe('defaults', () => {
  it('every platform default names its learn.microsoft.com source; only inferences have none', () => {
    const { model } = normalize(baseline().arch);
    const s = sparse();
    const all = [...model.defaults, ...normalize(s.arch).model.defaults];
    expect(all.length).toBeGreaterThan(5);
    for (const d of all) {
      if (d.inferred) expect(d.source, d.path).toBeUndefined();
      else expect(d.source, `${d.path}: ${d.reason}`).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('a NAT gateway without zones is a no-zone resource (a platform default), not unknown', () => {
    const s = sparse();
    const { model } = normalize({
      ...s.arch,
      clusters: [
        { ...s.aks, outbound: { type: 'userAssignedNATGateway', natGateway: { kind: 'natGateway', name: 'nat' } } },
      ],
    });
    const nat = get(model, 'natGateway')[0]!;
    expect(nat.zones).toEqual([]);
    const d = model.defaults.find((x) => x.element === nat.id && x.path.endsWith('.zones'));
    expect(d?.value).toBe('none');
    expect(d?.source).toBe('https://learn.microsoft.com/azure/nat-gateway/nat-availability-zones');
    expect(model.unknown.some((u) => u.element === nat.id)).toBe(false);
  });

  it('a VNet without dnsServers is on Azure-provided DNS as a listed platform default; a stated list is not', () => {
    const b = baseline();
    b.hub.dnsServers = ['10.0.0.4'];
    const { model } = normalize(b.arch);
    const dns = model.defaults.filter((d) => d.path.endsWith('.dnsServers'));
    expect(dns.map((d) => [d.path, d.value])).toEqual([['network.vnets[1].dnsServers', 'Azure-provided DNS']]);
    expect(dns[0]!.source).toBe('https://learn.microsoft.com/azure/virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances');
    expect(get(model, 'vnet').map((v) => v.dnsServers)).toEqual([['10.0.0.4'], []]);
  });
});

describe('a pool with only an autoscaler maximum', () => {
  it('has an unknown minimum and reaches its maximum, even below the default node count', () => {
    const s = sparse();
    s.aks.nodePools[0]!.maxCount = 2;
    const { model, issues } = normalize(s.arch);
    expect(issues).toEqual([]);
    const pool = get(model, 'nodePool')[0]!;
    expect([pool.minCount, pool.count, pool.maxNodes]).toEqual([undefined, 2, 2]);
    expect(model.defaults.find((d) => d.path === 'clusters[0].nodePools[0].count')?.inferred).toBe(true);
  });
});

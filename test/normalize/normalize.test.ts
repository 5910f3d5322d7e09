/** The normalizer: defaults (recorded in model.defaults), deterministic order, stable ids, canonical paths. */
import { describe, expect, it } from 'vitest';
import { cluster, defineArchitecture, jumpBox, nodePool, subnet, vnet, type Architecture, type ClusterNetwork } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { DEFAULT_MAX_PODS } from '../../src/normalize/defaults.js';
import type { ClusterResource, Model, NodePoolResource, Resource } from '../../src/model/types.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

/** A minimal single-cluster design with nothing optional set. */
function minimal(network: ClusterNetwork = { cni: 'azure-overlay' }, pool: Partial<Parameters<typeof nodePool>[0]> = {}): Architecture {
  const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22' });
  const pods = subnet({ name: 'snet-pods', cidr: '10.1.64.0/18' });
  const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes, pods] });
  return defineArchitecture({
    metadata: { title: 'minimal' },
    network: { vnets: [spoke] },
    clusters: [
      cluster({
        name: 'aks',
        region: 'westeurope',
        network,
        nodePools: [
          nodePool({
            name: 'system',
            mode: 'system',
            vmSize: 'Standard_D4ds_v5',
            subnet: nodes,
            ...(network.cni === 'azure-podsubnet-dynamic' || network.cni === 'azure-podsubnet-static' ? { podSubnet: pods } : {}),
            ...pool,
          }),
        ],
      }),
    ],
  });
}

const get = <K extends Resource['kind']>(m: Model, kind: K) => m.resources.filter((r): r is Extract<Resource, { kind: K }> => r.kind === kind);
const defaultAt = (m: Model, path: string) => m.defaults.find((d) => d.path === path);

describe('defaults', () => {
  it('fills in AKS defaults and lists every one in model.defaults', () => {
    const { model, issues } = normalize(minimal());
    expect(issues).toEqual([]);
    const c = get(model, 'cluster')[0] as ClusterResource;
    expect(c.network.serviceCidr).toBe('10.0.0.0/16');
    expect(c.network.dnsServiceIP).toBe('10.0.0.10');
    expect(c.network.podCidr).toBe('10.244.0.0/16');
    expect(c.network.dataplane).toBe('azure');
    expect(c.network.networkPolicy).toBe('none');
    expect(c.tier).toBe('Free');
    expect(c.outbound).toEqual({ type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 0, idleTimeoutMinutes: 30 });
    expect(c.apiServer).toEqual({ mode: 'public', authorizedIpRanges: [] });
    const pool = get(model, 'nodePool')[0] as NodePoolResource;
    expect(pool.count).toBe(3);
    expect(pool.maxPods).toBe(250);
    expect(pool.maxSurge).toBe('10%');
    expect(pool.surgeNodes).toBe(1);
    expect(pool.os).toBe('Linux');
    for (const [path, value] of [
      ['clusters[0].network.serviceCidr', '10.0.0.0/16'],
      ['clusters[0].network.dnsServiceIP', '10.0.0.10'],
      ['clusters[0].network.podCidr', '10.244.0.0/16'],
      ['clusters[0].tier', 'Free'],
      ['clusters[0].outbound.type', 'loadBalancer'],
      ['clusters[0].apiServer.mode', 'public'],
      ['clusters[0].nodePools[0].maxPods', 250],
      ['clusters[0].nodePools[0].maxSurge', '10%'],
      ['clusters[0].nodePools[0].count', 3],
    ] as const) {
      const d = defaultAt(model, path);
      expect(d, path).toBeDefined();
      expect(d!.value, path).toBe(value);
      expect(d!.reason.length, path).toBeGreaterThan(0);
      expect(d!.element, path).toMatch(/^(cluster|nodePool):/);
    }
  });

  it('the DNS service IP defaults to the .10 address of a custom service CIDR', () => {
    const { model } = normalize(minimal({ cni: 'azure-overlay', serviceCidr: '172.16.0.0/16' }));
    const c = get(model, 'cluster')[0]!;
    expect(c.network.dnsServiceIP).toBe('172.16.0.10');
    expect(defaultAt(model, 'clusters[0].network.dnsServiceIP')?.value).toBe('172.16.0.10');
    expect(defaultAt(model, 'clusters[0].network.serviceCidr')).toBeUndefined();
  });

  it('max pods default per CNI', () => {
    for (const cni of Object.keys(DEFAULT_MAX_PODS) as Array<keyof typeof DEFAULT_MAX_PODS>) {
      const { model } = normalize(minimal({ cni } as ClusterNetwork));
      expect(get(model, 'nodePool')[0]!.maxPods, cni).toBe(DEFAULT_MAX_PODS[cni]);
    }
    expect(DEFAULT_MAX_PODS).toMatchObject({ kubenet: 110, 'azure-overlay': 250, 'azure-nodesubnet': 30 });
  });

  it('surge: 10% of the maximum node count, rounded up; counts as written', () => {
    const autoscaled = get(normalize(minimal(undefined, { minCount: 3, maxCount: 25 })).model, 'nodePool')[0]!;
    expect(autoscaled.count).toBe(3);
    expect(autoscaled.maxNodes).toBe(25);
    expect(autoscaled.surgeNodes).toBe(3);
    const pct = get(normalize(minimal(undefined, { count: 10, maxSurge: '33%' })).model, 'nodePool')[0]!;
    expect(pct.surgeNodes).toBe(4);
    const fixed = get(normalize(minimal(undefined, { count: 10, maxSurge: 2 })).model, 'nodePool')[0]!;
    expect(fixed.maxSurge).toBe('2');
    expect(fixed.surgeNodes).toBe(2);
  });

  it('explicit values are not listed as defaults', () => {
    const { model } = normalize(baseline().arch);
    expect(defaultAt(model, 'clusters[0].tier')).toBeUndefined();
    expect(defaultAt(model, 'clusters[0].network.serviceCidr')).toBeUndefined();
    expect(defaultAt(model, 'clusters[0].network.dnsServiceIP')).toBeUndefined();
  });
});

describe('determinism, ids and paths', () => {
  it('the same input gives identical JSON, twice and from fresh objects', () => {
    const a = JSON.stringify(normalize(baseline().arch));
    const b = JSON.stringify(normalize(baseline().arch));
    const arch = baseline().arch;
    expect(b).toBe(a);
    expect(JSON.stringify(normalize(arch))).toBe(JSON.stringify(normalize(arch)));
  });

  it('resources and edges are sorted by id, and ids are unique', () => {
    const { model } = normalize(baseline().arch);
    const ids = model.resources.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(new Set(ids).size).toBe(ids.length);
    const edges = model.edges.map((e) => e.id);
    expect(edges).toEqual([...edges].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it('ids are stable names scoped where Azure scopes them', () => {
    const { model } = normalize(baseline().arch);
    const ids = model.resources.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['vnet:vnet-hub', 'vnet:vnet-spoke', 'subnet:vnet-spoke/snet-nodes', 'cluster:aks-test', 'nodePool:aks-test/system', 'azureFirewall:afw-hub']));
  });

  it('reordering the VNets changes no id and no resource content except paths', () => {
    const strip = (m: Model) => m.resources.map((r) => JSON.stringify({ ...r, source: undefined })).join('\n');
    const a = baseline();
    const b = baseline();
    mutable(b.arch.network.vnets).reverse();
    const ma = normalize(a.arch).model;
    const mb = normalize(b.arch).model;
    expect(mb.resources.map((r) => r.id)).toEqual(ma.resources.map((r) => r.id));
    expect(strip(mb)).toBe(strip(ma));
  });

  it('canonical paths: a part reached by reference first keeps its declaration path', () => {
    const { model } = normalize(baseline().arch);
    const nodes = model.resources.find((r) => r.id === 'subnet:vnet-spoke/snet-nodes')!;
    expect(nodes.source.path).toBe('network.vnets[1].subnets[0]');
    const fw = model.resources.find((r) => r.id === 'azureFirewall:afw-hub')!;
    expect(fw.source.path).toBe('network.firewalls[0]');
    const pool = model.resources.find((r) => r.id === 'nodePool:aks-test/apps')!;
    expect(pool.source.path).toBe('clusters[0].nodePools[1]');
  });

  it('does not mutate its input', () => {
    const { arch } = baseline();
    const before = JSON.stringify(arch, (_k, v: unknown) => v);
    normalize(arch);
    expect(JSON.stringify(arch, (_k, v: unknown) => v)).toBe(before);
  });

  it('never throws on garbage', () => {
    for (const input of [undefined, null, 42, 'x', [], {}, { network: 1, clusters: 'x' }, { network: { vnets: [null, 1, { kind: 'vnet' }] }, clusters: [{ kind: 'cluster' }] }]) {
      expect(() => normalize(input as never)).not.toThrow();
      expect(normalize(input as never).issues.length).toBeGreaterThan(0);
    }
  });
});

describe('admins through Bastion: the VM kubectl runs on', () => {
  it('rejects jumpBox on an entry that does not come through a Bastion', () => {
    const b = baseline();
    const s = subnet({ name: 'snet-ops', cidr: '10.1.9.0/26' });
    mutable(b.spoke.subnets).push(s);
    const jb = jumpBox({ name: 'vm-ops', subnet: s });
    b.arch.network.jumpBoxes = [jb];
    b.aks.controlPlaneAccess = [{ kind: 'admins', via: jb, jumpBox: jb }];
    const { issues, model } = normalize(b.arch);
    expect(issues.map((i) => i.path)).toContain('clusters[0].controlPlaneAccess[0].jumpBox');
    expect(model.controlPlaneAccess.find((a) => a.kind === 'admins')?.from).toBe(model.controlPlaneAccess.find((a) => a.kind === 'admins')?.via);
  });
});

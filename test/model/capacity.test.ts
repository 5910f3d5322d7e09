/** The one capacity model: surge per pool (AKS rolling-upgrade docs), summed over pools, and subnet demand. */
import { describe, expect, it } from 'vitest';
import { nodePool, subnet } from '../../dsl/index.js';
import { mutable } from '../helpers/mutable.js';
import { API_SERVER_IPS_PER_CLUSTER, autoPortsPerNode, clusterDemand, poolDemand, subnetDemand, surgeNodesFor } from '../../src/model/capacity.js';
import { ModelQuery } from '../../src/model/query.js';
import type { NodePoolResource } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
import { DEFAULT_MAX_SURGE, REASONS } from '../../src/normalize/defaults.js';
import { baseline } from '../helpers/fixture.js';

describe('surge', () => {
  it('a percentage of the pool rounds up; a count is taken as written; 0 adds no node', () => {
    expect(surgeNodesFor('10%', 10)).toBe(1);
    expect(surgeNodesFor('10%', 11)).toBe(2);
    expect(surgeNodesFor('10%', 1)).toBe(1);
    expect(surgeNodesFor('50%', 4)).toBe(2);
    expect(surgeNodesFor('33%', 3)).toBe(1);
    expect(surgeNodesFor('34%', 3)).toBe(2);
    expect(surgeNodesFor('0%', 10)).toBe(0);
    expect(surgeNodesFor('0', 10)).toBe(0);
    expect(surgeNodesFor('3', 10)).toBe(3);
    expect(surgeNodesFor('10%', 0)).toBe(0);
  });

  it('unset, max surge is the 10 % its cited page states, never fewer nodes than the one of the rolling-upgrade page', () => {
    expect(DEFAULT_MAX_SURGE).toBe('10%');
    expect(REASONS.maxSurge.source).toBe('https://learn.microsoft.com/azure/aks/best-practices-performance-scale-large');
    expect(REASONS.maxSurge.reason).toMatch(/10%.*one node/);
    for (const n of [1, 2, 10, 11, 100]) expect(surgeNodesFor(DEFAULT_MAX_SURGE, n), `${n} nodes`).toBeGreaterThanOrEqual(1);
    expect(surgeNodesFor(DEFAULT_MAX_SURGE, 10)).toBe(1);
    expect(surgeNodesFor(DEFAULT_MAX_SURGE, 11)).toBe(2);
  });

  it('the docs’ example: five pools of four nodes at 50 % need 10 extra nodes', () => {
    const b = baseline();
    b.aks.nodePools = Array.from({ length: 5 }, (_, i) =>
      nodePool({ name: `p${i}`, mode: i === 0 ? 'system' : 'user', vmSize: 'Standard_D4ds_v5', count: 4, maxSurge: '50%', subnet: b.nodes }),
    );
    const { model } = normalize(b.arch);
    const q = new ModelQuery(model);
    expect(clusterDemand(q, q.all('cluster')[0]!)).toEqual({ nodes: 20, surge: 10, peak: 30 });
    // The normalizer's per-pool surge is the capacity model's.
    for (const p of q.all('nodePool')) expect(p.surgeNodes).toBe(poolDemand(p as NodePoolResource).surge);
  });
});

describe('subnet demand', () => {
  it('counts nodes, the internal LB frontend and the API server endpoint on the node subnet, and says how', () => {
    const { model } = normalize(baseline().arch);
    const d = subnetDemand(new ModelQuery(model), 'subnet:vnet-spoke/snet-nodes');
    expect(d).toMatchObject({ role: 'nodes', usable: 1019, used: 5 + 1 + 10 + 1 + 1 + 1 });
    expect(d.terms.map((t) => t.text)).toEqual(['system: 5 nodes + 1 surge', 'apps: 10 nodes + 1 surge', '1 internal LB frontend', '1 private endpoint']);
  });

  it('an API Server VNet Integration subnet holds 9 addresses per cluster (api-server-vnet-integration: "at least nine")', () => {
    const b = baseline();
    const api = subnet({ name: 'snet-api', cidr: '10.1.8.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' });
    mutable(b.spoke.subnets).push(api);
    b.aks.apiServer = { mode: 'vnet-integration', subnet: api, private: false };
    const d = subnetDemand(new ModelQuery(normalize(b.arch).model), 'subnet:vnet-spoke/snet-api');
    expect(API_SERVER_IPS_PER_CLUSTER).toBe(9);
    expect(d).toMatchObject({ role: 'api-server', usable: 11, used: 9 });
    expect(d.terms.map((t) => t.text)).toEqual(['aks-test API server: 9']);
  });

  it('a subnet with nothing the model counts has no consumption (unknown), not zero', () => {
    const { model } = normalize(baseline().arch);
    expect(subnetDemand(new ModelQuery(model), 'subnet:vnet-hub/AzureFirewallSubnet')).toMatchObject({ used: null, role: 'other' });
  });
});

describe('automatic load balancer SNAT allocation', () => {
  it('halves the ports per node at each pool-size step, on both sides of every step', () => {
    const steps: Array<[number, number]> = [
      [1, 1024], [50, 1024], [51, 512], [100, 512], [101, 256], [200, 256], [201, 128], [400, 128], [401, 64], [800, 64], [801, 32], [1000, 32],
    ];
    for (const [nodes, ports] of steps) expect(autoPortsPerNode(nodes), `${nodes} nodes`).toBe(ports);
  });
});

describe('surge edge cases', () => {
  it('a zero, negative or unreadable percentage adds no node; counts are floored and never negative', () => {
    expect(surgeNodesFor('0%', 10)).toBe(0);
    expect(surgeNodesFor('-10%', 10)).toBe(0);
    expect(surgeNodesFor('x%', 10)).toBe(0);
    expect(surgeNodesFor('1%', 10)).toBe(1);
    expect(surgeNodesFor('100%', 10)).toBe(10);
    expect(surgeNodesFor('10%', -5)).toBe(0);
    expect(surgeNodesFor('2.7', 10)).toBe(2);
    expect(surgeNodesFor('-1', 10)).toBe(0);
    expect(surgeNodesFor('Infinity', 10)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { nodePool } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/node-subnet-capacity';

/** Baseline switched to flat Azure CNI with one pool of 12 nodes on a /24. */
function flat() {
  const b = baseline();
  b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10', networkPolicy: 'cilium', dataplane: 'cilium' };
  b.nodes.cidr = '10.1.0.0/24';
  b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 12, maxPods: 30, maxSurge: 1, subnet: b.nodes })];
  return b;
}

describe(ID, () => {
  it('reports a flat CNI node subnet too small for max scale plus surge', async () => {
    const b = flat();
    b.arch.ingress = [];
    b.ilb.subnet = undefined;
    b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('snet-nodes 10.1.0.0/24 has 251 usable addresses; at max scale (12 nodes + 1 surge) × (30 pods + 1) need 403');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].cidr');
    expect(f[0]!.evidence).toMatchObject({ usable: 251, needed: 403 });
  });

  it('sums pools and internal LB frontends sharing the subnet', async () => {
    const b = flat();
    b.nodes.cidr = '10.1.0.0/23';
    b.aks.nodePools.push(nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, maxPods: 30, maxSurge: '10%', subnet: b.nodes }));
    const f = await runRule(ID, b.arch);
    // system 13 × 31 = 403, apps (3 + 1) × 31 = 124, 1 ILB, 1 API server private endpoint → 529 > 507
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'snet-nodes 10.1.0.0/23 has 507 usable addresses; at max scale system: (12 nodes + 1 surge) × (30 pods + 1) + apps: (3 nodes + 1 surge) × (30 pods + 1) + 1 internal LB frontend + 1 private endpoint need 529',
    );
  });

  it('counts one address per node for overlay', async () => {
    const b = baseline();
    b.nodes.cidr = '10.1.0.0/28';
    const f = await runRule(ID, b.arch);
    // system 5 + 1, apps 10 + 1, 1 ILB, 1 API server private endpoint = 19 > 11
    expect(f[0]!.message).toBe(
      'snet-nodes 10.1.0.0/28 has 11 usable addresses; at max scale system: 5 nodes + 1 surge + apps: 10 nodes + 1 surge + 1 internal LB frontend + 1 private endpoint need 19',
    );
  });

  it('passes the baseline and a large enough flat subnet', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = flat();
    b.nodes.cidr = '10.1.0.0/22';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});

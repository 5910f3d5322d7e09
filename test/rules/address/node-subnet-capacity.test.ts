import { describe, expect, it } from 'vitest';
import { nodePool } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { set, verdicts } from './_held.js';

/** Baseline switched to flat Azure CNI with one pool of 12 nodes on a /24. */
function flat() {
  const b = baseline();
  b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10', networkPolicy: 'cilium', dataplane: 'cilium' };
  b.nodes.cidr = '10.1.0.0/24';
  b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 12, maxPods: 30, maxSurge: 1, subnet: b.nodes })];
  return b;
}

/** The overlay baseline on a /27 (27 usable) with the apps pool scaling to `appsMax` (one surge node). */
function overlay27(appsMax: number) {
  return () => {
    const b = baseline();
    b.nodes.cidr = '10.1.0.0/27';
    b.aks.nodePools[1]!.maxCount = appsMax;
    b.aks.nodePools[1]!.maxSurge = 1;
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[0].cidr';

testRule('address/node-subnet-capacity', {
  valid: [
    { name: 'the baseline', arch: () => baseline().arch },
    {
      name: 'a large enough flat subnet',
      arch: () => {
        const b = flat();
        b.nodes.cidr = '10.1.0.0/22';
        return b.arch;
      },
    },
    { name: 'overlay: 6 + 19 + 1 ILB + 1 endpoint = 27 in a /27 (exactly full)', arch: overlay27(18) },
  ],
  invalid: [
    {
      name: 'a flat CNI node subnet too small for max scale plus surge',
      arch: () => {
        const b = flat();
        b.arch.ingress = [];
        b.ilb.subnet = undefined;
        b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
        return b.arch;
      },
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message: 'snet-nodes 10.1.0.0/24 has 251 usable addresses; at max scale (12 nodes + 1 surge) × (30 pods + 1) need 403',
          evidence: { usable: 251, needed: 403, pools: 1, internalLbFrontends: 0, privateEndpoints: 0 },
        },
      ],
    },
    {
      name: 'pools and internal LB frontends sharing the subnet are summed',
      arch: () => {
        const b = flat();
        b.nodes.cidr = '10.1.0.0/23';
        mutable(b.aks.nodePools).push(nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, maxPods: 30, maxSurge: '10%', subnet: b.nodes }));
        return b.arch;
      },
      // system 13 × 31 = 403, apps (3 + 1) × 31 = 124, 1 ILB, 1 API server private endpoint → 529 > 507
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message:
            'snet-nodes 10.1.0.0/23 has 507 usable addresses; at max scale system: (12 nodes + 1 surge) × (30 pods + 1) + apps: (3 nodes + 1 surge) × (30 pods + 1) + 1 internal LB frontend + 1 private endpoint need 529',
          evidence: { usable: 507, needed: 529, pools: 2, internalLbFrontends: 1, privateEndpoints: 1 },
        },
      ],
    },
    {
      name: 'overlay counts one address per node',
      arch: () => {
        const b = baseline();
        b.nodes.cidr = '10.1.0.0/28';
        return b.arch;
      },
      // system 5 + 1, apps 10 + 1, 1 ILB, 1 API server private endpoint = 19 > 11
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message:
            'snet-nodes 10.1.0.0/28 has 11 usable addresses; at max scale system: 5 nodes + 1 surge + apps: 10 nodes + 1 surge + 1 internal LB frontend + 1 private endpoint need 19',
        },
      ],
    },
    {
      name: 'overlay: 28 in a /27 (one too many)',
      arch: overlay27(19),
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message:
            'snet-nodes 10.1.0.0/27 has 27 usable addresses; at max scale system: 5 nodes + 1 surge + apps: 19 nodes + 1 surge + 1 internal LB frontend + 1 private endpoint need 28',
          evidence: { usable: 27, needed: 28 },
        },
      ],
    },
  ],
});

/** What the capacity verdict reads of the pools and the cluster it counts (dependsOn reads). */
describe('address/node-subnet-capacity with an invalid field', () => {
  const FINDING = `overCapacity ${PATH}`;
  const run = (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    b.nodes.cidr = '10.1.0.0/27';
    b.aks.nodePools[1]!.maxCount = 20;
    b.aks.nodePools[1]!.maxSurge = 1;
    change(b);
    return verdicts('address/node-subnet-capacity', b.arch);
  };

  it("a pool's invalid minCount or maxSurge, or the cluster's invalid CNI, holds the verdict back (the stand-in would be judged)", async () => {
    expect(await run((b) => set(b.aks.nodePools[1]!, 'minCount', 'three'))).toEqual({ findings: [], held: ['clusters[0].nodePools[1].minCount'] });
    expect(await run((b) => set(b.aks.nodePools[1]!, 'maxSurge', 'one'))).toEqual({ findings: [], held: ['clusters[0].nodePools[1].maxSurge'] });
    expect(await run((b) => set(b.aks.network, 'cni', 'azure'))).toEqual({ findings: [], held: ['clusters[0].network.cni'] });
  });

  it("a pool's invalid zones, the cluster's invalid outbound type or the subnet's invalid purpose leave it standing", async () => {
    for (const change of [
      (b: ReturnType<typeof baseline>) => set(b.aks.nodePools[1]!, 'zones', [1, 2, 4]),
      (b: ReturnType<typeof baseline>) => set(b.aks.outbound!, 'type', 'udr'),
      (b: ReturnType<typeof baseline>) => set(b.nodes, 'purpose', 'nodes'),
    ]) {
      expect(await run(change)).toEqual({ findings: [FINDING], held: [] });
    }
  });
});

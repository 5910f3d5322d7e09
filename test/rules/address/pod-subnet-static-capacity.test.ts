import { describe, expect, it } from 'vitest';
import { nodePool, subnet } from '../../../dsl/index.js';
import { staticBlocksAvailable, subnetDemand } from '../../../src/model/capacity.js';
import { ModelQuery } from '../../../src/model/query.js';
import { normalize } from '../../../src/normalize/normalize.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'address/pod-subnet-static-capacity';
const PATH = 'network.vnets[1].subnets[2].cidr';

/** A static-block cluster: one pool of `maxCount` nodes + 1 surge, `maxPods` per node, in pod subnet `podCidr`. */
function staticBlock(podCidr: string, maxCount: number, maxPods: number) {
  return () => {
    const b = baseline();
    const pods = subnet({ name: 'snet-pods', cidr: podCidr, purpose: 'aks-pods' });
    mutable(b.spoke.subnets).push(pods);
    b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = [
      nodePool({
        name: 'system',
        mode: 'system',
        vmSize: 'Standard_D4ds_v5',
        minCount: Math.min(1, maxCount),
        maxCount,
        maxPods,
        maxSurge: 1,
        subnet: b.nodes,
        podSubnet: pods,
      }),
    ];
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    // 13 nodes + 1 surge = 14 blocks of one /28 (15 pods + 1): exactly the 14 a /24 can hand out.
    {
      name: 'a /24 with 14 blocks needed (16 /28s minus the first and last)',
      arch: staticBlock('10.1.8.0/24', 13, 15),
    },
    { name: 'a /26 with 2 blocks needed (4 /28s minus 2)', arch: staticBlock('10.1.8.0/26', 1, 15) },
    { name: 'a /22 for 12 nodes of 47 pods', arch: staticBlock('10.1.8.0/22', 11, 47) },
  ],
  invalid: [
    {
      name: 'a /24 with 15 blocks needed (fits 251 addresses, but not in whole free /28s)',
      arch: staticBlock('10.1.8.0/24', 14, 15),
      findings: [
        {
          messageId: 'tooFewBlocks',
          path: PATH,
          severity: 'error',
          message:
            'pod subnet snet-pods 10.1.8.0/24 has room for 14 /28 blocks (its first and last /28 hold reserved addresses); ' +
            'at max scale (14 nodes + 1 surge) × 1 blocks (15 pods) need 15 (240 addresses)',
          evidence: { blocksAvailable: 14, blocksNeeded: 15 },
        },
      ],
    },
    {
      name: 'a /26 with 3 blocks needed',
      arch: staticBlock('10.1.8.0/26', 2, 15),
      findings: [
        { messageId: 'tooFewBlocks', path: PATH, severity: 'error', evidence: { blocksAvailable: 2, blocksNeeded: 3 } },
      ],
    },
    {
      name: 'a /27 offers no block at all',
      arch: staticBlock('10.1.8.0/27', 0, 15),
      findings: [
        { messageId: 'tooFewBlocks', path: PATH, severity: 'error', evidence: { blocksAvailable: 0, blocksNeeded: 1 } },
      ],
    },
    {
      name: '47 pods take 3 blocks per node: 12 nodes need 36 of a /24',
      arch: staticBlock('10.1.8.0/24', 11, 47),
      findings: [
        {
          messageId: 'tooFewBlocks',
          path: PATH,
          severity: 'error',
          message: /× 3 blocks \(47 pods\) need 36 \(576 addresses\)$/,
        },
      ],
    },
  ],
});

describe('staticBlocksAvailable', () => {
  it('counts the aligned /28s free of reserved addresses', () => {
    expect([16, 32, 64, 256, 1024].map(staticBlocksAvailable)).toEqual([0, 0, 2, 14, 62]);
  });
  it('the IP plan sees the same capacity: usable = blocks × 16 for a static pod subnet', () => {
    const { model } = normalize(staticBlock('10.1.8.0/24', 13, 15)());
    const q = new ModelQuery(model);
    const s = q.all('subnet').find((x) => x.name === 'snet-pods')!;
    expect(subnetDemand(q, s.id)).toMatchObject({ role: 'pods-static', usable: 224, used: 224, blocks: 14 });
  });
});

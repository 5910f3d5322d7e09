import { describe, expect, it } from 'vitest';
import { nodePool, privateLinkService, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'ingress/private-link-service-backend-pool';
type B = ReturnType<typeof baseline>;

/** The baseline ILB exposed through a Private Link Service; `pool` is the cluster's backend pool type. */
function exposed(pool: 'nodeIPConfiguration' | 'nodeIP' | undefined, change: (b: B) => void = () => {}) {
  return () => {
    const b = baseline();
    if (pool) b.aks.network.loadBalancerBackendPoolType = pool;
    b.arch.network.privateLinkServices = [
      privateLinkService({ name: 'pls-ingress', subnet: b.nodes, loadBalancer: b.ilb }),
    ];
    change(b);
    return b.arch;
  };
}

function staticBlock(b: B): void {
  const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods' });
  mutable(b.spoke.subnets).push(pods);
  b.aks.network = {
    cni: 'azure-podsubnet-static',
    serviceCidr: '172.16.0.0/16',
    dnsServiceIP: '172.16.0.10',
    loadBalancerBackendPoolType: 'nodeIPConfiguration',
  };
  b.aks.nodePools = [
    nodePool({
      name: 'system',
      mode: 'system',
      vmSize: 'Standard_D4ds_v5',
      minCount: 3,
      maxCount: 5,
      maxPods: 31,
      subnet: b.nodes,
      podSubnet: pods,
    }),
  ];
}

const CLUSTER = 'clusters[0].network';

testRule(ID, {
  valid: [
    { name: 'nodeIPConfiguration pools', arch: exposed('nodeIPConfiguration') },
    {
      name: 'nodeIP pools without a Private Link Service',
      arch: () => {
        const b = baseline();
        b.aks.network.loadBalancerBackendPoolType = 'nodeIP';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'the IP-based nodeIP pool type',
      arch: exposed('nodeIP'),
      findings: [
        {
          messageId: 'nodeIpPool',
          path: `${CLUSTER}.loadBalancerBackendPoolType`,
          severity: 'error',
          message:
            'Private Link Service pls-ingress fronts load balancer ilb-ingress of cluster aks-test, whose backend pool type ' +
            'is nodeIP; Private Link Service supports only nodeIPConfiguration',
        },
      ],
    },
    {
      name: 'static block allocation',
      arch: exposed(undefined, staticBlock),
      findings: [
        {
          messageId: 'staticBlock',
          path: `${CLUSTER}.cni`,
          severity: 'error',
          message: /uses Azure CNI static block allocation/,
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('an unstated backend pool type is one unverified check on the cluster', async () => {
    const r = await runRuleResult(ID, exposed(undefined)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual([`${CLUSTER}.loadBalancerBackendPoolType`]);
  });
});

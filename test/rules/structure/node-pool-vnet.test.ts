import { nodePool, subnet, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline's user pool moved to a subnet of its own, in the spoke or in a new VNet. */
function userPoolIn(where: 'spoke' | 'other-vnet' | 'hub') {
  return () => {
    const b = baseline();
    const s = subnet({ name: 'snet-apps', cidr: where === 'spoke' ? '10.1.8.0/22' : where === 'hub' ? '10.0.2.0/24' : '10.2.0.0/22' });
    if (where === 'spoke') mutable(b.spoke.subnets).push(s);
    else if (where === 'hub') mutable(b.hub.subnets).push(s);
    else mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-apps', region: 'westeurope', addressSpace: ['10.2.0.0/16'], subnets: [s] }));
    mutable(b.aks.nodePools)[1] = nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, subnet: s });
    return b.arch;
  };
}

testRule('structure/node-pool-vnet', {
  valid: [
    { name: 'two pools in one subnet', arch: () => baseline().arch },
    { name: 'a subnet per pool, both in the spoke', arch: userPoolIn('spoke') },
  ],
  invalid: [
    {
      name: 'the user pool in a subnet of another VNet',
      arch: userPoolIn('other-vnet'),
      findings: [
        {
          messageId: 'severalVnets',
          path: 'clusters[0].nodePools',
          severity: 'error',
          message:
            'node pools of aks-test are in 2 VNets (system in vnet-spoke; apps in vnet-apps); all node pools of a cluster ' +
            'must be in one VNet',
          evidence: { vnets: 'vnet-spoke, vnet-apps' },
        },
      ],
    },
    {
      name: 'the user pool in the peered hub: peering does not make it one VNet',
      arch: userPoolIn('hub'),
      findings: [{ messageId: 'severalVnets', path: 'clusters[0].nodePools', severity: 'error', message: /\(system in vnet-spoke; apps in vnet-hub\)/u }],
    },
  ],
});

import { nodePool, subnet, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withOnPrem } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

function withPodCidr(podCidr: string) {
  return () => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = podCidr;
    return b.arch;
  };
}

const overlap = (podCidr: string, what: string, net: string, netCidr: string) => ({
  messageId: 'overlap',
  path: 'clusters[0].network.podCidr',
  severity: 'error' as const,
  message: `pod CIDR ${podCidr} of aks-test (azure-overlay) overlaps ${what} ${net} (${netCidr})`,
  evidence: { podCidr, network: net, networkCidr: netCidr },
});

testRule('address/pod-cidr-overlap', {
  valid: [
    { name: 'the baseline', arch: withPodCidr('192.168.0.0/16') },
    { name: 'the range just after the spoke (10.2.0.0/16)', arch: withPodCidr('10.2.0.0/16') },
    { name: 'the range just after the hub (10.0.4.0/22)', arch: withPodCidr('10.0.4.0/22') },
    {
      name: 'an overlap with a VNet the cluster has no route to',
      arch: () => {
        const b = baseline();
        mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-tools', region: 'westeurope', addressSpace: ['192.168.0.0/24'], subnets: [] }));
        return b.arch;
      },
    },
    {
      name: 'an on-premises range with no connection',
      arch: () => withOnPrem(['192.168.0.0/24'], false).arch,
    },
  ],
  invalid: [
    {
      name: 'overlaps the cluster VNet',
      arch: withPodCidr('10.1.0.0/16'),
      findings: [overlap('10.1.0.0/16', 'VNet', 'vnet-spoke', '10.1.0.0/16')],
    },
    {
      name: 'the last /24 of the peered hub (10.0.3.0/24)',
      arch: withPodCidr('10.0.3.0/24'),
      findings: [overlap('10.0.3.0/24', 'VNet', 'vnet-hub', '10.0.0.0/22')],
    },
    {
      name: 'a cluster spanning two unconnected VNets: both routing domains count',
      arch: () => {
        const b = baseline();
        const s = subnet({ name: 'snet-nodes-b', cidr: '10.9.0.0/24', purpose: 'aks-nodes' });
        mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-b', region: 'westeurope', addressSpace: ['10.9.0.0/16'], subnets: [s] }));
        mutable(b.aks.nodePools).push(nodePool({ name: 'bpool', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3, subnet: s }));
        (b.aks.network as { podCidr?: string }).podCidr = '10.8.0.0/15';
        return b.arch;
      },
      findings: [overlap('10.8.0.0/15', 'VNet', 'vnet-b', '10.9.0.0/16')],
    },
    {
      name: 'on-premises reached through the hub gateway',
      arch: () => withOnPrem(['192.168.0.0/24']).arch,
      findings: [overlap('192.168.0.0/16', 'on-premises network', 'dc-frankfurt', '192.168.0.0/24')],
    },
  ],
});

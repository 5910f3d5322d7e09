import { nodePool, peering, subnet, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const base = { name: 'the baseline', arch: () => baseline().arch };

testRule('structure/cidr-malformed', {
  valid: [base],
  invalid: [
    {
      name: 'host bits and an invalid prefix length',
      arch: () => {
        const b = baseline();
        b.nodes.cidr = '10.1.0.1/22';
        b.hub.addressSpace = ['10.0.0.0/33'];
        return b.arch;
      },
      findings: [
        {
          messageId: 'malformed',
          path: 'network.vnets[0].addressSpace[0]',
          severity: 'error',
          message: 'address space of vnet-hub: "10.0.0.0/33" has an invalid prefix length',
        },
        {
          messageId: 'malformed',
          path: 'network.vnets[1].subnets[0].cidr',
          severity: 'error',
          message: 'subnet snet-nodes: "10.1.0.1/22" has host bits set; the network address for /22 is 10.1.0.0/22',
        },
      ],
    },
  ],
});

testRule('structure/subnet-outside-vnet', {
  valid: [
    base,
    {
      name: 'a subnet at the very end of the address space',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.255.0/24';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a subnet outside its VNet',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.9.4.0/24';
        return b.arch;
      },
      findings: [
        {
          messageId: 'outside',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.9.4.0/24) is outside the address space of vnet-spoke (10.1.0.0/16)',
        },
      ],
    },
    {
      name: 'a subnet wider than its VNet',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.0.0.0/15';
        return b.arch;
      },
      findings: [
        {
          messageId: 'outside',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.0.0.0/15) is outside the address space of vnet-spoke (10.1.0.0/16)',
        },
      ],
    },
  ],
});

testRule('structure/subnet-overlap', {
  valid: [
    base,
    {
      name: 'adjacent subnets',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.4.0/24';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a subnet inside another',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.2.0/24';
        return b.arch;
      },
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.1.2.0/24) overlaps subnet snet-nodes (10.1.0.0/22) in vnet-spoke',
        },
      ],
    },
    {
      name: 'the last /24 of the node subnet',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.cidr = '10.1.3.0/24';
        return b.arch;
      },
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[1].subnets[1].cidr',
          severity: 'error',
          message: 'subnet snet-appgw (10.1.3.0/24) overlaps subnet snet-nodes (10.1.0.0/22) in vnet-spoke',
        },
      ],
    },
  ],
});

testRule('structure/peered-vnet-overlap', {
  valid: [
    base,
    {
      name: 'a second VNet peered without overlap',
      arch: () => {
        const b = baseline();
        const other = vnet({ name: 'vnet-other', region: 'westeurope', addressSpace: ['10.2.0.0/16'], subnets: [] });
        b.arch.network.vnets.push(other);
        b.arch.network.peerings!.push(peering({ from: b.hub, to: other }));
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'peered VNets that overlap',
      arch: () => {
        const b = baseline();
        b.hub.addressSpace = ['10.1.0.0/22'];
        b.fwSubnet.cidr = '10.1.0.0/26';
        return b.arch;
      },
      findings: [
        {
          messageId: 'overlap',
          path: 'network.peerings[0]',
          severity: 'error',
          message: 'peered VNets vnet-hub (10.1.0.0/22) and vnet-spoke (10.1.0.0/16) overlap',
        },
      ],
    },
  ],
});

testRule('structure/unknown-reference', {
  valid: [base],
  invalid: [
    {
      name: 'a subnet that is in no VNet, and a string reference',
      arch: () => {
        const b = baseline();
        const stray = subnet({ name: 'snet-stray', cidr: '10.1.8.0/24' });
        b.aks.nodePools.push(nodePool({ name: 'extra', mode: 'user', vmSize: 'Standard_D4ds_v5', subnet: stray }));
        (b.aks.nodePools[0] as unknown as { podSubnet: unknown }).podSubnet = 'snet-pods';
        return b.arch;
      },
      findings: [
        {
          messageId: 'issue',
          path: 'clusters[0].nodePools[0].podSubnet',
          severity: 'error',
          message: 'expected a subnet object, got "snet-pods" (references are objects: pass the variable holding the subnet, not its name)',
        },
        {
          messageId: 'issue',
          path: 'clusters[0].nodePools[2].subnet',
          severity: 'error',
          message: 'subnet "snet-stray" is referenced but is not in the subnets of any VNet in network.vnets',
        },
      ],
    },
  ],
});

testRule('structure/duplicate-name', {
  valid: [base],
  invalid: [
    {
      name: 'two subnets named alike in one VNet',
      arch: () => {
        const b = baseline();
        b.spoke.subnets.push(subnet({ name: 'snet-nodes', cidr: '10.1.8.0/24' }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'issue',
          path: 'network.vnets[1].subnets[2].name',
          severity: 'error',
          message: 'two different subnet parts are both named "snet-nodes" in vnet-spoke (the first is at network.vnets[1].subnets[0])',
        },
      ],
    },
  ],
});

testRule('structure/schema', {
  valid: [base],
  invalid: [
    {
      name: 'wrong types and enum values in an untyped file',
      arch: () => {
        const b = baseline();
        const arch = b.arch as unknown as { clusters: Array<{ tier: string; nodePools: Array<{ maxPods: unknown }> }> };
        arch.clusters[0]!.tier = 'Gold';
        arch.clusters[0]!.nodePools[0]!.maxPods = 'lots';
        return b.arch;
      },
      findings: [
        { messageId: 'issue', path: 'clusters[0].nodePools[0].maxPods', severity: 'error', message: '"maxPods" must be a number, got "lots"' },
        { messageId: 'issue', path: 'clusters[0].tier', severity: 'error', message: '"tier" must be one of "Free", "Standard", "Premium", got "Gold"' },
      ],
    },
  ],
});

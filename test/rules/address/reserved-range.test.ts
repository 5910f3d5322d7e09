import { baseline } from '../../helpers/fixture.js';
import { testRule, type ExpectedFinding } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

function withRanges(serviceCidr: string, podCidr = '192.168.0.0/16') {
  return () => {
    const b = baseline();
    b.aks.network.serviceCidr = serviceCidr;
    (b.aks.network as { podCidr?: string }).podCidr = podCidr;
    return b.arch;
  };
}

const clusterRange = (label: 'service CIDR' | 'pod CIDR', cidr: string, reserved: string): ExpectedFinding => ({
  messageId: 'clusterRange',
  path: `clusters[0].network.${label === 'service CIDR' ? 'serviceCidr' : 'podCidr'}`,
  severity: 'error',
  message: `${label} ${cidr} of aks-test overlaps the AKS reserved range ${reserved}`,
  evidence: { cidr, reserved },
});

testRule('address/reserved-range', {
  valid: [
    { name: 'the baseline', arch: withRanges('172.16.0.0/16') },
    { name: 'just below 172.30.0.0/16 (172.29.0.0/16)', arch: withRanges('172.29.0.0/16') },
    { name: 'just above 172.31.0.0/16 (172.32.0.0/16)', arch: withRanges('172.32.0.0/16') },
    { name: 'beside 192.0.2.0/24 (192.0.1.0/24 and 192.0.3.0/24)', arch: withRanges('192.0.1.0/24', '192.0.3.0/24') },
    { name: 'beside link-local (169.253.0.0/16 and 169.255.0.0/16)', arch: withRanges('169.253.0.0/16', '169.255.0.0/16') },
  ],
  invalid: [
    {
      name: 'a service CIDR of 172.16.0.0/12 and a spoke inside 172.31.0.0/16',
      arch: () => {
        const b = baseline();
        b.aks.network.serviceCidr = '172.16.0.0/12';
        b.spoke.addressSpace = ['172.31.0.0/16'];
        b.nodes.cidr = '172.31.0.0/22';
        return b.arch;
      },
      findings: [
        {
          messageId: 'vnetRange',
          path: 'network.vnets[1].addressSpace[0]',
          severity: 'error',
          message: 'VNet vnet-spoke (172.31.0.0/16) hosts cluster aks-test and overlaps the AKS reserved range 172.31.0.0/16',
          evidence: { cidr: '172.31.0.0/16', reserved: '172.31.0.0/16', cluster: 'aks-test' },
        },
        clusterRange('service CIDR', '172.16.0.0/12', '172.30.0.0/16'),
        clusterRange('service CIDR', '172.16.0.0/12', '172.31.0.0/16'),
      ],
    },
    {
      name: 'a pod CIDR in link-local space',
      arch: withRanges('172.16.0.0/16', '169.254.0.0/16'),
      findings: [clusterRange('pod CIDR', '169.254.0.0/16', '169.254.0.0/16')],
    },
    {
      name: 'a service CIDR on 192.0.2.0/24 (TEST-NET-1)',
      arch: withRanges('192.0.2.0/24'),
      findings: [clusterRange('service CIDR', '192.0.2.0/24', '192.0.2.0/24')],
    },
    {
      name: 'the last /24 of 172.30.0.0/16',
      arch: withRanges('172.30.255.0/24'),
      findings: [clusterRange('service CIDR', '172.30.255.0/24', '172.30.0.0/16')],
    },
    {
      name: 'a VNet shared by two clusters is reported once',
      arch: () => {
        const b = baseline();
        b.spoke.addressSpace = ['10.1.0.0/16', '172.30.0.0/24'];
        mutable(b.arch.clusters).push({ ...b.aks, name: 'aks-two' });
        return b.arch;
      },
      findings: [
        {
          messageId: 'vnetRange',
          path: 'network.vnets[1].addressSpace[1]',
          severity: 'error',
          message: 'VNet vnet-spoke (172.30.0.0/24) hosts cluster aks-test and overlaps the AKS reserved range 172.30.0.0/16',
        },
      ],
    },
  ],
});

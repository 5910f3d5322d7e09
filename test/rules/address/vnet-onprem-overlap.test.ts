import { testRule, type ExpectedFinding } from '../../helpers/rule-tester.js';
import { withOnPrem } from './_fixtures.js';

const notConnected = (vnet: string, index: number, cidr: string): ExpectedFinding => ({
  messageId: 'notConnected',
  path: `network.vnets[${vnet === 'vnet-hub' ? 0 : 1}].addressSpace[${index}]`,
  severity: 'warning',
  message: `VNet ${vnet} (${cidr}) overlaps on-premises network dc-frankfurt (10.0.0.0/8); it is not connected yet, but connecting it will break routing`,
  evidence: { vnet, cidr, onPremises: 'dc-frankfurt', onPremisesCidr: '10.0.0.0/8', connected: false },
});

testRule('address/vnet-onprem-overlap', {
  valid: [
    { name: 'disjoint on-premises ranges', arch: () => withOnPrem(['192.168.100.0/22']).arch },
    { name: 'the range just after the spoke (10.2.0.0/16)', arch: () => withOnPrem(['10.2.0.0/16']).arch },
    { name: 'the range just after the hub spaces (10.0.5.0/24)', arch: () => withOnPrem(['10.0.5.0/24']).arch },
  ],
  invalid: [
    {
      name: 'a spoke that overlaps a connected data centre: an error',
      arch: () => withOnPrem(['10.1.64.0/18']).arch,
      findings: [
        {
          messageId: 'connected',
          path: 'network.vnets[1].addressSpace[0]',
          severity: 'error',
          message:
            'VNet vnet-spoke (10.1.0.0/16) overlaps on-premises network dc-frankfurt (10.1.64.0/18), which is connected through a gateway; routes to one of them will win over the other',
          evidence: { connected: true },
        },
      ],
    },
    {
      name: 'the last /24 of the spoke',
      arch: () => withOnPrem(['10.1.255.0/24']).arch,
      findings: [
        {
          messageId: 'connected',
          path: 'network.vnets[1].addressSpace[0]',
          severity: 'error',
          message: /^VNet vnet-spoke \(10\.1\.0\.0\/16\) overlaps on-premises network dc-frankfurt \(10\.1\.255\.0\/24\), which is connected/,
        },
      ],
    },
    {
      name: 'an overlap with a not-yet-connected site: warnings',
      arch: () => withOnPrem(['10.0.0.0/8'], false).arch,
      findings: [
        notConnected('vnet-hub', 0, '10.0.0.0/22'),
        notConnected('vnet-hub', 1, '10.0.4.0/24'),
        notConnected('vnet-spoke', 0, '10.1.0.0/16'),
      ],
    },
  ],
});

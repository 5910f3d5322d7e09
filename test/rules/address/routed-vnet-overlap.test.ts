import { peering, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** A second spoke peered to the hub (routed to the first spoke through it). */
function withSpoke2(addressSpace: string) {
  return () => {
    const b = baseline();
    const spoke2 = vnet({ name: 'vnet-spoke-2', region: 'westeurope', addressSpace: [addressSpace], subnets: [] });
    mutable(b.arch.network.vnets).push(spoke2);
    mutable(b.arch.network.peerings!).push(peering({ from: b.hub, to: spoke2 }));
    return b.arch;
  };
}

testRule('address/routed-vnet-overlap', {
  valid: [
    { name: 'disjoint spokes', arch: withSpoke2('10.2.0.0/16') },
    { name: 'a spoke just after the hub (10.0.4.0/22)', arch: withSpoke2('10.0.4.0/22') },
    {
      name: 'an unconnected VNet on the same range',
      arch: () => {
        const b = baseline();
        mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-lonely', region: 'northeurope', addressSpace: ['10.1.0.0/16'], subnets: [] }));
        return b.arch;
      },
    },
    {
      name: 'a directly peered overlap is structure/peered-vnet-overlap, not this rule',
      arch: () => {
        const b = baseline();
        b.spoke.addressSpace = ['10.0.0.0/16'];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'two spokes behind one hub that overlap',
      arch: withSpoke2('10.1.128.0/17'),
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[2].addressSpace[0]',
          severity: 'error',
          message:
            'VNet vnet-spoke-2 (10.1.128.0/17) overlaps vnet-spoke (10.1.0.0/16); both are reachable through the same hub or gateway, so 32768 addresses are ambiguous',
          evidence: { vnet: 'vnet-spoke-2', cidr: '10.1.128.0/17', other: 'vnet-spoke', otherCidr: '10.1.0.0/16' },
        },
      ],
    },
    {
      name: 'a larger spoke covering the first (ambiguity = the smaller range)',
      arch: withSpoke2('10.0.0.0/8'),
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[2].addressSpace[0]',
          severity: 'error',
          message:
            'VNet vnet-spoke-2 (10.0.0.0/8) overlaps vnet-spoke (10.1.0.0/16); both are reachable through the same hub or gateway, so 65536 addresses are ambiguous',
        },
      ],
    },
    {
      name: 'the last /24 of the spoke',
      arch: withSpoke2('10.1.255.0/24'),
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[2].addressSpace[0]',
          severity: 'error',
          message:
            'VNet vnet-spoke-2 (10.1.255.0/24) overlaps vnet-spoke (10.1.0.0/16); both are reachable through the same hub or gateway, so 256 addresses are ambiguous',
        },
      ],
    },
  ],
});

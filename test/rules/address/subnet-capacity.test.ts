import { jumpBox, paas, privateEndpoint, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline with a /29 private-endpoint subnet (3 usable addresses) holding `n` endpoints. */
function withEndpoints(n: number, jumpBoxes = 0) {
  return () => {
    const b = baseline();
    const pe = subnet({ name: 'snet-pe', cidr: '10.1.6.0/29', purpose: 'private-endpoints' });
    mutable(b.spoke.subnets).push(pe);
    const kv = paas({ name: 'kv', service: 'keyVault', publicNetworkAccess: false });
    b.arch.network.privateEndpoints = Array.from({ length: n }, (_, i) => privateEndpoint({ name: `pe-${i}`, subnet: pe, target: kv }));
    if (jumpBoxes > 0) b.arch.network.jumpBoxes = Array.from({ length: jumpBoxes }, () => jumpBox({ name: 'jb', subnet: pe }));
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[2].cidr';

testRule('address/subnet-capacity', {
  valid: [
    { name: '3 endpoints in 3 usable addresses (exactly full)', arch: withEndpoints(3) },
    { name: '2 endpoints and a jump box (exactly full)', arch: withEndpoints(2, 1) },
    {
      name: 'node, pod and Application Gateway subnets are left to their own rules',
      arch: () => {
        const b = baseline();
        b.nodes.cidr = '10.1.0.0/29';
        b.appGwSubnet.cidr = '10.1.4.0/29';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: '4 endpoints in 3 usable addresses',
      arch: withEndpoints(4),
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message: 'snet-pe 10.1.6.0/29 has 3 usable addresses; 4 private endpoints need 4',
          evidence: { usable: 3, needed: 4 },
        },
      ],
    },
    {
      name: 'jump boxes count too',
      arch: withEndpoints(3, 1),
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message: 'snet-pe 10.1.6.0/29 has 3 usable addresses; 3 private endpoints + jb: 1 need 4',
          evidence: { subnet: 'snet-pe', cidr: '10.1.6.0/29', usable: 3, needed: 4 },
        },
      ],
    },
  ],
});

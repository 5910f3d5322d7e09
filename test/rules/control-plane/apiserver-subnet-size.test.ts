import { testRule } from '../../helpers/rule-tester.js';
import { vnetIntegrated } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'network.vnets[1].subnets[2].cidr';

/** `clusters` clusters sharing one API server subnet of the given CIDR. */
function shared(cidr: string, clusters: number) {
  return () => {
    const b = vnetIntegrated();
    b.apiSubnet.cidr = cidr;
    for (let i = 2; i <= clusters; i++) mutable(b.arch.clusters).push({ ...b.aks, name: `aks-test-${i}` });
    return b.arch;
  };
}

testRule('control-plane/apiserver-subnet-size', {
  valid: [
    { name: 'one cluster on a /28 (11 usable ≥ 9)', arch: shared('10.1.8.0/28', 1) },
    { name: 'three clusters on a /27 (27 usable = 27 needed)', arch: shared('10.1.8.0/27', 3) },
    { name: 'four clusters on a /26 (59 usable ≥ 36)', arch: shared('10.1.8.0/26', 4) },
    { name: 'a malformed CIDR is left to structure/cidr-malformed', arch: shared('10.1.8.0/33', 2) },
  ],
  invalid: [
    {
      name: 'a /29',
      arch: shared('10.1.8.0/29', 1),
      findings: [
        {
          messageId: 'belowMinimum',
          path: PATH,
          severity: 'error',
          message:
            'API server subnet snet-apiserver 10.1.8.0/29 of aks-test is a /29 (8 addresses); API Server VNet ' +
            'Integration needs a /28 or larger',
          evidence: { subnet: 'snet-apiserver', cidr: '10.1.8.0/29', prefix: 29, required: 28 },
        },
      ],
    },
    {
      name: 'two clusters on a /28 (11 usable < 18)',
      arch: shared('10.1.8.0/28', 2),
      findings: [
        {
          messageId: 'tooFewAddresses',
          path: PATH,
          severity: 'error',
          message:
            'API server subnet snet-apiserver 10.1.8.0/28 is shared by 2 clusters (aks-test, aks-test-2), which reserve ' +
            'at least 18 addresses (9 each), but it has 11 usable; use a /27 or give clusters their own subnet',
          evidence: { subnet: 'snet-apiserver', cidr: '10.1.8.0/28', needed: 18, usable: 11, clusters: 2 },
        },
      ],
    },
    {
      name: 'three clusters on a /28: exactly 27 needed, so a /27 (27 usable) is enough advice',
      arch: shared('10.1.8.0/28', 3),
      findings: [{ messageId: 'tooFewAddresses', path: PATH, severity: 'error', message: /27 addresses .* 11 usable; use a \/27 / }],
    },
    {
      name: 'four clusters on a /27 (27 usable < 36)',
      arch: shared('10.1.8.0/27', 4),
      findings: [{ messageId: 'tooFewAddresses', path: PATH, severity: 'error', message: /at least 36 addresses .* 27 usable; use a \/26 / }],
    },
  ],
});

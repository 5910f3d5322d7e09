import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withServiceCidr(serviceCidr: string) {
  return () => {
    const b = baseline();
    b.aks.network.serviceCidr = serviceCidr;
    return b.arch;
  };
}

testRule('address/service-cidr-size', {
  valid: [
    { name: 'a /13 (the largest allowed)', arch: withServiceCidr('100.64.0.0/13') },
    { name: 'the baseline /16', arch: withServiceCidr('172.16.0.0/16') },
  ],
  invalid: [
    {
      name: 'a /12',
      arch: withServiceCidr('100.64.0.0/12'),
      findings: [
        {
          messageId: 'tooLarge',
          path: 'clusters[0].network.serviceCidr',
          severity: 'error',
          message: 'service CIDR 100.64.0.0/12 of aks-test is a /12 (1,048,576 addresses); AKS requires a prefix longer than /12',
          evidence: { serviceCidr: '100.64.0.0/12', prefix: 12 },
        },
      ],
    },
    {
      name: 'a /11',
      arch: withServiceCidr('100.64.0.0/11'),
      findings: [
        {
          messageId: 'tooLarge',
          path: 'clusters[0].network.serviceCidr',
          severity: 'error',
          message: 'service CIDR 100.64.0.0/11 of aks-test is a /11 (2,097,152 addresses); AKS requires a prefix longer than /12',
        },
      ],
    },
  ],
});

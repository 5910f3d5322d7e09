import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { publicCluster } from './_fixtures.js';

testRule('control-plane/private-cluster-basic-lb', {
  valid: [
    { name: 'the Standard baseline', arch: () => baseline().arch },
    {
      name: 'a public cluster on Basic is another rule',
      arch: () => {
        const b = publicCluster();
        b.aks.network.loadBalancerSku = 'basic';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a private cluster on the Basic load balancer',
      arch: () => {
        const b = baseline();
        b.aks.network.loadBalancerSku = 'basic';
        return b.arch;
      },
      findings: [
        {
          messageId: 'basicLb',
          path: 'clusters[0].network.loadBalancerSku',
          severity: 'error',
          message: 'private cluster aks-test uses the Basic load balancer; private clusters require the Standard load balancer',
          evidence: { loadBalancerSku: 'basic', mode: 'private' },
        },
      ],
    },
  ],
});

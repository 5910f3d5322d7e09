import { testRule } from '../../helpers/rule-tester.js';
import { publicCluster } from './_fixtures.js';

function withLb(sku: 'basic' | 'standard', ranges?: string[]) {
  return () => {
    const b = publicCluster(ranges);
    b.aks.network.loadBalancerSku = sku;
    return b.arch;
  };
}

testRule('control-plane/authorized-ranges-basic-lb', {
  valid: [
    { name: 'Standard with ranges', arch: withLb('standard', ['203.0.113.0/28']) },
    { name: 'Basic without ranges', arch: withLb('basic') },
    { name: 'Basic with an empty range list', arch: withLb('basic', []) },
  ],
  invalid: [
    {
      name: 'two authorized ranges on a Basic load balancer cluster',
      arch: withLb('basic', ['203.0.113.0/28', '198.51.100.0/24']),
      findings: [
        {
          messageId: 'basicLb',
          path: 'clusters[0].network.loadBalancerSku',
          severity: 'error',
          message: 'aks-test sets 2 authorized IP ranges on a Basic load balancer cluster; authorized ranges require the Standard load balancer',
          evidence: { ranges: 2, loadBalancerSku: 'basic' },
        },
      ],
    },
    {
      name: 'one range',
      arch: withLb('basic', ['203.0.113.0/28']),
      findings: [
        {
          messageId: 'basicLb',
          path: 'clusters[0].network.loadBalancerSku',
          severity: 'error',
          message: 'aks-test sets 1 authorized IP ranges on a Basic load balancer cluster; authorized ranges require the Standard load balancer',
        },
      ],
    },
  ],
});

import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const DATE = '2025-09-30';

function basicCluster() {
  const b = baseline();
  b.aks.network = { ...b.aks.network, loadBalancerSku: 'basic' };
  return b;
}

testRule('lifecycle/basic-load-balancer', {
  valid: [{ name: 'the retiring feature is not used', arch: () => baseline().arch, asOf: '2029-01-01' }],
  invalid: [
    ...aroundDate(DATE, 'in use', () => basicCluster().arch, (asOf, severity) => [
      {
        messageId: 'clusterSku',
        path: 'clusters[0].network.loadBalancerSku',
        severity,
        message: inOrder(
          'cluster aks-test uses the Basic load balancer SKU: Basic load balancer ',
          severity === 'error' ? 'retired' : 'retires',
          ' 2025-09-30 (',
          asOf,
        ),
      },
    ]),
    {
      name: "a Basic cluster's own Basic load balancer for a Service: one finding, on the cluster",
      arch: () => {
        const b = basicCluster();
        b.ilb.sku = 'Basic';
        return b.arch;
      },
      asOf: '2026-11-23',
      findings: [{ messageId: 'clusterSku', path: 'clusters[0].network.loadBalancerSku', severity: 'error' }],
    },
    {
      name: 'a Basic load balancer declared on its own',
      arch: () => {
        const b = baseline();
        b.ilb.sku = 'Basic';
        return b.arch;
      },
      findings: [
        {
          messageId: 'loadBalancerSku',
          path: 'ingress[0].hops[1].via.sku',
          severity: 'error',
          message: 'load balancer ilb-ingress uses the Basic SKU: Basic load balancer retired 2025-09-30 (13 months ago as of 2026-11-23); use Standard',
        },
      ],
    },
  ],
});

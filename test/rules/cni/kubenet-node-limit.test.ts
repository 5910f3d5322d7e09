import { testRule } from '../../helpers/rule-tester.js';
import { kubenet } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'clusters[0].nodePools';

/**
 * kubenet; the user pool scales to `appsMax` with 1 surge node (the system pool is 5 + 1 surge), and the
 * cluster route table holds `extraRoutes` declared routes besides the default route.
 */
function kubenetCluster(appsMax: number, extraRoutes = 0) {
  return () => {
    const b = kubenet();
    b.aks.nodePools[1]!.maxCount = appsMax;
    b.aks.nodePools[1]!.maxSurge = 1;
    for (let i = 0; i < extraRoutes; i++) mutable(b.rt.routes).push({ name: `onprem-${i}`, prefix: `10.${100 + i}.0.0/16`, nextHop: b.firewall });
    return b.arch;
  };
}

testRule('cni/kubenet-node-limit', {
  valid: [
    { name: 'a small kubenet cluster', arch: () => kubenet().arch },
    {
      name: 'overlay clusters are not judged, however large',
      arch: () => {
        const b = kubenet();
        b.aks.network = { cni: 'azure-overlay', podCidr: '192.168.0.0/16' };
        b.aks.nodePools[1]!.maxCount = 1000;
        return b.arch;
      },
    },
    { name: '397 nodes + 2 surge = 399 with 1 declared route (limit 399)', arch: kubenetCluster(392) },
    { name: '387 nodes + 2 surge = 389 with 11 declared routes (limit 389)', arch: kubenetCluster(382, 10) },
  ],
  invalid: [
    {
      name: '398 nodes + 2 surge = 400 with 1 declared route (limit 399)',
      arch: kubenetCluster(393),
      findings: [
        {
          messageId: 'routeLimit',
          path: PATH,
          severity: 'error',
          message:
            'kubenet cluster aks-test reaches 398 nodes + 2 surge = 400 at max scale; its route table rt-egress holds ' +
            '400 routes, 1 of them declared, leaving 399 for nodes (one route per node)',
          evidence: { nodes: 398, surge: 2, limit: 399, declaredRoutes: 1, routeTableLimit: 400 },
        },
      ],
    },
    {
      name: 'declared routes lower the limit: 390 peak nodes with 11 declared routes',
      arch: kubenetCluster(383, 10),
      findings: [{ messageId: 'routeLimit', path: PATH, severity: 'error', message: /= 390 at max scale; .* 11 of them declared, leaving 389/ }],
    },
    {
      name: 'without a declared route table the whole 400 is for nodes: 401 peak nodes',
      arch: () => {
        const b = kubenet({ routeTable: undefined });
        b.aks.nodePools[1]!.maxCount = 394;
        b.aks.nodePools[1]!.maxSurge = 1;
        return b.arch;
      },
      findings: [
        {
          messageId: 'routeLimit',
          path: PATH,
          severity: 'error',
          message: /= 401 at max scale; its route table \(AKS-managed\) holds 400 routes, 0 of them declared, leaving 400/,
        },
      ],
    },
  ],
});

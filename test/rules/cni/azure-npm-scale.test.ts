import { nodePool } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'clusters[0].network.networkPolicy';

/** Azure NPM; the user pool scales to `appsMax` nodes of `appsPods` pods; an extra 1-node pool adds `extraPods`. */
function npm(appsMax: number, appsPods: number, extraPods?: number) {
  return () => {
    const b = baseline();
    b.aks.network.dataplane = 'azure';
    b.aks.network.networkPolicy = 'azure';
    b.aks.nodePools[0]!.maxPods = 100; // system: 5 × 100 = 500
    b.aks.nodePools[1]!.maxCount = appsMax;
    b.aks.nodePools[1]!.maxPods = appsPods;
    if (extraPods !== undefined) {
      mutable(b.aks.nodePools).push(
        nodePool({ name: 'extra', mode: 'user', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 1, maxPods: extraPods, subnet: b.nodes }),
      );
    }
    return b.arch;
  };
}

testRule('cni/azure-npm-scale', {
  valid: [
    {
      name: 'Cilium policy is not judged, even far beyond the NPM limits',
      arch: () => {
        const b = baseline();
        b.aks.nodePools[1]!.maxCount = 1000;
        return b.arch;
      },
    },
    {
      name: 'Calico is not judged either',
      arch: () => {
        const b = baseline();
        b.aks.network.dataplane = 'azure';
        b.aks.network.networkPolicy = 'calico';
        b.aks.nodePools[1]!.maxCount = 1000;
        return b.arch;
      },
    },
    { name: '250 nodes (5 + 245), 12,750 pods', arch: npm(245, 50) },
    { name: '20,000 pods exactly (500 + 139 × 140 + 40)', arch: npm(139, 140, 40) },
  ],
  invalid: [
    {
      name: '251 nodes is an error',
      arch: npm(246, 50),
      findings: [
        {
          messageId: 'nodeLimit',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test uses Azure NPM and can scale to 251 nodes; NPM is supported up to 250 nodes',
          evidence: { nodes: 251, maxNodes: 250 },
        },
      ],
    },
    {
      name: '20,001 pods of capacity is a warning worded as capacity',
      arch: npm(139, 140, 41),
      findings: [
        {
          messageId: 'podCapacity',
          path: PATH,
          severity: 'warning',
          message:
            'cluster aks-test uses Azure NPM with a pod capacity of 20,001 (system 5 × 100 + apps 139 × 140 + extra 1 × 41), ' +
            'above the 20,000 pods NPM supports; it stays supported only while fewer pods run',
          evidence: { pods: 20_001, maxPods: 20_000 },
        },
      ],
    },
    {
      name: 'overlay default of 250 pods: 106 nodes already exceed 20,000 pods, but only as a warning',
      arch: () => {
        const b = baseline();
        b.aks.network.dataplane = 'azure';
        b.aks.network.networkPolicy = 'azure';
        b.aks.nodePools[1]!.maxCount = 101;
        return b.arch;
      },
      findings: [{ messageId: 'podCapacity', path: PATH, severity: 'warning', message: /pod capacity of 26,500 / }],
    },
    {
      name: 'both limits',
      arch: npm(300, 110),
      findings: [
        { messageId: 'nodeLimit', path: PATH, severity: 'error' },
        { messageId: 'podCapacity', path: PATH, severity: 'warning', message: /33,500/ },
      ],
    },
  ],
});

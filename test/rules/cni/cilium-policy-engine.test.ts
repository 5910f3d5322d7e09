import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withNetwork(dataplane: 'azure' | 'cilium', networkPolicy: 'azure' | 'calico' | 'cilium' | 'none') {
  return () => {
    const b = baseline();
    b.aks.network.dataplane = dataplane;
    b.aks.network.networkPolicy = networkPolicy;
    return b.arch;
  };
}

const PATH = 'clusters[0].network.networkPolicy';

testRule('cni/cilium-policy-engine', {
  valid: [
    { name: 'Cilium policy on the Cilium dataplane', arch: withNetwork('cilium', 'cilium') },
    { name: 'Azure NPM on the Azure dataplane', arch: withNetwork('azure', 'azure') },
    { name: 'Calico on the Azure dataplane', arch: withNetwork('azure', 'calico') },
    { name: 'no engine on the Cilium dataplane', arch: withNetwork('cilium', 'none') },
  ],
  invalid: [
    {
      name: 'Cilium policy on the Azure dataplane',
      arch: withNetwork('azure', 'cilium'),
      findings: [
        {
          messageId: 'ciliumPolicyWithoutDataplane',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test sets networkPolicy cilium with the azure dataplane; Cilium policy requires dataplane cilium',
          evidence: { dataplane: 'azure', networkPolicy: 'cilium' },
        },
      ],
    },
    {
      name: 'Calico on the Cilium dataplane',
      arch: withNetwork('cilium', 'calico'),
      findings: [
        {
          messageId: 'otherEngineOnCilium',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test runs the Cilium dataplane with networkPolicy calico; Cilium enforces policy itself and cannot run Calico',
          evidence: { dataplane: 'cilium', networkPolicy: 'calico' },
        },
      ],
    },
    {
      name: 'Azure NPM on the Cilium dataplane',
      arch: withNetwork('cilium', 'azure'),
      findings: [
        {
          messageId: 'otherEngineOnCilium',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test runs the Cilium dataplane with networkPolicy azure; Cilium enforces policy itself and cannot run Azure NPM',
        },
      ],
    },
  ],
});

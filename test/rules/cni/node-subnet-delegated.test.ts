import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule('cni/node-subnet-delegated', {
  valid: [{ name: 'the baseline', arch: () => baseline().arch }],
  invalid: [
    {
      name: 'a delegated node subnet shared by two pools is reported once',
      arch: () => {
        const b = baseline();
        b.nodes.delegation = 'Microsoft.ContainerService/managedClusters';
        return b.arch;
      },
      findings: [
        {
          messageId: 'delegated',
          path: 'network.vnets[1].subnets[0].delegation',
          severity: 'error',
          message:
            'node subnet snet-nodes (10.1.0.0/22) of pool system in aks-test is delegated to Microsoft.ContainerService/managedClusters; node pool subnets must not be delegated',
          evidence: { subnet: 'snet-nodes', delegation: 'Microsoft.ContainerService/managedClusters', pool: 'system' },
        },
      ],
    },
  ],
});

import type { ClusterNetwork } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withNetwork(network: ClusterNetwork) {
  return () => {
    const b = baseline();
    b.aks.network = network;
    return b.arch;
  };
}

testRule('cni/legacy-node-subnet-cni', {
  valid: [
    { name: 'overlay (the baseline)', arch: () => baseline().arch },
    { name: 'pod subnet mode', arch: withNetwork({ cni: 'azure-podsubnet-dynamic' }) },
    { name: 'kubenet is left to lifecycle/kubenet', arch: withNetwork({ cni: 'kubenet' }) },
  ],
  invalid: [
    {
      name: 'node subnet mode',
      arch: withNetwork({ cni: 'azure-nodesubnet' }),
      findings: [
        {
          messageId: 'nodeSubnet',
          path: 'clusters[0].network.cni',
          severity: 'info',
          message:
            'cluster aks-test uses Azure CNI node subnet mode (a VNet address per pod, sized by maxPods); Azure CNI ' +
            'Overlay is the recommended default unless pods must be reachable by VNet IP',
        },
      ],
    },
  ],
});

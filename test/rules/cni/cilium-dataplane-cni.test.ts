import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { kubenet } from './_fixtures.js';

testRule('cni/cilium-dataplane-cni', {
  valid: [
    { name: 'Cilium on overlay', arch: () => baseline().arch },
    { name: 'kubenet with the Azure dataplane', arch: () => kubenet().arch },
  ],
  invalid: [
    {
      name: 'the Cilium dataplane on kubenet',
      arch: () => kubenet({ dataplane: 'cilium', networkPolicy: 'cilium' }).arch,
      findings: [
        {
          messageId: 'notAzureCni',
          path: 'clusters[0].network.dataplane',
          severity: 'error',
          message: 'cluster aks-test combines the Cilium dataplane with kubenet; Azure CNI powered by Cilium needs an Azure CNI mode',
          evidence: { cni: 'kubenet', dataplane: 'cilium' },
        },
      ],
    },
    {
      name: 'the Cilium dataplane on a bring-your-own CNI',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'byo', dataplane: 'cilium', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
      findings: [
        {
          messageId: 'notAzureCni',
          path: 'clusters[0].network.dataplane',
          severity: 'error',
          message: 'cluster aks-test combines the Cilium dataplane with byo; Azure CNI powered by Cilium needs an Azure CNI mode',
        },
      ],
    },
  ],
});

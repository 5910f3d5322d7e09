import { testRule } from '../../helpers/rule-tester.js';
import { kubenet } from './_fixtures.js';

testRule('cni/kubenet-azure-npm', {
  valid: [
    { name: 'kubenet with Calico', arch: () => kubenet().arch },
    {
      name: 'Azure NPM on Azure CNI',
      arch: () => {
        const b = kubenet();
        b.aks.network = { cni: 'azure-nodesubnet', networkPolicy: 'azure', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'kubenet with Azure NPM',
      arch: () => kubenet({ networkPolicy: 'azure' }).arch,
      findings: [
        {
          messageId: 'azureNpm',
          path: 'clusters[0].network.networkPolicy',
          severity: 'error',
          message: 'cluster aks-test uses kubenet with networkPolicy azure; Azure NPM requires Azure CNI (use calico on kubenet)',
          evidence: { cni: 'kubenet', networkPolicy: 'azure' },
        },
      ],
    },
  ],
});

import { testRule } from '../../helpers/rule-tester.js';
import { withWindows } from './_fixtures.js';

const above = (maxPods: number) => ({
  messageId: 'aboveRecommended',
  path: 'clusters[0].nodePools[2].maxPods',
  severity: 'warning' as const,
  message: `Windows node pool win of overlay cluster aks-test allows ${maxPods} pods per node; at most 110 is recommended`,
  evidence: { pool: 'win', maxPods, recommended: 110 },
});

testRule('cni/windows-overlay-max-pods', {
  valid: [
    { name: 'maxPods 110 (the recommendation)', arch: () => withWindows(110).arch },
    { name: 'maxPods 30', arch: () => withWindows(30).arch },
    {
      name: 'a Windows pool with 250 pods on flat Azure CNI',
      arch: () => {
        const b = withWindows(250);
        b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
    },
  ],
  invalid: [
    { name: 'the default 250 pods', arch: () => withWindows().arch, findings: [above(250)] },
    { name: 'maxPods 111 (one above)', arch: () => withWindows(111).arch, findings: [above(111)] },
  ],
});

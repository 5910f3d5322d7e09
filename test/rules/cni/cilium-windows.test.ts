import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withWindows } from './_fixtures.js';

const windowsPool = {
  messageId: 'windowsPool',
  path: 'clusters[0].nodePools[2].os',
  severity: 'error' as const,
  message: 'Windows node pool win cannot run in Cilium cluster aks-test; Cilium supports Linux nodes only',
  evidence: { pool: 'win', cluster: 'aks-test' },
};

testRule('cni/cilium-windows', {
  valid: [
    {
      name: 'Windows with the Azure dataplane and Calico',
      arch: () => {
        const b = withWindows();
        b.aks.network.dataplane = 'azure';
        b.aks.network.networkPolicy = 'calico';
        return b.arch;
      },
    },
    { name: 'the Linux-only Cilium baseline', arch: () => baseline().arch },
  ],
  invalid: [
    { name: 'a Windows pool in a Cilium cluster', arch: () => withWindows().arch, findings: [windowsPool] },
    {
      name: 'Cilium policy alone (Azure dataplane) is Cilium too',
      arch: () => {
        const b = withWindows();
        b.aks.network.dataplane = 'azure';
        return b.arch;
      },
      findings: [windowsPool],
    },
    {
      name: 'the Cilium dataplane alone (no engine) is Cilium too',
      arch: () => {
        const b = withWindows();
        b.aks.network.networkPolicy = 'none';
        return b.arch;
      },
      findings: [windowsPool],
    },
  ],
});

import type { Cluster } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

type Cni = Cluster['network']['cni'];

/** The apps pool with `maxPods`, in a cluster of the given network plugin (its pod CIDR or pod subnet included). */
function withMaxPods(maxPods: number, cni: Cni = 'azure-overlay') {
  return () => {
    const b = baseline();
    b.aks.nodePools[1]!.maxPods = maxPods;
    b.aks.network =
      cni === 'azure-nodesubnet'
        ? { cni, serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }
        : { ...b.aks.network, cni };
    return b.arch;
  };
}

const finding = (messageId: 'belowMinimum' | 'aboveMaximum', maxPods: number) => ({
  messageId,
  path: 'clusters[0].nodePools[1].maxPods',
  severity: 'error' as const,
  message:
    messageId === 'belowMinimum'
      ? `node pool apps of aks-test sets maxPods ${maxPods}; AKS accepts 10 to 250`
      : `node pool apps of aks-test sets maxPods ${maxPods}; AKS accepts 10 to 250 with every network plugin`,
  evidence: { pool: 'apps', maxPods },
});

testRule('cni/max-pods-range', {
  valid: [
    { name: '10 (the minimum)', arch: withMaxPods(10) },
    { name: '11 (one above the minimum)', arch: withMaxPods(11) },
    { name: '249 (one below the maximum)', arch: withMaxPods(249) },
    { name: '250 (the maximum) on overlay', arch: withMaxPods(250) },
    { name: '250 with kubenet', arch: withMaxPods(250, 'kubenet') },
    { name: '250 with Azure CNI node subnet', arch: withMaxPods(250, 'azure-nodesubnet') },
    { name: '10 with kubenet', arch: withMaxPods(10, 'kubenet') },
    { name: 'the defaults', arch: () => baseline().arch },
  ],
  invalid: [
    { name: '9 (one below the minimum)', arch: withMaxPods(9), findings: [finding('belowMinimum', 9)] },
    { name: '1', arch: withMaxPods(1), findings: [finding('belowMinimum', 1)] },
    { name: '9 with kubenet', arch: withMaxPods(9, 'kubenet'), findings: [finding('belowMinimum', 9)] },
    { name: '251 (one above the maximum)', arch: withMaxPods(251), findings: [finding('aboveMaximum', 251)] },
    { name: '251 with kubenet', arch: withMaxPods(251, 'kubenet'), findings: [finding('aboveMaximum', 251)] },
    {
      name: '251 with Azure CNI node subnet',
      arch: withMaxPods(251, 'azure-nodesubnet'),
      findings: [finding('aboveMaximum', 251)],
    },
    { name: '300', arch: withMaxPods(300), findings: [finding('aboveMaximum', 300)] },
  ],
});

import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

export default defineDatedRule({
  retirement: RETIREMENTS.aadPodIdentity,
  meta: {
    id: 'lifecycle/aad-pod-identity',
    title: 'Microsoft Entra pod-managed identity is deprecated (add-on supported until 2025-09-30)',
    pillars: ['security'],
    waf: ['SE:05', 'SE:08'],
    rationale:
      'Pod-managed identity (AAD pod identity) was deprecated on 24 October 2022 in favour of Microsoft Entra ' +
      'Workload ID and its project archived in September 2023; the AKS add-on was patched only through September ' +
      '2025. It intercepts IMDS traffic on every node, and on kubenet a pod can spoof ARP to take another pod\'s ' +
      'identity.',
    fix:
      'Move workloads to Microsoft Entra Workload ID (OIDC issuer and federated credentials on a service account), ' +
      'then disable the pod identity add-on.',
    example: "cluster({ name: 'aks-prod', region: 'westeurope', addons: { aadPodIdentity: false }, /* … */ });",
    references: [
      RETIREMENTS.aadPodIdentity.source,
      { title: 'Microsoft Entra Workload ID with AKS', url: 'https://learn.microsoft.com/azure/aks/workload-identity-overview' },
    ],
    messages: {
      addOn:
        'cluster {{cluster}} enables pod-managed identity (AAD pod identity), deprecated since 2022-10-24, whose AKS ' +
        'add-on support {{ends}} {{date}} ({{when}}); use Microsoft Entra Workload ID',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (!c.addons.aadPodIdentity) continue;
      ctx.report({
        messageId: 'addOn',
        data: { cluster: c.name },
        element: c.id,
        reads: ['addons.aadPodIdentity'],
        property: 'addons.aadPodIdentity',
        evidence: { cluster: c.name },
      });
    }
  },
});

import { defineRule } from '../../validate/rule.js';

/**
 * Azure CNI with pods in the node subnet ("node subnet", the original flat mode) gives every pod a VNet
 * address up front. Microsoft now recommends Overlay for most clusters; this is an info note, not a
 * defect, since flat addressing is still supported and sometimes needed (pods reachable by VNet IP).
 * Kubenet has its own dated retirement rule (lifecycle/kubenet), so it is not repeated here.
 */
export default defineRule({
  meta: {
    id: 'cni/legacy-node-subnet-cni',
    title: 'Azure CNI node subnet mode: consider Azure CNI Overlay',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['reliability', 'cost-optimization'],
    waf: ['RE:03', 'CO:07'],
    rationale:
      'In node subnet mode every pod takes a VNet address, reserved per node up to maxPods, so the node subnet must ' +
      'be sized for nodes × (maxPods + 1) and scale is capped by address space. Azure CNI Overlay gives pods ' +
      'addresses from a private CIDR outside the VNet and is the recommended default; choose a flat mode only when ' +
      'pods must be reachable directly by VNet IP.',
    fix: "Use network: { cni: 'azure-overlay', podCidr: … }, or the pod subnet mode if pods need VNet-routable addresses.",
    example: "network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }",
    references: [
      { title: 'Azure CNI networking overview (choosing a network model)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview' },
      { title: 'Azure CNI Overlay', url: 'https://learn.microsoft.com/azure/aks/azure-cni-overlay' },
    ],
    messages: {
      nodeSubnet:
        'cluster {{cluster}} uses Azure CNI node subnet mode (a VNet address per pod, sized by maxPods); Azure CNI ' +
        'Overlay is the recommended default unless pods must be reachable by VNet IP',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'azure-nodesubnet') continue;
      ctx.report({
        element: c.id,
        reads: ['network.cni'],
        property: 'network.cni',
        messageId: 'nodeSubnet',
        data: { cluster: c.name },
        evidence: { cluster: c.name, cni: c.network.cni },
      });
    }
  },
});

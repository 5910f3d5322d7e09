import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/default-deny-missing',
    title: 'A policy engine is backed by default-deny policies',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:04', 'SE:06'],
    rationale:
      'A network policy engine enforces nothing until policies select pods: without a default-deny policy per namespace, traffic stays allow-all and only explicitly targeted workloads are protected.',
    fix: 'Apply a default-deny ingress (and ideally egress) policy in every workload namespace, then allow the flows each service needs; record it with defaultDeny: true.',
    example: `network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', defaultDeny: true }`,
    references: [
      { title: 'Secure traffic between pods with network policies', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
      { title: 'Best practices for network connectivity and security in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
    ],
    messages: {
      noDefaultDeny:
        'cluster {{cluster}} runs {{networkPolicy}} network policy but declares no default-deny policy; pod ' +
        'traffic stays allow-all',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.networkPolicy === 'none' || c.network.defaultDeny) continue;
      if (c.network.defaultDeny === undefined) {
        const check = `cluster ${c.name} applies a default-deny policy to its workload namespaces`;
        ctx.unverified({ element: c.id, property: 'network.defaultDeny', check, reads: ['network.networkPolicy', 'network.defaultDeny'] });
        continue;
      }
      ctx.report({
        messageId: 'noDefaultDeny',
        data: { cluster: c.name, networkPolicy: c.network.networkPolicy },
        element: c.id,
        reads: ['network.networkPolicy', 'network.defaultDeny'],
        property: 'network.defaultDeny',
        evidence: { networkPolicy: c.network.networkPolicy, defaultDeny: false },
      });
    }
  },
});

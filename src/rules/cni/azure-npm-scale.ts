import { defineRule } from '../../validate/rule.js';
import { nonNeg } from '../address/_net.js';

const MAX_NODES = 250;
const MAX_PODS = 20_000;

export default defineRule({
  meta: {
    id: 'cni/azure-npm-scale',
    title: 'Azure Network Policy Manager clusters stay within 250 nodes and 20,000 pods',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['performance-efficiency', 'security'],
    waf: ['PE:02', 'SE:06'],
    rationale:
      'Azure NPM programs iptables/ipsets on every node and is only supported up to 250 nodes and 20,000 pods; beyond that policy updates lag or fail, so isolation is no longer guaranteed.',
    fix: 'Switch to Azure CNI powered by Cilium with Cilium network policy, or cap maxCount and maxPods below the limits.',
    example: `network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16' }`,
    references: [{ title: 'Secure traffic between pods with network policies: Azure NPM limits', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' }],
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.networkPolicy !== 'azure') continue;
      const pools = ctx.q.pools(c.id);
      const nodes = pools.reduce((a, p) => a + nonNeg(p.maxNodes), 0);
      const pods = pools.reduce((a, p) => a + nonNeg(p.maxNodes) * nonNeg(p.maxPods), 0);
      if (nodes <= MAX_NODES && pods <= MAX_PODS) continue;
      const parts: string[] = [];
      if (nodes > MAX_NODES) parts.push(`${nodes} nodes (limit ${MAX_NODES})`);
      if (pods > MAX_PODS) parts.push(`${pods.toLocaleString('en-US')} pods (limit ${MAX_PODS.toLocaleString('en-US')})`);
      ctx.report({
        message: `cluster ${c.name} uses Azure NPM and can reach ${parts.join(' and ')} at max scale`,
        element: c.id,
        property: 'network.networkPolicy',
        evidence: { nodes, pods, maxNodes: MAX_NODES, maxPods: MAX_PODS },
      });
    }
  },
});

import { defineRule } from '../../validate/rule.js';
import { nonNeg } from '../address/_net.js';

const MAX_NODES = 250;
const MAX_PODS = 20_000;

export default defineRule({
  meta: {
    id: 'cni/azure-npm-scale',
    title: 'Azure Network Policy Manager clusters stay within 250 nodes (and 20,000 pods)',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['performance-efficiency', 'security'],
    waf: ['PE:02', 'SE:06'],
    rationale:
      'Azure NPM programs iptables/ipsets on every node and is supported only up to 250 nodes and 20,000 pods; ' +
      'beyond that it can run out of memory and policy updates lag or fail, so isolation is no longer guaranteed. ' +
      'The node count is a hard limit on the design. The pod limit is about pods actually running: a design whose ' +
      'pod capacity (maximum nodes × max pods per node) exceeds 20,000 is supported only while fewer pods run, ' +
      'which is a warning, not an error.',
    fix:
      'Switch to Azure CNI powered by Cilium with Cilium network policy (no such limits), or cap maxCount so the ' +
      'cluster stays at 250 nodes or fewer and plan pod density below 20,000 pods.',
    example: `network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16' }`,
    references: [{ title: 'Secure traffic between pods with network policies: Azure NPM limits', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' }],
    messages: {
      nodeLimit:
        'cluster {{cluster}} uses Azure NPM and can scale to {{nodes}} nodes; NPM is supported up to {{maxNodes}} ' +
        'nodes',
      podCapacity:
        'cluster {{cluster}} uses Azure NPM with a pod capacity of {{pods}} ({{arithmetic}}), above the {{maxPods}} ' +
        'pods NPM supports; it stays supported only while fewer pods run',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.networkPolicy !== 'azure') continue;
      const pools = ctx.q.pools(c.id);
      const nodes = pools.reduce((a, p) => a + nonNeg(p.maxNodes), 0);
      const pods = pools.reduce((a, p) => a + nonNeg(p.maxNodes) * nonNeg(p.maxPods), 0);
      // The engine, and every pool's node and pod counts (any of a pool's fields may change them).
      const at = { element: c.id, property: 'network.networkPolicy', reads: ['network.networkPolicy'], dependsOn: pools.map((p) => p.id) };
      if (nodes > MAX_NODES) {
        ctx.report({
          ...at,
          messageId: 'nodeLimit',
          data: { cluster: c.name, nodes, maxNodes: MAX_NODES },
          evidence: { nodes, maxNodes: MAX_NODES },
        });
      }
      if (pods > MAX_PODS) {
        const arithmetic = pools.map((p) => `${p.name} ${nonNeg(p.maxNodes)} × ${nonNeg(p.maxPods)}`).join(' + ');
        ctx.report({
          ...at,
          severity: 'warning',
          messageId: 'podCapacity',
          data: { cluster: c.name, pods: pods.toLocaleString('en-US'), arithmetic, maxPods: MAX_PODS.toLocaleString('en-US') },
          evidence: { pods, maxPods: MAX_PODS },
        });
      }
    }
  },
});

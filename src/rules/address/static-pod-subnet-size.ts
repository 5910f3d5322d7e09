import { cidr } from '../../model/cidr.js';
import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/static-pod-subnet-size',
    title: 'Static-block pod subnets are no larger than /12',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:06', 'PE:02'],
    rationale: 'Static block allocation supports pod subnets up to a /12; a wider pod subnet is rejected when the node pool is created.',
    fix: 'Use a pod subnet of /12 or smaller (a /16 already holds 4,096 /28 blocks), or split pools across several pod subnets.',
    example: `subnet({ name: 'snet-aks-pods', cidr: '10.64.0.0/16', purpose: 'aks-pods' })`,
    references: [{ title: 'Azure CNI pod subnet: static block allocation limitations', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet' }],
    messages: {
      tooLarge:
        'static-block pod subnet {{subnet}} {{cidr}} of {{cluster}} is a /{{prefix}}; static block allocation ' +
        'supports at most a /12',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const seen = new Set<Id>();
    for (const c of q.all('cluster')) {
      if (c.network.cni !== 'azure-podsubnet-static') continue;
      for (const p of q.pools(c.id)) {
        const s = q.getAs(p.podSubnet, 'subnet');
        const r = s ? cidr(s.cidr) : undefined;
        if (!s || !r || r.prefix >= 12 || seen.has(s.id)) continue;
        seen.add(s.id);
        ctx.report({
          messageId: 'tooLarge',
          data: { subnet: s.name, cidr: s.cidr, cluster: c.name, prefix: r.prefix },
          element: s.id,
          reads: ['cidr'],
          dependsOn: [
            { element: c.id, reads: ['network.cni', 'nodePools'] },
            { element: p.id, reads: ['podSubnet'] },
          ],
          property: 'cidr',
          evidence: { subnet: s.name, cidr: s.cidr, prefix: r.prefix },
        });
      }
    }
  },
});

import type { Id } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/pod-subnet-mode-mixing',
    title: 'A pod subnet is used by one allocation mode only',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'A pod subnet cannot serve static-block and dynamic allocation at the same time: the two modes carve the subnet differently, and AKS rejects a pool that would mix them.',
    fix: 'Give static-block and dynamic pools separate pod subnets.',
    example: `const podsStatic = subnet({ name: 'snet-pods-static', cidr: '10.241.0.0/20', purpose: 'aks-pods' });
const podsDynamic = subnet({ name: 'snet-pods-dynamic', cidr: '10.241.16.0/20', purpose: 'aks-pods' });`,
    references: [{ title: 'Azure CNI pod subnet: static block allocation limitations', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet' }],
    messages: {
      mixedModes:
        'pod subnet {{subnet}} ({{cidr}}) is used by static-block pool {{staticPool}} and dynamic pool ' +
        '{{dynamicPool}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const modes = new Map<Id, Map<string, string>>();
    // Per pod subnet, what the verdict rests on: each pool's pod subnet and its cluster's CNI.
    const deps = new Map<Id, Dependency[]>();
    for (const c of q.all('cluster')) {
      const cni = c.network.cni;
      if (cni !== 'azure-podsubnet-dynamic' && cni !== 'azure-podsubnet-static') continue;
      for (const p of q.pools(c.id)) {
        if (!p.podSubnet || !q.getAs(p.podSubnet, 'subnet')) continue;
        const m = modes.get(p.podSubnet) ?? new Map<string, string>();
        if (!m.has(cni)) m.set(cni, `${c.name}/${p.name}`);
        modes.set(p.podSubnet, m);
        deps.set(p.podSubnet, [...(deps.get(p.podSubnet) ?? []), { element: p.id, reads: ['podSubnet'] }, { element: c.id, reads: ['network.cni'] }]);
      }
    }
    for (const [sid, m] of [...modes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (m.size < 2) continue;
      const s = q.getAs(sid, 'subnet')!;
      ctx.report({
        messageId: 'mixedModes',
        data: {
          subnet: s.name,
          cidr: s.cidr,
          staticPool: m.get('azure-podsubnet-static')!,
          dynamicPool: m.get('azure-podsubnet-dynamic')!,
        },
        element: s.id,
        property: 'cidr',
        reads: ['cidr'],
        dependsOn: deps.get(sid) ?? [],
        evidence: { subnet: s.name },
      });
    }
  },
});

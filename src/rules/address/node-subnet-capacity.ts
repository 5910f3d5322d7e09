import { cidr, azureUsable } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { nonNeg, plural, poolsOnSubnet } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/node-subnet-capacity',
    title: 'Node subnets hold every node (and, for flat Azure CNI, every pod) at maximum scale during an upgrade',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'Each node takes one address from its subnet; with Azure CNI node subnet (flat) it also pre-allocates one address per possible pod. Upgrades add surge nodes on top of the autoscaler maximum, and internal load balancer frontends and private endpoints placed in the subnet (including a private cluster’s API server endpoint) take addresses too. When the subnet runs out, scale-out and upgrades fail, and a subnet cannot be resized while in use.',
    fix: 'Enlarge the subnet before deployment, lower maxPods or maxCount, reduce maxSurge, give pools their own subnets, or move to Azure CNI Overlay so pods stop consuming VNet addresses.',
    example: `// 20 nodes + 2 surge, 30 pods each: (22) × (30 + 1) = 682 addresses → a /22 (1,019 usable)
const nodes = subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/22', purpose: 'aks-nodes' });
nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 20, maxPods: 30, maxSurge: 2, subnet: nodes });`,
    references: [
      { title: 'AKS: IP address planning (node subnet sizing)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'AKS upgrades: capacity and cost planning', url: 'https://learn.microsoft.com/azure/aks/upgrade-capacity-cost-planning' },
      { title: 'Configure Azure CNI networking', url: 'https://learn.microsoft.com/azure/aks/configure-azure-cni' },
    ],
  },
  check(ctx) {
    const { q } = ctx;
    // Counted once per subnet up front (h15, issue #15: filtering every list per subnet was quadratic).
    const tally = (ids: Array<string | undefined>): Map<string, number> => {
      const m = new Map<string, number>();
      for (const id of ids) if (id !== undefined) m.set(id, (m.get(id) ?? 0) + 1);
      return m;
    };
    const ilbsOn = tally(q.all('loadBalancer').filter((lb) => lb.visibility === 'internal').map((lb) => lb.subnet));
    const pesOn = tally(q.all('privateEndpoint').map((pe) => pe.subnet));
    const apiOn = tally(q.all('cluster').filter((c) => c.apiServer.mode === 'private').map((c) => q.getAs(c.apiServerEndpoint, 'apiServer')?.subnet));
    for (const s of q.all('subnet')) {
      const r = cidr(s.cidr);
      if (!r) continue;
      const pools = poolsOnSubnet(q, s.id);
      if (pools.length === 0) continue;
      const usable = azureUsable(r);
      const terms: string[] = [];
      let need = 0;
      for (const { pool, cluster } of pools) {
        const nodes = nonNeg(pool.maxNodes);
        const surge = nonNeg(pool.surgeNodes);
        const flat = cluster.network.cni === 'azure-nodesubnet';
        const pods = nonNeg(pool.maxPods);
        const n = flat ? (nodes + surge) * (pods + 1) : nodes + surge;
        need += n;
        const who = pools.length > 1 ? `${pool.name}: ` : '';
        terms.push(flat ? `${who}(${nodes} nodes + ${surge} surge) × (${pods} pods + 1)` : `${who}${nodes} nodes + ${surge} surge`);
      }
      const ilbs = ilbsOn.get(s.id) ?? 0;
      if (ilbs > 0) {
        need += ilbs;
        terms.push(plural(ilbs, 'internal LB frontend'));
      }
      const endpoints = (pesOn.get(s.id) ?? 0) + (apiOn.get(s.id) ?? 0);
      if (endpoints > 0) {
        need += endpoints;
        terms.push(plural(endpoints, 'private endpoint'));
      }
      if (need <= usable) continue;
      ctx.report({
        message: `${s.name} ${s.cidr} has ${usable} usable addresses; at max scale ${terms.join(' + ')} need ${need}`,
        element: s.id,
        property: 'cidr',
        evidence: { subnet: s.name, cidr: s.cidr, usable, needed: need, pools: pools.length, internalLbFrontends: ilbs, privateEndpoints: endpoints },
      });
    }
  },
});

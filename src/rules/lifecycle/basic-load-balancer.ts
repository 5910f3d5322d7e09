import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const BASIC_LB_END = '2025-09-30';

export default defineRule({
  meta: {
    id: 'lifecycle/basic-load-balancer',
    title: 'Basic load balancer is retired (2025-09-30)',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['reliability', 'security'],
    waf: ['RE:05', 'SE:08'],
    rationale:
      'The Basic SKU load balancer was retired on 30 September 2025 and is no longer supported for AKS. It also lacks availability zones, outbound rules, secure-by-default NSG behaviour and the features private clusters, authorized IP ranges and outbound types depend on.',
    fix: "Use the Standard load balancer (loadBalancerSku: 'standard'); the SKU is fixed at creation, so existing clusters need the AKS Basic→Standard migration.",
    example: "cluster({ /* … */ network: { cni: 'azure-overlay', loadBalancerSku: 'standard' } });",
    references: [
      { title: 'Use a public standard load balancer in AKS', url: 'https://learn.microsoft.com/azure/aks/load-balancer-standard' },
      { title: 'Upgrade from Basic Load Balancer on AKS', url: 'https://learn.microsoft.com/azure/aks/upgrade-basic-load-balancer-on-aks' },
    ],
  },
  check(ctx) {
    const d = due(BASIC_LB_END, ctx.asOf);
    const verb = d.past ? 'retired' : 'retires';
    for (const c of ctx.q.all('cluster')) {
      if (c.network.loadBalancerSku !== 'basic') continue;
      ctx.report({
        message: `cluster ${c.name} uses the Basic load balancer SKU: Basic load balancer ${verb} ${BASIC_LB_END} (${d.relative}); use Standard`,
        element: c.id,
        property: 'network.loadBalancerSku',
        severity: d.severity,
        evidence: { cluster: c.name, date: BASIC_LB_END, asOf: ctx.asOf },
      });
    }
    for (const lb of ctx.q.all('loadBalancer')) {
      if (lb.sku !== 'Basic') continue;
      const owner = ctx.q.getAs(lb.cluster, 'cluster');
      if (owner && lb.id === `loadBalancer:${owner.name}/kubernetes`) continue; // reported with its cluster above
      ctx.report({
        message: `load balancer ${lb.name} uses the Basic SKU: Basic load balancer ${verb} ${BASIC_LB_END} (${d.relative}); use Standard`,
        element: lb.id,
        property: 'sku',
        severity: d.severity,
        evidence: { loadBalancer: lb.name, date: BASIC_LB_END, asOf: ctx.asOf },
      });
    }
  },
});

import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

/** Kept for callers that name the date. */
export const BASIC_LB_END = RETIREMENTS.basicLoadBalancer.date;

export default defineDatedRule({
  retirement: RETIREMENTS.basicLoadBalancer,
  meta: {
    id: 'lifecycle/basic-load-balancer',
    title: 'Basic load balancer is retired (2025-09-30)',
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
    messages: {
      clusterSku:
        'cluster {{cluster}} uses the Basic load balancer SKU: Basic load balancer {{retires}} {{date}} ({{when}}); use Standard',
      loadBalancerSku:
        'load balancer {{loadBalancer}} uses the Basic SKU: Basic load balancer {{retires}} {{date}} ({{when}}); use Standard',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.loadBalancerSku !== 'basic') continue;
      ctx.report({
        messageId: 'clusterSku',
        data: { cluster: c.name },
        element: c.id,
        reads: ['network.loadBalancerSku'],
        property: 'network.loadBalancerSku',
        evidence: { cluster: c.name },
      });
    }
    for (const lb of ctx.q.all('loadBalancer')) {
      if (lb.sku !== 'Basic') continue;
      const owner = ctx.q.getAs(lb.cluster, 'cluster');
      // A cluster's Services of type LoadBalancer sit on the load balancers AKS makes with the cluster's SKU: a
      // Basic one of a Basic cluster is the cluster's finding above, not a second one.
      if (owner && (lb.id === `loadBalancer:${owner.name}/kubernetes` || owner.network.loadBalancerSku === 'basic')) continue;
      ctx.report({
        messageId: 'loadBalancerSku',
        data: { loadBalancer: lb.name },
        element: lb.id,
        reads: ['sku'],
        // Left to the cluster's own finding when the cluster's SKU is Basic: that SKU is read too.
        ...(owner ? { dependsOn: [{ element: owner.id, reads: ['network.loadBalancerSku'] }] } : {}),
        property: 'sku',
        evidence: { loadBalancer: lb.name },
      });
    }
  },
});

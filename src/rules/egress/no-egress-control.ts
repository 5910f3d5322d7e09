import { defineRule } from '../../validate/rule.js';
import { isProduction } from './_egress.js';

export default defineRule({
  meta: {
    id: 'egress/no-egress-control',
    title: 'Production egress is filtered by a firewall or NVA',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:10'],
    rationale:
      'Load balancer and NAT gateway outbound only translate addresses: any pod can reach any internet destination and nothing is logged per destination. ' +
      'Filtering egress through Azure Firewall or an NVA limits data exfiltration and the blast radius of a compromised workload, and gives an audit trail.',
    fix: 'Route 0.0.0.0/0 from the node subnets to Azure Firewall (outbound type userDefinedRouting) and allow only the AKS-required and workload FQDNs.',
    example: "cluster({ /* … */ outbound: { type: 'userDefinedRouting', via: firewall } });",
    references: [
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
      { title: 'Outbound network and FQDN rules for AKS clusters', url: 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress' },
    ],
  },
  check(ctx) {
    const prod = isProduction(ctx.model);
    // The effective path decides: a default route to a firewall filters egress whatever the outbound type says.
    for (const p of ctx.model.egressPaths) {
      if (p.via !== 'loadBalancer' && p.via !== 'natGateway') continue;
      const c = ctx.q.getAs(p.cluster, 'cluster');
      if (!c) continue;
      const t = p.outboundType;
      const env = ctx.model.metadata.environment;
      ctx.report({
        message: `cluster ${c.name} sends egress straight to the internet through ${p.via === 'loadBalancer' ? 'its load balancer' : 'a NAT gateway'} (outbound type ${t}) with no firewall or NVA filtering destinations${env ? ` (environment: ${env})` : ''}`,
        element: c.id,
        property: 'outbound',
        severity: prod ? 'warning' : 'info',
        evidence: { cluster: c.name, outboundType: t, production: prod },
      });
    }
  },
});

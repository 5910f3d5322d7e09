import { defineRule } from '../../validate/rule.js';
import { egressAppliance } from '../../model/egress.js';
import { fqdnAllowed } from './_egress.js';

export default defineRule({
  meta: {
    id: 'egress/firewall-destination-allowlist',
    title: 'Declared egress destinations are allowed by the egress firewall',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Azure Firewall denies everything that no rule allows. A destination the workload depends on but that is missing from the allow list is blocked at run time, which usually surfaces only after go-live.',
    fix: "Add the destination's FQDN (or a wildcard covering it) to the firewall allow rules, or reach the service through a private endpoint.",
    example: "azureFirewall({ /* … */ fqdnAllowRules: ['api.stripe.com'] }); // destination { name: 'Stripe API', fqdn: 'api.stripe.com' }",
    references: [
      { title: 'Azure Firewall application rules (FQDN filtering)', url: 'https://learn.microsoft.com/azure/firewall/features' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
    messages: {
      notAllowed:
        'egress destination {{destination}} ({{fqdn}}:{{port}}) of cluster {{cluster}} is not in the {{rules}} ' +
        'FQDN allow rule{{plural}} of Azure Firewall {{firewall}}, so it will be denied',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const d of q.all('egressDestination')) {
      if (d.privateEndpoint || !d.fqdn) continue;
      const c = q.getAs(d.cluster, 'cluster');
      if (!c) continue;
      const fw = q.getAs(egressAppliance(q, c.id), 'azureFirewall');
      if (!fw) continue;
      if (d.category === 'aks-required' && fw.aksFqdnTag) continue;
      if (fw.fqdnAllowRules === undefined) {
        ctx.unverified({ element: fw.id, property: 'fqdnAllowRules', check: `Azure Firewall ${fw.name} allows the egress destinations of ${c.name}` });
        continue;
      }
      if (fw.fqdnAllowRules.some((r) => typeof r === 'string' && fqdnAllowed(r, d.fqdn!))) continue;
      ctx.report({
        messageId: 'notAllowed',
        data: {
          destination: d.name,
          fqdn: d.fqdn,
          port: d.port,
          cluster: c.name,
          rules: fw.fqdnAllowRules.length,
          plural: fw.fqdnAllowRules.length === 1 ? '' : 's',
          firewall: fw.name,
        },
        element: d.id,
        property: 'fqdn',
        evidence: { destination: d.name, fqdn: d.fqdn, firewall: fw.name, allowRules: fw.fqdnAllowRules.length },
      });
    }
  },
});

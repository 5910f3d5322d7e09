import { defineRule } from '../../validate/rule.js';
import { isProduction } from '../egress/_egress.js';

export default defineRule({
  meta: {
    id: 'reliability/sla-tier',
    title: 'Production clusters use the Standard (SLA) tier',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:04', 'RE:05'],
    rationale: 'The Free tier has no financially backed API server uptime SLA and a control plane sized for small clusters. Production clusters should run the Standard (or Premium) tier.',
    fix: "Set tier: 'Standard' (or 'Premium' for long-term support).",
    example: "cluster({ name: 'aks-prod', region: 'westeurope', tier: 'Standard', /* … */ });",
    references: [
      { title: 'Free, Standard and Premium pricing tiers for AKS cluster management', url: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers' },
      { title: 'Azure Kubernetes Service Uptime SLA', url: 'https://learn.microsoft.com/azure/aks/uptime-sla' },
    ],
  },
  check(ctx) {
    if (!isProduction(ctx.model)) return;
    for (const c of ctx.q.all('cluster')) {
      if (c.tier !== 'Free') continue;
      ctx.report({
        message: `cluster ${c.name} uses the Free tier (no API server uptime SLA) in a ${ctx.model.metadata.environment} design`,
        element: c.id,
        property: 'tier',
        evidence: { cluster: c.name, tier: c.tier },
      });
    }
  },
});

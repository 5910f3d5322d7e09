import { defineRule } from '../../validate/rule.js';
import { isProduction } from '../egress/_egress.js';

/**
 * The Free tier has no uptime SLA. In a production design that is a warning; when the design does
 * not say what environment it is for, the rule cannot tell, so it leaves an info-level note instead
 * of a warning (the tier itself is known: `Free` is the platform default when `tier` is not stated).
 */
export default defineRule({
  meta: {
    id: 'reliability/sla-tier',
    title: 'Production clusters use the Standard (SLA) tier',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:04', 'RE:05'],
    rationale:
      'The Free tier has no financially backed API server uptime SLA and a control plane sized for small clusters ' +
      '(Microsoft recommends it for fewer than 10 nodes and for development and testing). Production clusters ' +
      'should run the Standard (or Premium) tier.',
    fix: "Set tier: 'Standard' (or 'Premium' for long-term support); state metadata.environment so the tier can be judged.",
    example: "cluster({ name: 'aks-prod', region: 'westeurope', tier: 'Standard', /* … */ });",
    references: [
      { title: 'Free, Standard and Premium pricing tiers for AKS cluster management', url: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers' },
      { title: 'Azure Kubernetes Service Uptime SLA', url: 'https://learn.microsoft.com/azure/aks/uptime-sla' },
    ],
    messages: {
      freeInProduction:
        'cluster {{cluster}} uses the Free tier (no API server uptime SLA){{defaulted}} in a {{environment}} design; ' +
        "use tier: 'Standard' or 'Premium'",
      freeEnvironmentUnknown:
        'cluster {{cluster}} uses the Free tier (no API server uptime SLA){{defaulted}} and the design does not state ' +
        'its environment (metadata.environment): fine for development, not for production',
    },
  },
  check(ctx) {
    const env = ctx.model.metadata.environment?.trim();
    const production = isProduction(ctx.model);
    if (!production && env) return;
    for (const c of ctx.q.all('cluster')) {
      if (c.tier !== 'Free') continue;
      const wasDefaulted = ctx.q.isDefaulted(c.id, 'tier');
      const defaulted = wasDefaulted ? ', the default when tier is not stated,' : '';
      const evidence = { cluster: c.name, tier: c.tier, tierDefaulted: wasDefaulted };
      const at = { element: c.id, property: 'tier', reads: ['tier'] };
      if (production) {
        ctx.report({ ...at, messageId: 'freeInProduction', data: { cluster: c.name, defaulted, environment: env! }, evidence });
      } else {
        ctx.report({ ...at, messageId: 'freeEnvironmentUnknown', severity: 'info', data: { cluster: c.name, defaulted }, evidence });
      }
    }
  },
});

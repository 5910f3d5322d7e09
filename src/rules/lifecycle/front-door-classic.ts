import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const FRONT_DOOR_CLASSIC_END = '2027-03-31';

export default defineRule({
  meta: {
    id: 'lifecycle/front-door-classic',
    title: 'Azure Front Door (classic) retires 2027-03-31',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['security'],
    waf: ['SE:08'],
    rationale:
      'Front Door (classic) is retired on 31 March 2027. Standard and Premium add Private Link origins, managed WAF rule sets and bot protection (Premium), and a supported migration path.',
    fix: "Migrate the profile to sku 'Standard' or 'Premium' (Premium for Private Link origins and managed WAF rules).",
    example: "frontDoor({ name: 'afd-global', sku: 'Premium', waf: { mode: 'Prevention', managedRules: true } });",
    references: [
      { title: 'Migrate Azure Front Door (classic) to Standard/Premium', url: 'https://learn.microsoft.com/azure/frontdoor/tier-migration' },
      { title: 'Secure traffic to Azure Front Door origins', url: 'https://learn.microsoft.com/azure/frontdoor/secure-front-door' },
    ],
  },
  check(ctx) {
    const d = due(FRONT_DOOR_CLASSIC_END, ctx.asOf);
    for (const fd of ctx.q.all('frontDoor')) {
      if (fd.sku !== 'Classic') continue;
      ctx.report({
        message: `Front Door ${fd.name} is a classic profile: Front Door (classic) ${d.past ? 'retired' : 'retires'} ${FRONT_DOOR_CLASSIC_END} (${d.relative}); migrate to Standard or Premium`,
        element: fd.id,
        property: 'sku',
        severity: d.severity,
        evidence: { frontDoor: fd.name, date: FRONT_DOOR_CLASSIC_END, asOf: ctx.asOf },
      });
    }
  },
});

import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

/** Kept for callers that name the date. */
export const FRONT_DOOR_CLASSIC_END = RETIREMENTS.frontDoorClassic.date;

export default defineDatedRule({
  retirement: RETIREMENTS.frontDoorClassic,
  meta: {
    id: 'lifecycle/front-door-classic',
    title: 'Azure Front Door (classic) retires 2027-03-31',
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
    messages: {
      classicProfile:
        'Front Door {{frontDoor}} is a classic profile: Front Door (classic) {{retires}} {{date}} ({{when}}); migrate to Standard or Premium',
    },
  },
  check(ctx) {
    for (const fd of ctx.q.all('frontDoor')) {
      if (fd.sku !== 'Classic') continue;
      ctx.report({
        messageId: 'classicProfile',
        data: { frontDoor: fd.name },
        element: fd.id,
        reads: ['sku'],
        property: 'sku',
        evidence: { frontDoor: fd.name },
      });
    }
  },
});

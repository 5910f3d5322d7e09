import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/front-door-managed-rules-sku',
    title: 'Front Door managed WAF rule sets need the Premium tier',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'Front Door Standard runs custom WAF rules only; the Microsoft-managed default rule set and bot protection are Premium features. A design that counts on managed rules on a Standard profile overstates its protection.',
    fix: "Move the profile to sku 'Premium', or set managedRules: false and document the custom rules that replace them.",
    example: "frontDoor({ name: 'afd', sku: 'Premium', waf: { mode: 'Prevention', managedRules: true } });",
    references: [
      { title: 'Azure Web Application Firewall on Azure Front Door', url: 'https://learn.microsoft.com/azure/web-application-firewall/afds/afds-overview' },
    ],
    messages: {
      managedRulesOnStandard:
        'Front Door {{frontDoor}} is Standard but its WAF{{policy}} declares managed rule sets, which only Premium ' +
        'provides',
    },
  },
  check(ctx) {
    const defaulted = new Set(ctx.model.defaults.map((d) => d.path));
    for (const fd of ctx.q.all('frontDoor')) {
      if (fd.sku !== 'Standard' || !fd.waf?.managedRules) continue;
      if (defaulted.has(`${fd.source.path}.waf.managedRules`)) continue; // only an explicit claim is checked
      ctx.report({
        messageId: 'managedRulesOnStandard',
        data: { frontDoor: fd.name, policy: fd.waf.name ? ` policy ${fd.waf.name}` : '' },
        element: fd.id,
        reads: ['name', 'sku', 'waf'],
        property: 'waf.managedRules',
        evidence: { frontDoor: fd.name, sku: fd.sku },
      });
    }
  },
});

import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/waf-detection-mode',
    title: 'WAF policies run in Prevention mode',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'In Detection mode a WAF only logs matches and lets every request through, so it gives no protection. Detection is meant for tuning exclusions before switching to Prevention.',
    fix: "Set the WAF policy mode to 'Prevention' once false positives have been tuned.",
    example: "frontDoor({ name: 'afd', sku: 'Premium', waf: { mode: 'Prevention', managedRules: true } });",
    references: [
      { title: 'Application Gateway WAF policy overview (modes)', url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/policy-overview' },
      { title: 'Front Door WAF policy settings', url: 'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-policy-settings' },
    ],
    messages: {
      detection: '{{kind}} {{resource}} runs its WAF{{policy}} in Detection mode, which only logs attacks{{paths}}',
    },
  },
  check(ctx) {
    const kinds = ['frontDoor', 'applicationGateway', 'agc'] as const;
    const label = { frontDoor: 'Front Door', applicationGateway: 'Application Gateway', agc: 'App Gateway for Containers' };
    for (const k of kinds) {
      for (const r of ctx.q.all(k)) {
        if (r.waf?.mode !== 'Detection') continue;
        const paths = ctx.model.ingressPaths.filter((p) => p.hops.some((h) => h.resource === r.id)).map((p) => p.name);
        ctx.report({
          messageId: 'detection',
          data: {
            kind: label[k],
            resource: r.name,
            policy: r.waf.name ? ` policy ${r.waf.name}` : '',
            paths: paths.length ? ` on ${paths.length} ingress path${paths.length === 1 ? '' : 's'} (${paths.join(', ')})` : '',
          },
          element: r.id,
          // The WAF policy (or an Application Gateway's legacy WAF configuration).
          reads: ['name', 'waf', 'webApplicationFirewallConfiguration'],
          property: 'waf.mode',
          evidence: { resource: r.name, mode: 'Detection', paths: paths.length },
        });
      }
    }
  },
});

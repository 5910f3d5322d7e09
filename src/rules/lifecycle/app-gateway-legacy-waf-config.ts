import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

const LEGACY = RETIREMENTS.appGatewayLegacyWafConfig;

export default defineDatedRule({
  retirement: LEGACY,
  meta: {
    id: 'lifecycle/app-gateway-legacy-waf-config',
    title: 'The in-gateway WAF configuration of Application Gateway retires 2027-03-15',
    pillars: ['security', 'operational-excellence'],
    waf: ['SE:08', 'OE:05'],
    rationale:
      'The WAF settings embedded in an Application Gateway (webApplicationFirewallConfiguration) are retired on ' +
      '15 March 2027 and get no new features: no Default Rule Set, no Bot Manager, no custom or per-listener rules. ' +
      'A WAF policy carries all of these and can be shared between gateways. Microsoft Learn says no further ' +
      'investment goes into the legacy configuration but gives no date; the 15 March 2027 date is from Microsoft\'s ' +
      'PSRule for Azure rule Azure.AppGw.MigrateWAFPolicy.',
    fix: "Move the settings into a WAF policy (waf: { name, mode, managedRuleSets }) and drop webApplicationFirewallConfiguration.",
    example:
      "applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: agwSubnet, frontend: 'public', management: 'standalone', " +
      "waf: { name: 'wafp-agw', mode: 'Prevention', managedRuleSets: [{ type: 'Microsoft_DefaultRuleSet', version: '2.2' }] } });",
    references: [
      { title: 'Upgrade Application Gateway WAF configuration to a WAF policy', url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/upgrade-ag-waf-policy' },
      LEGACY.dateSource,
      { title: 'Azure WAF policy overview (Application Gateway)', url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/policy-overview' },
    ],
    messages: {
      legacyConfig:
        'Application Gateway {{gateway}} uses the in-gateway WAF configuration, which {{retires}} {{date}} ({{when}}); ' +
        'move it to a WAF policy',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.waf?.source !== 'legacy-config') continue;
      ctx.report({
        messageId: 'legacyConfig',
        data: { gateway: g.name },
        element: g.id,
        // Where the WAF is configured (both stated is a schema error).
        reads: ['waf', 'webApplicationFirewallConfiguration'],
        property: 'webApplicationFirewallConfiguration',
        evidence: { gateway: g.name },
      });
    }
  },
});

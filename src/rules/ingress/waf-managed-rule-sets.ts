import type { AgcResource, AppGatewayResource, FrontDoorResource, WafManagedRuleSetModel } from '../../model/types.js';
import { defineRule, type RuleContext } from '../../validate/rule.js';

type Host = AppGatewayResource | FrontDoorResource | AgcResource;

const LABEL = { applicationGateway: 'Application Gateway', frontDoor: 'Front Door', agc: 'App Gateway for Containers' };

/** `2.1` → [2, 1]; compares dotted versions numerically (a part that is not a number compares as not below). */
function below(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y; // NaN < y is false
  }
  return false;
}

/**
 * Why a rule set is outdated on its host, or undefined when it is current. Application Gateway: every
 * OWASP CRS version (DRS replaces CRS) and DRS below 2.1; Front Door: DRS 1.x.
 */
function outdated(host: Host, set: WafManagedRuleSetModel): string | undefined {
  if (set.type === 'Microsoft_BotManagerRuleSet') return undefined;
  if (host.kind === 'applicationGateway') {
    if (set.type === 'OWASP') return 'the Default Rule Set 2.1 or later (Microsoft recommends the latest, DRS 2.2)';
    return below(set.version, '2.1') ? 'the Default Rule Set 2.1 or later (Microsoft recommends DRS 2.2)' : undefined;
  }
  if (host.kind === 'frontDoor' && set.type === 'Microsoft_DefaultRuleSet' && below(set.version, '2.0'))
    return 'the Default Rule Set 2.x, which adds anomaly scoring';
  return undefined;
}

/** Whether the host can run the Bot Manager rule set the audit asks for (Front Door: Premium only). */
function botManagerApplies(host: Host): boolean {
  if (host.kind === 'applicationGateway') return true;
  if (host.kind === 'frontDoor') return host.sku === 'Premium';
  return false;
}

function checkHost(ctx: RuleContext, host: Host): void {
  const waf = host.waf;
  if (!waf || !waf.enabled || waf.managedRules === false) return;
  const legacy = waf.source === 'legacy-config';
  const what = `${LABEL[host.kind]} ${host.name}`;
  const policy = waf.name ? ` (WAF policy ${waf.name})` : legacy ? ' (legacy in-gateway WAF configuration)' : '';
  const sets = waf.managedRuleSets;
  // The WAF (policy, or an Application Gateway's legacy configuration) and the SKU (Bot Manager on Front Door Premium).
  const reads = ['name', 'sku', 'waf', 'webApplicationFirewallConfiguration'];
  if (sets === undefined) {
    ctx.unverified({
      element: host.id,
      reads,
      property: legacy ? 'webApplicationFirewallConfiguration.ruleSetVersion' : 'waf.managedRuleSets',
      check: `the WAF of ${what} runs a current managed rule set${legacy ? '' : ' and Bot Manager'}`,
      fact: legacy ? 'OWASP rule set version' : 'managed rule sets (type, version, action)',
    });
    return;
  }
  sets.forEach((set, i) => {
    const property = legacy ? 'webApplicationFirewallConfiguration.ruleSetVersion' : `waf.managedRuleSets[${i}].version`;
    const target = outdated(host, set);
    if (target) {
      ctx.report({
        messageId: 'outdatedRuleSet',
        data: { what, policy, type: set.type, version: set.version, target },
        element: host.id,
        reads,
        property,
        evidence: { resource: host.name, type: set.type, version: set.version },
      });
    }
    if (set.action === 'Log') {
      ctx.report({
        messageId: 'logAction',
        data: { what, policy, type: set.type, version: set.version },
        element: host.id,
        reads,
        property: `waf.managedRuleSets[${i}].action`,
        evidence: { resource: host.name, type: set.type, action: 'Log' },
      });
    }
  });
  if (!legacy && botManagerApplies(host) && !sets.some((s) => s.type === 'Microsoft_BotManagerRuleSet')) {
    ctx.report({
      messageId: 'botManagerMissing',
      data: { what, policy },
      element: host.id,
      reads,
      property: 'waf.managedRuleSets',
      evidence: { resource: host.name },
    });
  }
  waf.exclusions.forEach((x, i) => {
    if (x.operator !== 'EqualsAny') return;
    ctx.report({
      messageId: 'broadExclusion',
      data: { what, policy, variable: x.matchVariable },
      element: host.id,
      reads,
      property: `waf.exclusions[${i}].operator`,
      evidence: { resource: host.name, matchVariable: x.matchVariable, operator: x.operator },
    });
  });
}

export default defineRule({
  meta: {
    id: 'ingress/waf-managed-rule-sets',
    title: 'WAF managed rule sets are current, block, include Bot Manager and exclude narrowly',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:08'],
    rationale:
      'Older managed rule sets (OWASP CRS on Application Gateway, DRS 1.x on Front Door) miss newer attack signatures ' +
      'and the Microsoft Threat Intelligence rules; a rule set whose action is Log blocks nothing even in Prevention ' +
      'mode; without the Bot Manager rule set, requests from known-malicious bots pass; and an exclusion with the ' +
      'EqualsAny operator stops the WAF inspecting every header, cookie or argument of that kind.',
    fix:
      'Use Microsoft_DefaultRuleSet 2.1 or later (2.2 on Application Gateway; 2.x on Front Door) with its ' +
      'default action, add Microsoft_BotManagerRuleSet, and exclude named selectors (Equals) instead of EqualsAny.',
    example:
      "applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: appGwSubnet, frontend: 'public', management: 'standalone',\n" +
      "  minCapacity: 2, zones: [1, 2, 3],\n" +
      "  waf: { mode: 'Prevention', managedRuleSets: [{ type: 'Microsoft_DefaultRuleSet', version: '2.2' },\n" +
      "    { type: 'Microsoft_BotManagerRuleSet', version: '1.1' }] } });",
    references: [
      { title: 'Upgrade the CRS or DRS rule set version (Application Gateway)', url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/upgrade-ruleset-version' },
      { title: 'Application Gateway WAF DRS and CRS rule groups', url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/application-gateway-crs-rulegroups-rules' },
      { title: 'Front Door WAF DRS rule groups and rules', url: 'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-drs' },
      { title: 'Configure bot protection for Front Door WAF', url: 'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-policy-configure-bot-protection' },
      { title: 'Application Gateway WAF exclusion lists', url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/application-gateway-waf-configuration' },
    ],
    messages: {
      outdatedRuleSet: '{{what}}{{policy}} runs the outdated managed rule set {{type}} {{version}}; move to {{target}}',
      logAction:
        '{{what}}{{policy}} sets the action of {{type}} {{version}} to Log, so its matches are only logged even in ' +
        'Prevention mode; use the default (anomaly scoring or Block)',
      botManagerMissing:
        '{{what}}{{policy}} has no Microsoft_BotManagerRuleSet, so requests from known-malicious bots are not blocked',
      broadExclusion:
        '{{what}}{{policy}} excludes every {{variable}} from inspection (operator EqualsAny); exclude named selectors instead',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) checkHost(ctx, g);
    for (const fd of ctx.q.all('frontDoor')) checkHost(ctx, fd);
    for (const a of ctx.q.all('agc')) checkHost(ctx, a);
  },
});

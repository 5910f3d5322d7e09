import type { FirewallPolicyResource, FirewallResource } from '../../model/types.js';
import { defineRule, type RuleContext } from '../../validate/rule.js';

type Mode = 'Off' | 'Alert' | 'Deny';

/** Judges one threat-protection setting: Alert only logs, Off does nothing; Deny is the posture to reach. */
function judge(
  ctx: RuleContext,
  part: FirewallResource | FirewallPolicyResource,
  what: 'Azure Firewall' | 'firewall policy',
  feature: 'threatIntel' | 'idps',
  mode: Mode,
): void {
  if (mode === 'Deny') return;
  ctx.report({
    messageId: feature === 'threatIntel' ? 'threatIntelNotDeny' : 'idpsNotDeny',
    data: { what, name: part.name, mode, effect: mode === 'Off' ? 'is off' : 'only raises alerts' },
    element: part.id,
    property: feature,
    // The mode; IDPS's default follows the policy's tier; a firewall's own threat intelligence counts without a policy.
    reads: feature === 'idps' ? ['idps', 'tier'] : part.kind === 'azureFirewall' ? ['threatIntel', 'policy'] : ['threatIntel'],
    evidence: { part: part.name, feature, mode },
  });
}

export default defineRule({
  meta: {
    id: 'egress/firewall-threat-protection',
    title: 'Azure Firewall threat intelligence and IDPS deny, not only alert',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:10'],
    rationale:
      'Threat-intelligence filtering and IDPS (Premium) in Alert mode only log traffic to and from known-malicious ' +
      'addresses, domains and signatures, and in Off mode they do nothing; a compromised pod can then still reach its ' +
      'command-and-control server. Alert is the platform default for threat intelligence and Off for IDPS.',
    fix: "Set threatIntel: 'Deny' (and idps: 'Deny' on a Premium policy), with allow-list exceptions where needed.",
    example:
      "firewallPolicy({ name: 'afwp-hub', tier: 'Premium', threatIntel: 'Deny', idps: 'Deny', dnsProxy: true });",
    references: [
      { title: 'Azure Firewall threat intelligence-based filtering', url: 'https://learn.microsoft.com/azure/firewall/threat-intel' },
      { title: 'Azure Firewall Premium features (IDPS)', url: 'https://learn.microsoft.com/azure/firewall/premium-features' },
    ],
    messages: {
      threatIntelNotDeny:
        '{{what}} {{name}} has threat intelligence in {{mode}} mode, so filtering of known-malicious addresses and ' +
        "domains {{effect}}; set it to 'Deny'",
      idpsNotDeny:
        "{{what}} {{name}} has IDPS in {{mode}} mode, so signature-based intrusion prevention {{effect}}; set it to 'Deny'",
    },
  },
  check(ctx) {
    // A policy governs the firewalls that use it, so each setting is judged once, where it lives.
    for (const p of ctx.q.all('firewallPolicy')) {
      judge(ctx, p, 'firewall policy', 'threatIntel', p.threatIntel);
      if (p.idps !== undefined) judge(ctx, p, 'firewall policy', 'idps', p.idps);
    }
    for (const fw of ctx.q.all('azureFirewall')) {
      if (fw.policy !== undefined) continue;
      judge(ctx, fw, 'Azure Firewall', 'threatIntel', fw.threatIntel);
    }
  },
});

import { describe, expect, it } from 'vitest';
import { appGatewayForContainers } from '../../../dsl/index.js';
import type { WafPolicy } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'ingress/waf-managed-rule-sets';
const AGW = 'ingress[0].hops[0].via';
const AFD = 'ingress[0].hops[0].via';
type Sets = NonNullable<WafPolicy['managedRuleSets']>;
const BOT = { type: 'Microsoft_BotManagerRuleSet', version: '1.1' } as const;

function appGw(sets: Sets | undefined, extra: Partial<WafPolicy> = {}) {
  return () => {
    const b = baseline();
    b.appGw.waf = { name: 'wafp-agw', mode: 'Prevention', ...(sets ? { managedRuleSets: sets } : { managedRules: true }), ...extra };
    return b.arch;
  };
}

function frontDoor(sku: 'Standard' | 'Premium', sets: Sets) {
  return () => {
    const b = baseline();
    mutable(b.path.hops).unshift({
      via: { kind: 'frontDoor', name: 'afd', sku, waf: { name: 'wafp-afd', mode: 'Prevention', managedRuleSets: sets } },
      protocol: 'https',
      port: 443,
      tls: 'reencrypt',
    });
    return b.arch;
  };
}

function legacy(ruleSetVersion?: '2.2.9' | '3.0' | '3.1' | '3.2') {
  return () => {
    const b = baseline();
    delete b.appGw.waf;
    b.appGw.webApplicationFirewallConfiguration = { enabled: true, mode: 'Prevention', ...(ruleSetVersion ? { ruleSetVersion } : {}) };
    return b.arch;
  };
}

/** An App Gateway for Containers in front of the cluster instead of the App Gateway. */
function agc(sets: Sets) {
  return () => {
    const b = baseline();
    const waf = { name: 'wafp-agc', mode: 'Prevention', managedRuleSets: sets } as const;
    const front = { deployment: 'managed', api: 'gateway-api', subnet: b.appGwSubnet, frontend: 'public' } as const;
    b.path.hops[0]!.via = appGatewayForContainers({ name: 'agc-web', ...front, waf });
    return b.arch;
  };
}

const DRS = (version: string, action?: 'Block' | 'Log' | 'AnomalyScoring') =>
  ({ type: 'Microsoft_DefaultRuleSet', version, ...(action ? { action } : {}) }) as const;

testRule(ID, {
  valid: [
    { name: 'App Gateway with DRS 2.1 (the boundary) and Bot Manager', arch: appGw([DRS('2.1'), BOT]) },
    { name: 'App Gateway with DRS 2.2, anomaly scoring, and Bot Manager', arch: appGw([DRS('2.2', 'AnomalyScoring'), BOT]) },
    { name: 'Front Door Premium with DRS 2.0 (the boundary) and Bot Manager', arch: frontDoor('Premium', [DRS('2.0'), BOT]) },
    { name: 'Front Door Standard (no Bot Manager there) with DRS 2.1', arch: frontDoor('Standard', [DRS('2.1')]) },
    {
      name: 'a narrow exclusion (Equals a named cookie)',
      arch: appGw([DRS('2.2'), BOT], { exclusions: [{ matchVariable: 'RequestCookieNames', operator: 'Equals', selector: 'session' }] }),
    },
    { name: 'managed rules switched off (waf-missing judges that)', arch: appGw(undefined, { managedRules: false }) },
    { name: 'a disabled WAF policy (waf-missing judges that)', arch: appGw([DRS('1.0')], { enabled: false }) },
    {
      name: 'no WAF at all (waf-missing judges that)',
      arch: () => {
        const b = baseline();
        delete b.appGw.waf;
        return b.arch;
      },
    },
    { name: 'App Gateway with DRS 2.1.1 (a patch above the boundary)', arch: appGw([DRS('2.1.1'), BOT]) },
    { name: 'a version that is not a number is not judged', arch: appGw([DRS('latest'), BOT]) },
    { name: 'App Gateway for Containers: versions and Bot Manager are not judged', arch: agc([DRS('1.0')]) },
  ],
  invalid: [
    ...[
      ['2.0', 'just below 2.1'],
      ['2', 'a version without minor part, read as 2.0'],
    ].map(([version, why]) => ({
      name: `App Gateway with DRS ${version} (${why}), a policy without a name`,
      arch: appGw([DRS(version!), BOT], { name: undefined }),
      findings: [
        {
          messageId: 'outdatedRuleSet',
          path: `${AGW}.waf.managedRuleSets[0].version`,
          severity: 'warning' as const,
          message:
            `Application Gateway agw-test runs the outdated managed rule set Microsoft_DefaultRuleSet ${version}; ` +
            'move to the Default Rule Set 2.1 or later (Microsoft recommends DRS 2.2)',
          evidence: { resource: 'agw-test', type: 'Microsoft_DefaultRuleSet', version: version! },
        },
      ],
    })),
    {
      name: 'App Gateway for Containers with a rule set whose action is Log',
      arch: agc([DRS('2.1', 'Log')]),
      findings: [
        {
          messageId: 'logAction',
          path: 'ingress[0].hops[0].via.waf.managedRuleSets[0].action',
          severity: 'warning',
          message: /^App Gateway for Containers agc-web \(WAF policy wafp-agc\) /,
          evidence: { resource: 'agc-web', type: 'Microsoft_DefaultRuleSet', action: 'Log' },
        },
      ],
    },
    {
      name: 'App Gateway with OWASP 3.2 (every CRS version is outdated)',
      arch: appGw([{ type: 'OWASP', version: '3.2' }, BOT]),
      findings: [
        {
          messageId: 'outdatedRuleSet',
          path: `${AGW}.waf.managedRuleSets[0].version`,
          severity: 'warning',
          message:
            'Application Gateway agw-test (WAF policy wafp-agw) runs the outdated managed rule set OWASP 3.2; ' +
            'move to the Default Rule Set 2.1 or later (Microsoft recommends the latest, DRS 2.2)',
        },
      ],
    },
    {
      name: 'Front Door Premium with DRS 1.1 (just below 2.0)',
      arch: frontDoor('Premium', [DRS('1.1'), BOT]),
      findings: [{ messageId: 'outdatedRuleSet', path: `${AFD}.waf.managedRuleSets[0].version`, severity: 'warning', message: /runs the outdated managed rule set Microsoft_DefaultRuleSet 1\.1; move to the Default Rule Set 2\.x/ }],
    },
    {
      name: 'a rule set whose action is Log',
      arch: appGw([DRS('2.2', 'Log'), BOT]),
      findings: [{ messageId: 'logAction', path: `${AGW}.waf.managedRuleSets[0].action`, severity: 'warning', message: /only logged even in Prevention/ }],
    },
    {
      name: 'App Gateway without Bot Manager',
      arch: appGw([DRS('2.2')]),
      findings: [
        {
          messageId: 'botManagerMissing',
          path: `${AGW}.waf.managedRuleSets`,
          severity: 'warning',
          message: 'Application Gateway agw-test (WAF policy wafp-agw) has no Microsoft_BotManagerRuleSet, so requests from known-malicious bots are not blocked',
          evidence: { resource: 'agw-test' },
        },
      ],
    },
    {
      name: 'Front Door Premium without Bot Manager',
      arch: frontDoor('Premium', [DRS('2.1')]),
      findings: [{ messageId: 'botManagerMissing', path: `${AFD}.waf.managedRuleSets`, severity: 'warning' }],
    },
    {
      name: 'an EqualsAny exclusion',
      arch: appGw([DRS('2.2'), BOT], { exclusions: [{ matchVariable: 'RequestHeaderNames', operator: 'EqualsAny' }] }),
      findings: [
        {
          messageId: 'broadExclusion',
          path: `${AGW}.waf.exclusions[0].operator`,
          severity: 'warning',
          message: /excludes every RequestHeaderNames from inspection/,
          evidence: { resource: 'agw-test', matchVariable: 'RequestHeaderNames', operator: 'EqualsAny' },
        },
      ],
    },
    {
      name: 'the legacy configuration with OWASP 3.1 (no Bot Manager there: the legacy rule judges that)',
      arch: legacy('3.1'),
      findings: [
        {
          messageId: 'outdatedRuleSet',
          path: `${AGW}.webApplicationFirewallConfiguration.ruleSetVersion`,
          severity: 'warning',
          message: /legacy in-gateway WAF configuration\) runs the outdated managed rule set OWASP 3\.1/,
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('does not judge unstated rule sets: one unverified check names them', async () => {
    const r = await runRuleResult(ID, appGw(undefined)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual([`${AGW}.waf.managedRuleSets`]);
    expect(r.unverified?.[0]?.check).toBe(
      'the WAF of Application Gateway agw-test runs a current managed rule set and Bot Manager',
    );
    expect(r.unverified?.[0]?.fact).toBe('managed rule sets (type, version, action)');
  });
  it('names the legacy rule set version when it is not stated', async () => {
    const r = await runRuleResult(ID, legacy()());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual([`${AGW}.webApplicationFirewallConfiguration.ruleSetVersion`]);
    expect(r.unverified?.[0]?.check).toBe('the WAF of Application Gateway agw-test runs a current managed rule set');
    expect(r.unverified?.[0]?.fact).toBe('OWASP rule set version');
  });
});

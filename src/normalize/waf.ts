/**
 * Web application firewalls: a WAF policy (Front Door, Application Gateway, AGC) with its managed
 * rule sets, exclusions and custom rules, or the legacy in-gateway `webApplicationFirewallConfiguration`.
 */
import type { WafCustomRuleModel, WafManagedRuleSetModel, WafModel } from '../model/types.js';
import { Fields, describe, isRecord } from './reader.js';
import { stripUndefined } from './util.js';

/** Where a policy is attached: the managed rule sets and versions differ per host. */
export type WafHost = 'frontDoor' | 'applicationGateway' | 'agc';

/** Managed rule set versions each host accepts (learn.microsoft.com/azure/web-application-firewall). */
export const WAF_RULE_SET_VERSIONS: Record<WafHost, Record<WafManagedRuleSetModel['type'], readonly string[]>> = {
  frontDoor: {
    OWASP: [],
    Microsoft_DefaultRuleSet: ['1.0', '1.1', '2.0', '2.1'],
    Microsoft_BotManagerRuleSet: ['1.0', '1.1'],
  },
  applicationGateway: {
    OWASP: ['3.0', '3.1', '3.2'],
    Microsoft_DefaultRuleSet: ['2.1', '2.2'],
    Microsoft_BotManagerRuleSet: ['1.0', '1.1'],
  },
  agc: { OWASP: [], Microsoft_DefaultRuleSet: ['2.1'], Microsoft_BotManagerRuleSet: ['1.0', '1.1'] },
};

const HOST_NAME: Record<WafHost, string> = {
  frontDoor: 'Front Door',
  applicationGateway: 'Application Gateway',
  agc: 'Application Gateway for Containers',
};

/** Reads `waf` (a policy) or, on Application Gateway, `webApplicationFirewallConfiguration` (legacy). */
export function readWaf(f: Fields, host: WafHost): WafModel | undefined {
  const legacy = host === 'applicationGateway' ? f.sub('webApplicationFirewallConfiguration') : undefined;
  const w = f.sub('waf');
  if (w && legacy) {
    f.issue(
      'webApplicationFirewallConfiguration',
      'use either a WAF policy ("waf") or the legacy webApplicationFirewallConfiguration, not both',
    );
  }
  if (w) return readPolicy(w, host);
  if (legacy) return readLegacy(legacy);
  return undefined;
}

function readPolicy(w: Fields, host: WafHost): WafModel {
  const sets = w.has('managedRuleSets') ? readRuleSets(w, host) : undefined;
  const managedRules = w.has('managedRules')
    ? w.bool('managedRules')
    : sets !== undefined
      ? sets.length > 0
      : w.unknown('managedRules', 'whether managed rule sets are on', 'on');
  if (w.bool('managedRules') === false && sets?.length)
    w.issue('managedRules', 'managedRules is false but managedRuleSets lists rule sets');
  return stripUndefined({
    name: w.optStr('name'),
    source: 'policy' as const,
    mode: w.reqOneOf('mode', ['Detection', 'Prevention'] as const),
    managedRules,
    managedRuleSets: sets,
    exclusions: readExclusions(w),
    customRules: w.has('customRules') ? readCustomRules(w, host) : w.unknown('customRules', 'WAF custom rules', 'no custom rules'),
    enabled: w.bool('enabled') ?? true,
  });
}

function readLegacy(l: Fields): WafModel {
  const version = l.oneOf('ruleSetVersion', ['2.2.9', '3.0', '3.1', '3.2'] as const);
  l.oneOf('ruleSetType', ['OWASP'] as const);
  const enabled = l.bool('enabled');
  if (!l.has('enabled')) l.issue('enabled', 'missing required field "enabled"');
  return stripUndefined({
    source: 'legacy-config' as const,
    mode: l.reqOneOf('mode', ['Detection', 'Prevention'] as const),
    managedRules: true,
    managedRuleSets: version ? [{ type: 'OWASP' as const, version }] : undefined,
    exclusions: [],
    // The legacy in-gateway configuration cannot hold custom rules: they need a WAF policy.
    customRules: [],
    enabled: enabled ?? true,
  });
}

function readRuleSets(w: Fields, host: WafHost): WafManagedRuleSetModel[] {
  const out: WafManagedRuleSetModel[] = [];
  w.arr('managedRuleSets').forEach((v, i) => {
    if (!isRecord(v)) return w.issue('managedRuleSets', `a managed rule set must be an object, got ${describe(v)}`);
    const rf = new Fields(v, `${w.at('managedRuleSets')}[${i}]`, w.sink, w.element);
    const type = rf.reqOneOf('type', ['OWASP', 'Microsoft_DefaultRuleSet', 'Microsoft_BotManagerRuleSet'] as const);
    const version = rf.str('version');
    const allowed = WAF_RULE_SET_VERSIONS[host][type];
    if (allowed.length === 0) rf.issue('type', `${HOST_NAME[host]} WAF policies do not support the ${type} rule set`);
    else if (version && !allowed.includes(version)) {
      rf.issue(
        'version',
        `${type} ${version} is not available on ${HOST_NAME[host]}; use one of ${allowed.join(', ')}`,
      );
    }
    const action = rf.oneOf('action', ['Block', 'Log', 'AnomalyScoring'] as const);
    out.push(stripUndefined({ type, version, action }));
  });
  return out;
}

function readExclusions(w: Fields): WafModel['exclusions'] {
  return w.arr('exclusions').flatMap((v, i) => {
    if (!isRecord(v)) return w.issue('exclusions', `an exclusion must be an object, got ${describe(v)}`), [];
    const ef = new Fields(v, `${w.at('exclusions')}[${i}]`, w.sink, w.element);
    const operator = ef.reqOneOf('operator', ['Equals', 'Contains', 'StartsWith', 'EndsWith', 'EqualsAny'] as const);
    const selector = ef.optStr('selector');
    if (operator !== 'EqualsAny' && !selector)
      ef.issue('selector', `an exclusion with operator ${operator} needs a selector`);
    return [stripUndefined({ matchVariable: ef.str('matchVariable'), operator, selector })];
  });
}

function readCustomRules(w: Fields, host: WafHost): WafCustomRuleModel[] {
  const seen = new Set<number>();
  return w.arr('customRules').flatMap((v, i) => {
    if (!isRecord(v)) return w.issue('customRules', `a custom rule must be an object, got ${describe(v)}`), [];
    const cf = new Fields(v, `${w.at('customRules')}[${i}]`, w.sink, w.element);
    const name = cf.str('name');
    const priority = cf.num('priority', { min: 1, max: 100 }) ?? 0;
    if (!cf.has('priority')) cf.issue('priority', 'missing required field "priority"');
    if (priority && seen.has(priority))
      cf.issue('priority', `two custom rules have priority ${priority}; priorities must be unique`);
    seen.add(priority);
    const type = cf.reqOneOf('type', ['match', 'rateLimit'] as const);
    const action = cf.reqOneOf('action', ['Allow', 'Block', 'Log', 'Redirect', 'JSChallenge'] as const);
    if (action === 'Redirect' && host !== 'frontDoor') {
      cf.issue('action', 'the Redirect action is available on Front Door only');
    }
    const conditions = cf.arr('conditions', true).flatMap((c, j) => {
      if (!isRecord(c)) return cf.issue('conditions', `a condition must be an object, got ${describe(c)}`), [];
      const mf = new Fields(c, `${cf.at('conditions')}[${j}]`, w.sink, w.element);
      const operator = mf.reqOneOf('operator', [
        'GeoMatch',
        'IPMatch',
        'Equal',
        'Contains',
        'BeginsWith',
        'EndsWith',
        'RegEx',
        'Any',
      ] as const);
      const values = mf.strArr('values', operator !== 'Any');
      if (operator === 'GeoMatch') {
        for (const code of values)
          if (!/^[A-Z]{2}$/.test(code))
            mf.issue('values', `GeoMatch takes two-letter country codes such as "DE", got "${code}"`);
      }
      return [{ variable: mf.str('variable'), operator, values, negate: mf.bool('negate') ?? false }];
    });
    let rateLimit: WafCustomRuleModel['rateLimit'];
    const rl = cf.sub('rateLimit', type === 'rateLimit');
    if (rl && type !== 'rateLimit') cf.issue('rateLimit', 'rateLimit applies to rules of type "rateLimit" only');
    if (rl && type === 'rateLimit') {
      const threshold = rl.num('threshold', { min: 1 }) ?? 0;
      if (!rl.has('threshold')) rl.issue('threshold', 'missing required field "threshold"');
      const d = rl.raw('durationMinutes');
      if (d !== 1 && d !== 5) rl.issue('durationMinutes', `"durationMinutes" must be 1 or 5, got ${describe(d)}`);
      rateLimit = { threshold, durationMinutes: d === 5 ? 5 : 1 };
    }
    return [stripUndefined({ name, priority, type, action, conditions, rateLimit })];
  });
}

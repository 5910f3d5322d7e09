/**
 * WAF policies of Application Gateway and Front Door as DSL `waf` values: mode, state, managed rule
 * sets with versions and actions, exclusions and custom rules. The two services spell the same
 * things differently (REST examples WafPolicyGet.json and FrontDoor's WafPolicyGet.json):
 *
 * | | Application Gateway | Front Door |
 * |---|---|---|
 * | state | `policySettings.state` | `policySettings.enabledState` |
 * | custom rules | `customRules[]` | `customRules.rules[]` |
 * | condition | `matchVariables[].variableName`, `negationConditon`, `matchValues` | `matchVariable`, `negateCondition`, `matchValue` |
 * | rate window | `rateLimitDuration` (`OneMin`, `FiveMins`) | `rateLimitDurationInMinutes` |
 * | set action | — | `managedRuleSets[].ruleSetAction` |
 * | exclusions | `managedRules.exclusions[]` | `managedRules.managedRuleSets[].exclusions[]` |
 */
import type { ImportContext } from '../context.js';
import { Commented, type Value } from '../design.js';
import type { AzureResource, JNode } from '../resource.js';

const SET_TYPES: Record<string, string> = {
  owasp: 'OWASP',
  microsoft_defaultruleset: 'Microsoft_DefaultRuleSet',
  // Front Door's DRS 1.0 is listed under its older name.
  defaultruleset: 'Microsoft_DefaultRuleSet',
  microsoft_botmanagerruleset: 'Microsoft_BotManagerRuleSet',
};
const SET_ACTIONS = ['Block', 'Log', 'AnomalyScoring'];
const OPERATORS: Record<string, string> = {
  geomatch: 'GeoMatch',
  ipmatch: 'IPMatch',
  equal: 'Equal',
  contains: 'Contains',
  beginswith: 'BeginsWith',
  endswith: 'EndsWith',
  regex: 'RegEx',
  any: 'Any',
};
const RULE_ACTIONS = ['Allow', 'Block', 'Log', 'Redirect', 'JSChallenge'];
const EXCLUSION_OPERATORS = ['Equals', 'Contains', 'StartsWith', 'EndsWith', 'EqualsAny'];

/** The `waf` value of a policy resource; undefined when its mode is not stated. */
export function wafPolicy(ctx: ImportContext, p: AzureResource): Record<string, Value> | undefined {
  const n = p.node;
  const mode = n.str('policySettings.mode');
  if (mode !== 'Detection' && mode !== 'Prevention') {
    ctx.note(p.id, 'policySettings.mode', 'the policy states no mode (Detection or Prevention)');
    return undefined;
  }
  const state = n.str('policySettings.state') ?? n.str('policySettings.enabledState');
  const sets = n.list('managedRules.managedRuleSets');
  const managed = sets.flatMap((s) => managedSet(ctx, p, s));
  const exclusions = [
    ...n.list('managedRules.exclusions').map((x) => exclusion(x)),
    ...sets.flatMap((s) => s.list('exclusions').map((x) => exclusion(x, s.str('ruleSetType')))),
  ].filter((x): x is Value => x !== undefined);
  const rulesNode = n.at('customRules');
  const rules = Array.isArray(rulesNode?.value) ? n.list('customRules') : n.list('customRules.rules');
  const custom = rules.map((r) => customRule(ctx, p, r)).filter((x): x is Value => x !== undefined);
  return {
    name: p.name,
    mode,
    ...(state ? { enabled: state.toLowerCase() !== 'disabled' } : {}),
    ...managedField(n.at('managedRules') !== undefined, sets.length, managed),
    ...(exclusions.length > 0 ? { exclusions } : {}),
    ...(n.at('customRules') ? { customRules: custom } : {}),
  };
}

/**
 * Managed rule sets the DSL can name; none listed means managed rules are off. Sets listed but none
 * of a type the DSL knows (e.g. only the HTTP DDoS rule set) leave the field unknown.
 */
function managedField(stated: boolean, listed: number, managed: Value[]): Record<string, Value> {
  if (!stated) return {};
  if (managed.length > 0) return { managedRuleSets: managed };
  return listed === 0 ? { managedRules: false } : {};
}

function managedSet(ctx: ImportContext, p: AzureResource, s: JNode): Value[] {
  const rawType = s.str('ruleSetType') ?? '';
  const type = SET_TYPES[rawType.toLowerCase()];
  const version = s.str('ruleSetVersion');
  if (!type || !version) {
    ctx.note(p.id, `managedRuleSets/${rawType}`, 'this managed rule set is not in the DSL');
    return [];
  }
  const action = s.str('ruleSetAction');
  return [{ type, version, ...(action && SET_ACTIONS.includes(action) ? { action } : {}) }];
}

function exclusion(x: JNode, scope?: string): Value | undefined {
  const matchVariable = x.str('matchVariable');
  const operator = x.str('selectorMatchOperator');
  if (!matchVariable || !operator || !EXCLUSION_OPERATORS.includes(operator)) return undefined;
  const selector = x.str('selector');
  const scoped = scope ?? x.list('exclusionManagedRuleSets')[0]?.str('ruleSetType');
  const v: Record<string, Value> = { matchVariable, operator, ...(selector ? { selector } : {}) };
  // The DSL's exclusions apply to every managed rule set; say where Azure narrows one down.
  return scoped ? new Commented(v, `applies to ${scoped} only in Azure`) : v;
}

function customRule(ctx: ImportContext, p: AzureResource, r: JNode): Value | undefined {
  const name = r.str('name') ?? 'rule';
  const state = r.str('state') ?? r.str('enabledState');
  if (state && state.toLowerCase() === 'disabled') {
    ctx.note(p.id, `customRules/${name}`, 'the rule is disabled, so it is not imported');
    return undefined;
  }
  const priority = r.num('priority');
  const ruleType = r.str('ruleType');
  const type = ruleType === 'MatchRule' ? 'match' : ruleType === 'RateLimitRule' ? 'rateLimit' : undefined;
  const action = r.str('action');
  if (priority === undefined || !type || !action || !RULE_ACTIONS.includes(action)) {
    ctx.note(p.id, `customRules/${name}`, `rule type ${ruleType ?? '?'} or action ${action ?? '?'} is not in the DSL`);
    return undefined;
  }
  const conditions: Value[] = [];
  for (const c of r.list('matchConditions')) {
    const cond = condition(c);
    if (!cond) {
      ctx.note(p.id, `customRules/${name}`, `operator ${c.str('operator') ?? '?'} is not in the DSL`);
      return undefined;
    }
    conditions.push(cond);
  }
  const threshold = r.num('rateLimitThreshold');
  const duration = r.num('rateLimitDurationInMinutes') ?? { OneMin: 1, FiveMins: 5 }[r.str('rateLimitDuration') ?? ''];
  const rateLimit =
    type === 'rateLimit' && threshold !== undefined && (duration === 1 || duration === 5)
      ? { rateLimit: { threshold, durationMinutes: duration } }
      : {};
  return { name, priority, type, action, conditions, ...rateLimit };
}

function condition(c: JNode): Value | undefined {
  const operator = OPERATORS[(c.str('operator') ?? '').toLowerCase()];
  const variable = c.list('matchVariables')[0]?.str('variableName') ?? c.str('matchVariable');
  if (!operator || !variable) return undefined;
  const selector = c.list('matchVariables')[0]?.str('selector') ?? c.str('selector');
  const values = c.strings('matchValues').length > 0 ? c.strings('matchValues') : c.strings('matchValue');
  const negate = c.bool('negationConditon') ?? c.bool('negateCondition');
  const v: Record<string, Value> = { variable, operator, values, ...(negate ? { negate } : {}) };
  // The DSL names the variable only; the header or cookie it selects is kept in a comment.
  return selector ? new Commented(v, `selector ${selector}`) : v;
}

/** The legacy in-gateway WAF configuration (not a policy). */
export function legacyWaf(n: JNode | undefined): Record<string, Value> | undefined {
  if (!n) return undefined;
  const enabled = n.bool('enabled');
  const mode = n.str('firewallMode');
  if (enabled === undefined || (mode !== 'Detection' && mode !== 'Prevention')) return undefined;
  const type = n.str('ruleSetType');
  const version = n.str('ruleSetVersion');
  return {
    enabled,
    mode,
    ...(type === 'OWASP' ? { ruleSetType: type } : {}),
    ...(version && ['2.2.9', '3.0', '3.1', '3.2'].includes(version) ? { ruleSetVersion: version } : {}),
  };
}

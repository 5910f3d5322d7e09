/**
 * Azure Firewall and firewall policies: tier, rule model (policy or classic), rule collections
 * (application, network, DNAT), threat intelligence, IDPS, management IP configuration and forced
 * tunneling. Rules the design does not list are unknown, never "no rules".
 */
import type {
  FirewallApplicationRuleModel,
  FirewallDnatRuleModel,
  FirewallNetworkRuleModel,
  FirewallPolicyResource,
  FirewallResource,
  FirewallRuleCollectionModel,
  FirewallRuleOrderModel,
  Id,
} from '../model/types.js';
import { parseCidr } from '../model/cidr.js';
import { Fields, describe, isRecord } from './reader.js';
import { REASONS } from './defaults.js';
import { optional, stripUndefined } from './util.js';
import type { NormalizeContext } from './context.js';

const TIERS = ['Basic', 'Standard', 'Premium'] as const;
const MODES = ['Off', 'Alert', 'Deny'] as const;

/** What the rule collections say, flattened for the rules that read FQDNs and DNAT. */
interface CollectionsRead {
  collections: FirewallRuleCollectionModel[];
  fqdns: string[];
  fqdnTags: string[];
  network: FirewallNetworkRuleModel[];
  application: FirewallApplicationRuleModel[];
  dnat: FirewallDnatRuleModel[];
}

export function readFirewallPolicy(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const tier = f.oneOf('tier', TIERS);
  const idps = f.oneOf('idps', MODES);
  if (idps !== undefined && idps !== 'Off' && tier !== undefined && tier !== 'Premium') {
    f.issue('idps', `IDPS needs the Premium tier; firewall policy "${name}" is ${tier}`);
  }
  if (f.bool('tlsInspection') === true && tier !== undefined && tier !== 'Premium') {
    f.issue('tlsInspection', `TLS inspection needs the Premium tier; firewall policy "${name}" is ${tier}`);
  }
  const base = f.has('basePolicy') ? n.ref(f.raw('basePolicy'), ['firewallPolicy'], f.at('basePolicy')) : undefined;
  if (base === id) f.issue('basePolicy', 'a firewall policy cannot inherit from itself');
  const read = f.has('ruleCollections') ? readCollections(f, 'ruleCollections') : undefined;
  if (!read) f.unknown('ruleCollections', 'rule collections of the firewall policy', 'no rules');
  const policy: FirewallPolicyResource = stripUndefined({
    id,
    kind: 'firewallPolicy' as const,
    name,
    source: { path: f.path },
    tier,
    threatIntel: f.oneOf('threatIntel', MODES) ?? f.defaulted('threatIntel', 'Alert', REASONS.firewallThreatIntel),
    idps: idps ?? (tier === 'Premium' ? f.defaulted('idps', 'Off', REASONS.firewallIdps) : undefined),
    dnsProxy: f.bool('dnsProxy'),
    tlsInspection: f.bool('tlsInspection'),
    basePolicy: base,
    ruleCollections: read?.collections,
    allowFqdns: read ? [...new Set(read.fqdns)].sort() : undefined,
    allowFqdnTags: read ? [...new Set(read.fqdnTags)].sort() : undefined,
    networkRules: read?.network,
    applicationRules: read?.application,
    dnatRules: read?.dnat ?? [],
  });
  n.add(policy);
}

export function readFirewall(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
  const nat = f.has('natGateway') ? n.ref(f.raw('natGateway'), ['natGateway'], f.at('natGateway')) : undefined;
  const hasPolicy = f.has('policy');
  const hasClassic = f.has('classicRules');
  if (hasPolicy && hasClassic) {
    f.issue('classicRules', `firewall "${name}" has both a policy and classic rules; a firewall uses one or the other`);
  }
  const policyId = hasPolicy ? n.ref(f.raw('policy'), ['firewallPolicy'], f.at('policy')) : undefined;
  const policy = policyId ? n.resources.get(policyId) : undefined;
  const pol = policy?.kind === 'firewallPolicy' ? policy : undefined;
  const stated = f.oneOf('tier', TIERS);
  const tier =
    stated ??
    (f.has('tier')
      ? undefined
      : pol?.tier
        ? f.defaulted('tier', pol.tier, REASONS.firewallTierFromPolicy)
        : f.unknown('tier', 'firewall tier'));
  if (pol?.tier && tier && pol.tier !== tier) {
    f.issue(
      'policy',
      `firewall "${name}" is ${tier} but its policy "${pol.name}" is ${pol.tier}; the tiers must match`,
    );
  }
  if (tier === 'Basic' && hasClassic)
    f.issue('classicRules', 'the Basic tier is configured through a firewall policy only');
  // The rules: from classic collections, the policy's collections, or the older shorthand fields.
  let read: CollectionsRead | undefined;
  if (hasClassic && !hasPolicy) read = readCollections(f, 'classicRules');
  else if (pol?.ruleCollections) read = policyRules(n, pol);
  // Base policies whose collections the design leaves out: their rules come first, so they stay unknown.
  const unknownBaseRules = pol ? baseChain(n, pol).filter((b) => b.ruleCollections === undefined).map((b) => b.name) : [];
  const shorthand = f.has('fqdnAllowRules') || f.has('aksFqdnTag');
  let fqdnAllowRules: string[] | undefined;
  let aksFqdnTag: boolean | undefined;
  let allowShorthand: FirewallResource['allowShorthand'];
  if (shorthand) {
    allowShorthand = {
      ...optional('fqdns', f.has('fqdnAllowRules') ? f.strArr('fqdnAllowRules') : undefined),
      ...optional('aksFqdnTag', f.bool('aksFqdnTag')),
    };
    // One half of the shorthand stated, and no rule collections: the other half is unknown, not "none".
    if (!read && !f.has('fqdnAllowRules')) f.unknown('fqdnAllowRules', 'the FQDNs the firewall allows besides the AKS FQDN tag', 'no rules');
    if (!read && !f.has('aksFqdnTag')) f.unknown('aksFqdnTag', 'whether the firewall allows the AzureKubernetesService FQDN tag', 'not allowed');
  }
  if (read || shorthand) {
    fqdnAllowRules = [...new Set([...(read?.fqdns ?? []), ...(allowShorthand?.fqdns ?? [])])].sort();
    aksFqdnTag = (allowShorthand?.aksFqdnTag ?? false) || (read?.fqdnTags.includes('AzureKubernetesService') ?? false);
  } else {
    f.unknown('fqdnAllowRules', 'firewall allow rules', 'no rules');
    f.unknown(
      'aksFqdnTag',
      'firewall allow rules (the AzureKubernetesService FQDN tag or the FQDN list)',
      'not allowed',
    );
  }
  const mgmt = f.sub('management');
  const managementSubnet = mgmt ? n.ref(mgmt.raw('subnet'), ['subnet'], mgmt.at('subnet')) : undefined;
  if (mgmt?.has('publicIp')) n.ref(mgmt.raw('publicIp'), ['publicIp'], mgmt.at('publicIp'));
  const forcedTunneling =
    f.bool('forcedTunneling') ?? f.defaulted('forcedTunneling', false, REASONS.firewallForcedTunneling);
  if (forcedTunneling && !mgmt)
    f.issue(
      'forcedTunneling',
      `forced tunneling needs a management IP configuration ("management") on firewall "${name}"`,
    );
  if (tier === 'Basic' && !mgmt)
    f.issue('management', 'the Basic tier needs a management IP configuration ("management")');
  const privateIp = f.has('privateIp') ? f.optStr('privateIp') : f.unknown('privateIp', 'private IP address');
  if (privateIp !== undefined && !/^\d{1,3}(\.\d{1,3}){3}$/.test(privateIp))
    f.issue('privateIp', `"privateIp" must be an IPv4 address, got "${privateIp}"`);
  const idps = pol?.idps;
  const fw: FirewallResource = {
    id,
    kind: 'azureFirewall',
    name,
    parent: subnet,
    source: { path: f.path },
    ...optional('tier', tier),
    subnet: subnet ?? '',
    ...optional('privateIp', privateIp),
    publicIps: f.num('publicIps', { min: 0, max: 250 }) ?? f.defaulted('publicIps', 1, REASONS.firewallPublicIps),
    ...optional('publicIpAddresses', f.has('publicIpAddresses') ? f.strArr('publicIpAddresses') : undefined),
    dnsProxy: f.bool('dnsProxy') ?? pol?.dnsProxy ?? f.defaulted('dnsProxy', false, REASONS.firewallDnsProxy),
    ...optional('fqdnAllowRules', fqdnAllowRules),
    ...optional('aksFqdnTag', aksFqdnTag),
    ...optional('allowShorthand', allowShorthand),
    ...optional('zones', f.optZones('zones')),
    threatIntel:
      f.oneOf('threatIntel', MODES) ??
      pol?.threatIntel ??
      f.defaulted('threatIntel', 'Alert', REASONS.firewallThreatIntel),
    ...optional('natGateway', nat),
    ...optional('ruleModel', hasPolicy ? ('policy' as const) : hasClassic ? ('classic' as const) : undefined),
    ...optional('policy', policyId),
    ...optional('idps', idps),
    ...optional('ruleCollections', read?.collections),
    ...optional('networkRules', read?.network),
    ...optional('applicationRules', read?.application),
    ...optional('unknownBaseRules', read && unknownBaseRules.length ? unknownBaseRules : undefined),
    dnatRules: read?.dnat ?? [],
    ...optional('managementSubnet', managementSubnet),
    forcedTunneling,
  };
  n.add(fw);
}

/** The base policies of a policy, nearest first; stops at a cycle or a reference that is not a policy. */
function baseChain(n: NormalizeContext, pol: FirewallPolicyResource): FirewallPolicyResource[] {
  const out: FirewallPolicyResource[] = [];
  const seen = new Set<Id>([pol.id]);
  for (let id = pol.basePolicy; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const b = n.resources.get(id);
    if (b?.kind !== 'firewallPolicy') break;
    out.push(b);
    id = b.basePolicy;
  }
  return out;
}

/**
 * A firewall's rules from its policy and the base policies it inherits: a parent's rules come before the child's
 * whatever their priorities (https://learn.microsoft.com/azure/firewall/rule-processing), so each base rule carries
 * how far up it sits. DNAT rules and the collections listed are the policy's own.
 */
function policyRules(n: NormalizeContext, pol: FirewallPolicyResource): CollectionsRead {
  const levels = [pol, ...baseChain(n, pol)].map((p, level) => ({ p, level }));
  const tag = <T extends FirewallRuleOrderModel>(r: T, p: FirewallPolicyResource, level: number): T =>
    level === 0 ? r : { ...r, level, inheritedFrom: p.name };
  return {
    collections: pol.ruleCollections ?? [],
    fqdns: levels.flatMap(({ p }) => p.allowFqdns ?? []),
    fqdnTags: levels.flatMap(({ p }) => p.allowFqdnTags ?? []),
    network: levels.flatMap(({ p, level }) => (p.networkRules ?? []).map((r) => tag(r, p, level))).sort(byOrder),
    application: levels.flatMap(({ p, level }) => (p.applicationRules ?? []).map((r) => tag(r, p, level))).sort(byOrder),
    dnat: pol.dnatRules,
  };
}

function readCollections(f: Fields, key: string): CollectionsRead {
  const out: CollectionsRead = { collections: [], fqdns: [], fqdnTags: [], network: [], application: [], dnat: [] };
  f.arr(key).forEach((c, i) => {
    const path = `${f.at(key)}[${i}]`;
    if (!isRecord(c)) {
      f.sink.issues.push({
        ruleId: 'structure/schema',
        message: `a rule collection must be an object, got ${describe(c)}`,
        path,
        element: f.element || undefined,
      });
      return;
    }
    const cf = new Fields(c, path, sinkOf(f), f.element);
    const type = cf.reqOneOf('type', ['application', 'network', 'dnat'] as const);
    const name = cf.str('name');
    const priority =
      cf.num('priority', { min: 100, max: 65000 }) ??
      (cf.has('priority') ? 0 : (cf.issue('priority', 'missing required field "priority"'), 0));
    const action = type === 'dnat' ? ('DNAT' as const) : cf.reqOneOf('action', ['Allow', 'Deny'] as const);
    // Classic rules have no rule collection groups; a policy's collections may name their group's priority.
    const groupPriority = cf.has('groupPriority') ? cf.num('groupPriority', { min: 100, max: 65000 }) : undefined;
    if (key === 'classicRules' && cf.has('groupPriority'))
      cf.issue('groupPriority', 'classic rules have no rule collection groups; "groupPriority" belongs to policy rule collections');
    const order = stripUndefined({
      collection: name,
      action: action === 'Deny' ? ('Deny' as const) : ('Allow' as const),
      priority,
      groupPriority: key === 'classicRules' ? undefined : groupPriority,
      level: 0,
    });
    const rules = cf.arr('rules', true);
    rules.forEach((r, j) => {
      const rpath = `${cf.at('rules')}[${j}]`;
      if (!isRecord(r)) {
        cf.issue('rules', `a rule must be an object, got ${describe(r)}`);
        return;
      }
      const rf = new Fields(r, rpath, sinkOf(f), f.element);
      const ruleName = rf.str('name');
      // A rule of a collection without a valid action (already reported) is left out of the matching.
      if (type === 'application') readAppRule(rf, { ...order, name: ruleName }, action !== undefined ? out : undefined);
      else if (type === 'network') readNetworkRule(rf, { ...order, name: ruleName }, action !== undefined ? out : undefined);
      else out.dnat.push(readDnatRule(rf, name, ruleName));
    });
    out.collections.push(stripUndefined({ type, name, priority, groupPriority: order.groupPriority, action, rules: rules.length }));
  });
  out.collections.sort((a, b) => byOrder(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  out.network.sort(byOrder);
  out.application.sort(byOrder);
  return out;
}

/**
 * Azure Firewall's processing order within one rule type (https://learn.microsoft.com/azure/firewall/rule-processing):
 * base policies' rules first, then rule collection groups by priority, then collections by priority, lower first.
 * Collections that state no group share one. Ties keep the written order (the sort is stable); the matcher does
 * not take a tie between an Allow and a Deny collection as settled.
 */
export function byOrder(
  a: { priority: number; groupPriority?: number; level?: number },
  b: { priority: number; groupPriority?: number; level?: number },
): number {
  return (b.level ?? 0) - (a.level ?? 0) || (a.groupPriority ?? 0) - (b.groupPriority ?? 0) || a.priority - b.priority;
}

type RuleOrder = FirewallRuleOrderModel;

function readAppRule(rf: Fields, order: RuleOrder, out: CollectionsRead | undefined): void {
  const protocols = rf.arr('protocols', true).flatMap((p, k): FirewallApplicationRuleModel['protocols'] => {
    const pf = isRecord(p) ? new Fields(p, `${rf.at('protocols')}[${k}]`, sinkOf(rf), rf.element) : undefined;
    if (!pf) {
      rf.issue('protocols', `a protocol must be { type, port }, got ${describe(p)}`);
      return [];
    }
    const type = pf.reqOneOf('type', ['Http', 'Https', 'Mssql'] as const);
    const port = pf.num('port', { min: 1, max: 65535 });
    if (port === undefined && !pf.has('port')) pf.issue('port', 'missing required field "port"');
    return type !== undefined && port !== undefined ? [{ type, port }] : [];
  });
  const fqdns = rf.strArr('targetFqdns');
  const tags = rf.strArr('fqdnTags');
  rf.strArr('webCategories');
  const sources = rf.has('sourceAddresses') ? readAddresses(rf, 'sourceAddresses') : undefined;
  if (!fqdns.length && !tags.length && !rf.has('webCategories'))
    rf.issue('targetFqdns', 'an application rule needs targetFqdns, fqdnTags or webCategories');
  if (out) {
    if (order.action === 'Allow') {
      out.fqdns.push(...fqdns);
      out.fqdnTags.push(...tags);
    }
    out.application.push(stripUndefined({ ...order, sourceAddresses: sources, protocols, targetFqdns: fqdns, fqdnTags: tags }));
  }
}

function readNetworkRule(rf: Fields, order: RuleOrder, out: CollectionsRead | undefined): void {
  const sources = rf.has('sourceAddresses') ? readAddresses(rf, 'sourceAddresses') : undefined;
  const addresses = rf.strArr('destinationAddresses');
  const fqdns = rf.strArr('destinationFqdns');
  // Network rules resolve FQDNs to addresses by DNS, which has no wildcard form (fqdn-filtering-network-rules).
  for (const q of fqdns.filter((x) => x.includes('*')))
    rf.issue('destinationFqdns', `"${q}": FQDNs in network rules cannot be wildcards; use an application rule for HTTP/S`);
  if (!rf.has('destinationAddresses') && !fqdns.length)
    rf.issue('destinationAddresses', 'a network rule needs destinationAddresses or destinationFqdns');
  const ports = rf.arr('destinationPorts', true).flatMap((p): string[] => {
    const ok =
      p === '*' ||
      (typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 65535) ||
      (typeof p === 'string' && /^\d+-\d+$/.test(p));
    if (!ok) rf.issue('destinationPorts', `invalid port ${describe(p)}`);
    return ok ? [String(p)] : [];
  });
  const protocols = rf.arr('protocols', true).flatMap((p): FirewallNetworkRuleModel['protocols'] => {
    if (p === 'TCP' || p === 'UDP' || p === 'ICMP' || p === 'Any') return [p];
    rf.issue('protocols', `protocol must be "TCP", "UDP", "ICMP" or "Any", got ${describe(p)}`);
    return [];
  });
  if (out) {
    if (order.action === 'Allow') out.fqdns.push(...fqdns);
    out.network.push({
      ...order,
      ...optional('sourceAddresses', sources),
      protocols,
      destinationAddresses: addresses,
      destinationFqdns: fqdns,
      destinationPorts: ports,
    });
  }
}

function readDnatRule(rf: Fields, collection: string, name: string): FirewallDnatRuleModel {
  const protocols = rf.arr('protocols', true).flatMap((p): Array<'TCP' | 'UDP'> => {
    if (p === 'TCP' || p === 'UDP') return [p];
    rf.issue('protocols', `a DNAT rule protocol must be "TCP" or "UDP", got ${describe(p)}`);
    return [];
  });
  const translatedAddress = rf.optStr('translatedAddress');
  const translatedFqdn = rf.optStr('translatedFqdn');
  if (!translatedAddress && !translatedFqdn)
    rf.issue('translatedAddress', 'a DNAT rule needs translatedAddress or translatedFqdn');
  const port = (key: string): number =>
    rf.num(key, { min: 1, max: 65535 }) ?? (rf.has(key) ? 0 : (rf.issue(key, `missing required field "${key}"`), 0));
  return stripUndefined({
    collection,
    name,
    sourceAddresses: readAddresses(rf, 'sourceAddresses'),
    destinationAddress: rf.optStr('destinationAddress'),
    destinationPort: port('destinationPort'),
    protocols,
    translatedAddress,
    translatedFqdn,
    translatedPort: port('translatedPort'),
  });
}

/** Source address lists: `*`, CIDRs or IP addresses; anything else is reported. */
function readAddresses(rf: Fields, key: string): string[] {
  const list = rf.strArr(key);
  for (const a of list) {
    if (a !== '*' && !parseCidr(a.includes('/') ? a : `${a}/32`).ok)
      rf.issue(key, `"${a}" is not "*", a CIDR or an IPv4 address`);
  }
  return list;
}

/** The sink of a Fields reader, so nested readers report into the same run. */
function sinkOf(f: Fields): Fields['sink'] {
  return f.sink;
}

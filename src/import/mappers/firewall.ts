/**
 * Mappers for Azure Firewall and firewall policies (with their rule collection groups). A policy is a
 * part of its own (`firewallPolicy`) holding its rule collections; a firewall with classic rules keeps
 * them on itself (`classicRules`).
 */
import type { Mapper, ImportContext } from '../context.js';
import { zonesOf } from '../context.js';
import { Commented, type Decl, type Value } from '../design.js';
import { lastName, type AzureResource, type JNode } from '../resource.js';
import { publicAddresses, publicIpPart } from './network.js';

const TIERS = ['Basic', 'Standard', 'Premium'];
const MODES = ['Off', 'Alert', 'Deny'];
const RCG_TYPE = 'microsoft.network/firewallpolicies/rulecollectiongroups';

export const firewallMapper: Mapper = {
  type: 'microsoft.network/azurefirewalls',
  command: 'az network firewall list',
  map(ctx, r) {
    const n = r.node;
    const cfg = n.list('ipConfigurations')[0];
    if (!cfg) throw n.error('the firewall has no ipConfigurations');
    const sub = cfg.ref('subnet');
    if (!sub) throw cfg.error('the firewall IP configuration has no subnet');
    // Tier and private IP are optional in the DSL: what Azure's JSON leaves out stays unknown.
    const tier = n.str('sku.tier');
    const privateIp = cfg.str('privateIPAddress');
    const d = ctx.design.add('azureFirewall', r.name, [r.id], `azureFirewall:${r.name}`);
    d.comments.push(r.id);
    const info = ctx.subnet(sub.value as string, sub);
    ctx.useSubnet(info, 'firewall', 100);
    const pips = n
      .list('ipConfigurations')
      .map((c) => c.ref('publicIPAddress')?.value as string | undefined)
      .filter((x): x is string => !!x);
    const addresses = publicAddresses(ctx, pips);
    for (const id of pips) publicIpPart(ctx, id);
    const policy = policyOf(ctx, r);
    const classic = policy || n.str('firewallPolicy.id') ? undefined : classicRules(ctx, r);
    const threat = n.str('threatIntelMode');
    const nat = info.decl.spec.natGateway;
    d.spec = {
      name: r.name,
      ...(tier && TIERS.includes(tier) ? { tier } : {}),
      subnet: info.decl,
      ...(privateIp ? { privateIp } : {}),
      ...(policy ? { policy } : {}),
      ...(classic ? { classicRules: classic } : {}),
      ...managementOf(ctx, n),
      publicIps: pips.length,
      ...(addresses ? { publicIpAddresses: addresses } : {}),
      ...(!policy ? classicDnsProxyField(n) : {}),
      ...(zonesOf(n) ? { zones: zonesOf(n) } : {}),
      // With a policy, the policy's threat-intelligence mode applies (and is written there).
      ...(!policy && threat && MODES.includes(threat) ? { threatIntel: threat } : {}),
      ...(nat ? { natGateway: nat } : {}),
    };
    if (!policy && !classic) {
      ctx.todos.push(
        `${r.name}: its policy or rules were not in the input, so its rules are left out (see docs/import.md)`,
      );
    }
    return d;
  },
};

/** The management IP configuration (AzureFirewallManagementSubnet and its public IP). */
function managementOf(ctx: ImportContext, n: JNode): { management?: Value } {
  const m = n.at('managementIpConfiguration');
  const sub = m?.ref('subnet');
  if (!m || !sub) return {};
  const info = ctx.subnet(sub.value as string, sub);
  ctx.useSubnet(info, 'firewall-management', 100);
  const pipId = m.ref('publicIPAddress')?.value;
  const pip = typeof pipId === 'string' ? publicIpPart(ctx, pipId) : undefined;
  return { management: { subnet: info.decl, ...(pip ? { publicIp: pip } : {}) } };
}

function policyOf(ctx: ImportContext, fw: AzureResource): Decl | undefined {
  const ref = fw.node.ref('firewallPolicy');
  if (!ref) return undefined;
  const p = ctx.find(ref.value as string);
  const d = p ? ctx.part(p) : undefined;
  if (!d) {
    ctx.note(
      fw.id,
      'firewallPolicy',
      `policy ${lastName(ref.value as string)} is not in the input (az network firewall policy list)`,
    );
  }
  return d;
}

/** Classic (rules on the firewall) DNS proxy setting. */
function classicDnsProxyField(n: JNode): { dnsProxy?: boolean } {
  const v = n.at('additionalProperties')?.value;
  if (typeof v !== 'object' || v === null) return {};
  const s = (v as Record<string, unknown>)['Network.DNS.EnableProxy'];
  return s === 'true' || s === true ? { dnsProxy: true } : s === 'false' || s === false ? { dnsProxy: false } : {};
}

export const firewallPolicyMapper: Mapper = {
  type: 'microsoft.network/firewallpolicies',
  command: 'az network firewall policy list',
  map(ctx, r) {
    const n = r.node;
    const d = ctx.design.add('firewallPolicy', r.name, [r.id], `firewallPolicy:${r.name}`);
    d.comments.push(r.id);
    const tier = n.str('sku.tier');
    const threat = n.str('threatIntelMode');
    const idps = n.str('intrusionDetection.mode');
    const dnsProxy = n.bool('dnsSettings.enableProxy');
    const baseRef = n.ref('basePolicy');
    const base = baseRef ? ctx.find(baseRef.value as string) : undefined;
    const baseDecl = base ? ctx.part(base) : undefined;
    if (baseRef && !baseDecl)
      ctx.note(r.id, 'basePolicy', `parent policy ${lastName(baseRef.value as string)} is not in the input`);
    const collections = policyCollections(ctx, r);
    d.spec = {
      name: r.name,
      ...(tier && TIERS.includes(tier) ? { tier } : {}),
      ...(threat && MODES.includes(threat) ? { threatIntel: threat } : {}),
      ...(idps && MODES.includes(idps) ? { idps } : {}),
      ...(dnsProxy !== undefined ? { dnsProxy } : {}),
      // TLS inspection is configured by giving the policy an intermediate CA.
      ...(n.at('transportSecurity.certificateAuthority') ? { tlsInspection: true } : {}),
      ...(baseDecl ? { basePolicy: baseDecl } : {}),
      ...(collections ? { ruleCollections: collections } : {}),
    };
    if (!collections) {
      d.comments.push(
        'TODO(aksnet import): the rule collection groups were not in the input, so ruleCollections is left out ' +
          '(unknown); add the output of `az network firewall policy rule-collection-group list`',
      );
    }
    return d;
  },
};

/**
 * Rule collections of a policy's groups, in group then collection priority order, each with its group's priority
 * (`groupPriority`); undefined when not in the input.
 */
function policyCollections(ctx: ImportContext, policy: AzureResource): Value[] | undefined {
  const groups = ctx.children(RCG_TYPE, policy.id);
  const listed = policy.node.list('ruleCollectionGroups').length;
  if (groups.length === 0 && listed > 0) {
    ctx.note(
      policy.id,
      'ruleCollectionGroups',
      'rule collection groups are not in the input (az network firewall policy rule-collection-group list)',
    );
    return undefined;
  }
  if (groups.length < listed) {
    ctx.note(policy.id, 'ruleCollectionGroups', `${listed - groups.length} of ${listed} groups are not in the input`);
    return undefined;
  }
  const out: Value[] = [];
  const sorted = [...groups].sort((a, b) => (a.node.num('priority') ?? 0) - (b.node.num('priority') ?? 0));
  for (const g of sorted) {
    ctx.use(g);
    // The group's priority orders its collections before their own priorities do (rule-processing).
    const groupPriority = g.node.num('priority');
    g.node.list('ruleCollections').forEach((c) => out.push(...collection(ctx, policy.id, c, undefined, groupPriority)));
  }
  return out;
}

/** Classic rule collections of a firewall without a policy; undefined when Azure's JSON lists none of them. */
function classicRules(ctx: ImportContext, fw: AzureResource): Value[] | undefined {
  const n = fw.node;
  const keys = ['applicationRuleCollections', 'networkRuleCollections', 'natRuleCollections'];
  if (keys.every((k) => n.get(k) === undefined)) return undefined;
  const out: Value[] = [];
  for (const c of n.list('applicationRuleCollections')) out.push(...collection(ctx, fw.id, c, 'application'));
  for (const c of n.list('networkRuleCollections')) out.push(...collection(ctx, fw.id, c, 'network'));
  for (const c of n.list('natRuleCollections')) out.push(...collection(ctx, fw.id, c, 'dnat'));
  return out;
}

type CollectionType = 'application' | 'network' | 'dnat';

/**
 * One Azure rule collection as DSL collections. A policy filter collection holds application or
 * network rules (Azure keeps one rule type per collection); a NAT collection holds DNAT rules.
 */
function collection(ctx: ImportContext, owner: string, c: JNode, classic?: CollectionType, groupPriority?: number): Value[] {
  const name = c.str('name') ?? 'collection';
  const priority = c.num('priority');
  if (priority === undefined) throw c.error(`rule collection ${name} has no priority`);
  const kind = c.str('ruleCollectionType');
  const action = c.str('action.type') ?? c.str('action');
  const byType = new Map<CollectionType, Value[]>();
  const add = (t: CollectionType, v: Value | undefined) => {
    if (v !== undefined) byType.set(t, [...(byType.get(t) ?? []), v]);
  };
  for (const rule of c.list('rules')) {
    const rt = rule.str('ruleType');
    const t: CollectionType | undefined =
      classic ??
      (rt === 'ApplicationRule'
        ? 'application'
        : rt === 'NetworkRule'
          ? 'network'
          : rt === 'NatRule'
            ? 'dnat'
            : undefined);
    if (!t) {
      ctx.note(owner, `ruleCollections/${name}`, `rule type ${rt ?? 'unknown'} is not in the DSL`);
      continue;
    }
    add(
      t,
      t === 'application' ? appRule(ctx, owner, rule) : t === 'network' ? netRule(ctx, owner, rule) : dnatRule(rule),
    );
  }
  if (byType.size === 0) {
    const t: CollectionType = classic ?? (kind === 'FirewallPolicyNatRuleCollection' ? 'dnat' : 'network');
    byType.set(t, []);
  }
  const out: Value[] = [];
  for (const [t, rules] of byType) {
    const cname = byType.size > 1 ? `${name}-${t}` : name;
    const head = { type: t, name: cname, priority, ...(groupPriority !== undefined ? { groupPriority } : {}) };
    if (t === 'dnat') out.push({ ...head, rules });
    else {
      const a = action?.toLowerCase() === 'deny' ? 'Deny' : action?.toLowerCase() === 'allow' ? 'Allow' : undefined;
      if (!a) throw c.error(`rule collection ${name} has no action (Allow or Deny)`);
      out.push({ ...head, action: a, rules });
    }
  }
  return out;
}

const APP_PROTOCOLS = ['Http', 'Https', 'Mssql'];

function appRule(ctx: ImportContext, owner: string, r: JNode): Value | undefined {
  const name = r.str('name') ?? 'rule';
  const protocols = r
    .list('protocols')
    .map((p) => ({ type: p.str('protocolType') ?? p.str('type'), port: p.num('port') }))
    .filter((p) => p.type && APP_PROTOCOLS.includes(p.type) && p.port !== undefined) as Array<Record<string, Value>>;
  if (r.strings('targetUrls').length > 0)
    ctx.note(
      owner,
      `rules/${name}`,
      'target URLs (TLS inspection) are not in the DSL; the rule is imported without them',
    );
  const sources = r.strings('sourceAddresses');
  if (r.strings('sourceIpGroups').length > 0)
    ctx.note(owner, `rules/${name}`, 'IP groups are not in the DSL; the rule is imported with its addresses only');
  return {
    name,
    ...(sources.length ? { sourceAddresses: sources } : {}),
    protocols,
    ...(r.strings('targetFqdns').length ? { targetFqdns: r.strings('targetFqdns') } : {}),
    ...(r.strings('fqdnTags').length ? { fqdnTags: r.strings('fqdnTags') } : {}),
    ...(r.strings('webCategories').length ? { webCategories: r.strings('webCategories') } : {}),
  };
}

const IP_PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'Any'];

function netRule(ctx: ImportContext, owner: string, r: JNode): Value | undefined {
  const name = r.str('name') ?? 'rule';
  const protocols = (r.strings('ipProtocols').length ? r.strings('ipProtocols') : r.strings('protocols'))
    .map((p) => IP_PROTOCOLS.find((x) => x.toLowerCase() === p.toLowerCase()))
    .filter((p): p is string => !!p);
  const ports: Value[] = r.strings('destinationPorts').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (r.strings('destinationIpGroups').length > 0 || r.strings('sourceIpGroups').length > 0)
    ctx.note(owner, `rules/${name}`, 'IP groups are not in the DSL; the rule is imported with its addresses only');
  const sources = r.strings('sourceAddresses');
  return {
    name,
    ...(sources.length ? { sourceAddresses: sources } : {}),
    ...(r.strings('destinationAddresses').length ? { destinationAddresses: r.strings('destinationAddresses') } : {}),
    ...(r.strings('destinationFqdns').length ? { destinationFqdns: r.strings('destinationFqdns') } : {}),
    destinationPorts: ports,
    protocols,
  };
}

function dnatRule(r: JNode): Value | undefined {
  const name = r.str('name') ?? 'rule';
  const port = Number(r.strings('destinationPorts')[0] ?? r.num('destinationPort'));
  const translatedPort = r.num('translatedPort');
  if (!Number.isInteger(port) || translatedPort === undefined)
    throw r.error(`DNAT rule ${name} needs one destination port and a translatedPort`);
  const protocols = (r.strings('ipProtocols').length ? r.strings('ipProtocols') : r.strings('protocols'))
    .map((p) => p.toUpperCase())
    .filter((p) => p === 'TCP' || p === 'UDP');
  const sources = r.strings('sourceAddresses').filter((s) => s !== '');
  const dest = r.strings('destinationAddresses')[0];
  const rule: Record<string, Value> = {
    name,
    ...(sources.length ? { sourceAddresses: sources } : {}),
    ...(dest && dest !== '*' ? { destinationAddress: dest } : {}),
    destinationPort: port,
    protocols,
    ...(r.str('translatedAddress') ? { translatedAddress: r.str('translatedAddress')! } : {}),
    ...(r.str('translatedFqdn') ? { translatedFqdn: r.str('translatedFqdn')! } : {}),
    translatedPort,
  };
  return r.strings('destinationPorts').length > 1
    ? new Commented(rule, 'Azure lists several destination ports; the DSL takes one per DNAT rule')
    : rule;
}

export const ruleGroupDetail: Mapper = {
  type: RCG_TYPE,
  command: 'az network firewall policy rule-collection-group list',
};

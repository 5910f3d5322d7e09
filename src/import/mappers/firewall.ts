/** Mapper for Azure Firewall, reading its firewall policy and rule collection groups when present. */
import type { Mapper, ImportContext } from '../context.js';
import { zonesOf } from '../context.js';
import { lastName, type AzureResource, type JNode } from '../resource.js';
import { publicAddresses } from './network.js';

const TIERS = ['Basic', 'Standard', 'Premium'];
const THREAT = ['Off', 'Alert', 'Deny'];

export const firewallMapper: Mapper = {
  type: 'microsoft.network/azurefirewalls',
  command: 'az network firewall list',
  map(ctx, r) {
    const n = r.node;
    const tier = n.str('sku.tier');
    if (!tier || !TIERS.includes(tier)) throw n.error('the firewall has no sku.tier (Basic, Standard or Premium)');
    const cfg = n.list('ipConfigurations')[0];
    if (!cfg) throw n.error('the firewall has no ipConfigurations');
    const sub = cfg.ref('subnet');
    if (!sub) throw cfg.error('the firewall IP configuration has no subnet');
    const privateIp = cfg.str('privateIPAddress');
    if (!privateIp) throw cfg.error('the firewall IP configuration has no privateIPAddress');
    const d = ctx.design.add('azureFirewall', r.name, [r.id], `azureFirewall:${r.name}`);
    d.comments.push(r.id);
    const info = ctx.subnet(sub.value as string, sub);
    ctx.useSubnet(info, 'firewall', 100);
    const pips = n
      .list('ipConfigurations')
      .map((c) => c.ref('publicIPAddress')?.value as string | undefined)
      .filter((x): x is string => !!x);
    const addresses = publicAddresses(ctx, pips);
    const policy = policyOf(ctx, r);
    const threat = policy?.node.str('threatIntelMode') ?? n.str('threatIntelMode');
    const dnsProxy = policy ? policy.node.bool('dnsSettings.enableProxy') : classicDnsProxy(n);
    const rules = allowRules(ctx, r, policy);
    const nat = info.decl.spec.natGateway;
    d.spec = {
      name: r.name,
      tier,
      subnet: info.decl,
      privateIp,
      publicIps: pips.length,
      ...(addresses ? { publicIpAddresses: addresses } : {}),
      ...(dnsProxy !== undefined ? { dnsProxy } : {}),
      ...(rules ? { fqdnAllowRules: rules.fqdns, aksFqdnTag: rules.aksTag } : {}),
      ...(zonesOf(n) ? { zones: zonesOf(n) } : {}),
      ...(threat && THREAT.includes(threat) ? { threatIntel: threat } : {}),
      ...(nat ? { natGateway: nat } : {}),
    };
    if (!rules) {
      ctx.todos.push(
        `${r.name}: its rules were not in the input, so fqdnAllowRules and aksFqdnTag are left out ` +
          '(see docs/import.md)',
      );
    }
    return d;
  },
};

function policyOf(ctx: ImportContext, fw: AzureResource): AzureResource | undefined {
  const ref = fw.node.ref('firewallPolicy');
  if (!ref) return undefined;
  const p = ctx.use(ctx.find(ref.value as string));
  if (!p) {
    ctx.note(
      fw.id,
      'firewallPolicy',
      `policy ${lastName(ref.value as string)} is not in the input (az network firewall policy list)`,
    );
  }
  return p;
}

/** Classic (rules on the firewall) DNS proxy setting. */
function classicDnsProxy(n: JNode): boolean | undefined {
  const v = n.at('additionalProperties')?.value;
  if (typeof v !== 'object' || v === null) return undefined;
  const s = (v as Record<string, unknown>)['Network.DNS.EnableProxy'];
  return s === 'true' || s === true ? true : s === 'false' || s === false ? false : undefined;
}

/**
 * FQDNs allowed by application and network rules of Allow collections, and whether the AKS FQDN
 * tag is allowed; undefined when the rules are not in the input (unknown, not "none").
 */
function allowRules(
  ctx: ImportContext,
  fw: AzureResource,
  policy: AzureResource | undefined,
): { fqdns: string[]; aksTag: boolean } | undefined {
  const fqdns = new Set<string>();
  let aksTag = false;
  let known = false;
  const collect = (coll: JNode, action: string | undefined): void => {
    if (action?.toLowerCase() !== 'allow') return;
    for (const rule of coll.list('rules')) {
      for (const f of [...rule.strings('targetFqdns'), ...rule.strings('destinationFqdns')]) fqdns.add(f);
      if (rule.strings('fqdnTags').some((t) => t.toLowerCase() === 'azurekubernetesservice')) aksTag = true;
    }
  };
  if (policy) {
    const groups = ctx.children('microsoft.network/firewallpolicies/rulecollectiongroups', policy.id);
    const listed = policy.node.list('ruleCollectionGroups').length;
    if (groups.length > 0 && groups.length >= listed) known = true;
    else if (listed > 0)
      ctx.note(
        fw.id,
        'firewallPolicy/ruleCollectionGroups',
        'rule collection groups are not in the input (az network firewall policy rule-collection-group list)',
      );
    else known = true;
    for (const g of groups) {
      ctx.use(g);
      for (const c of g.node.list('ruleCollections')) collect(c, c.str('action.type'));
    }
  } else {
    const classic = [...fw.node.list('applicationRuleCollections'), ...fw.node.list('networkRuleCollections')];
    known =
      fw.node.get('applicationRuleCollections') !== undefined || fw.node.get('networkRuleCollections') !== undefined;
    for (const c of classic) collect(c, c.str('action.type'));
  }
  return known ? { fqdns: [...fqdns].sort(), aksTag } : undefined;
}

export const policyDetail: Mapper = {
  type: 'microsoft.network/firewallpolicies',
  command: 'az network firewall policy list',
};
export const ruleGroupDetail: Mapper = {
  type: 'microsoft.network/firewallpolicies/rulecollectiongroups',
  command: 'az network firewall policy rule-collection-group list',
};

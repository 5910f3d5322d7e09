/**
 * The inventory lines of a design's context section for the parts a reviewer asks about beyond the
 * paths: firewall policies and rule collections, WAF policies, Front Door routes, Traffic Manager,
 * Private Link Services, public IPs, cluster add-ons, upgrade settings, and parts nothing uses.
 * Unknown facts are said to be not stated, never guessed.
 */
import { unstatedShorthand } from '../model/firewall.js';
import { dnsServerSubnets } from '../model/dns.js';
import { counted } from './plural.js';
import type { ModelQuery } from '../model/query.js';
import type { FirewallResource, FirewallRuleCollectionModel, WafModel } from '../model/types.js';
import type { ElementFact } from './alike-rows.js';

const RULE_SET: Record<string, string> = {
  OWASP: 'OWASP CRS',
  Microsoft_DefaultRuleSet: 'DRS',
  Microsoft_BotManagerRuleSet: 'Bot Manager',
};

export function inventoryFacts(q: ModelQuery): ElementFact[] {
  const out: ElementFact[] = [];
  const add = (label: string, value: string, about?: string): void => {
    if (value) out.push({ label, value, ...(about ? { about } : {}) });
  };
  for (const fw of q.all('azureFirewall')) add(`Firewall ${fw.name}`, firewallText(fw, q), fw.name);
  for (const r of [...q.all('frontDoor'), ...q.all('applicationGateway'), ...q.all('agc')]) {
    if (r.waf) add(`WAF of ${r.name}`, wafText(r.waf), r.name);
  }
  for (const fd of q.all('frontDoor')) {
    if (!fd.routes.length) continue;
    const routes = fd.routes.map((r) => {
      const origins = r.origins.map((o) => {
        const lock =
          o.lockdown === undefined
            ? 'lockdown not stated'
            : o.lockdown.length
              ? `locked by ${o.lockdown.join(' + ')}`
              : 'not locked down';
        return `${o.name} (${o.originKind}, ${o.connection === 'private-link' ? 'Private Link' : `public, ${lock}`})`;
      });
      const redirect =
        r.httpsRedirect === undefined ? '' : r.httpsRedirect ? ', HTTP→HTTPS redirect' : ', no HTTPS redirect';
      return `${r.name}${redirect} → ${origins.join(', ')}`;
    });
    add(
      `Front Door ${fd.name} routes`,
      `${routes.join('; ')}${fd.minTlsVersion ? `; minimum TLS ${fd.minTlsVersion}` : ''}`,
      fd.name,
    );
  }
  for (const tm of q.all('trafficManager')) {
    add(
      `Traffic Manager ${tm.name}`,
      `${tm.routingMethod} routing to ` +
        tm.endpoints.map((e) => (e.target ? q.name(e.target) : (e.hostName ?? e.name))).join(', '),
    );
  }
  for (const pls of q.all('privateLinkService')) {
    const vis =
      pls.visibility === undefined
        ? 'visibility not stated'
        : pls.visibility === '*'
          ? 'visible to anyone with its alias'
          : `visible to ${counted(pls.visibility.length, 'subscription')}`;
    add(
      `Private Link Service ${pls.name}`,
      `${vis}; ${counted(pls.autoApproval.length, 'auto-approved subscription')}; ` +
        `${counted(pls.natIpCount, 'NAT IP')} in ${q.name(pls.subnet)}`,
      pls.name,
    );
  }
  for (const ip of q.all('publicIp')) {
    const zones =
      ip.zones === undefined ? 'zones not stated' : ip.zones.length ? `zones ${ip.zones.join('/')}` : 'no zone';
    const ddos =
      ip.ddosIpProtection === undefined
        ? 'DDoS IP Protection not stated'
        : ip.ddosIpProtection
          ? 'DDoS IP Protection on'
          : 'no DDoS IP Protection';
    add(`Public IP ${ip.name}`, `${ip.sku}, ${zones}, ${ddos}${ip.address ? `, ${ip.address}` : ''}`, ip.name);
  }
  for (const c of q.all('cluster')) {
    const a = c.addons;
    const on = [
      a.openServiceMesh && 'Open Service Mesh (retired)',
      a.aadPodIdentity && 'AAD pod identity (deprecated)',
      a.httpApplicationRouting && 'HTTP application routing (retired)',
      a.appRouting && 'application routing',
      a.istioRevision && `Istio add-on ${a.istioRevision}`,
      c.networkIsolated && 'network-isolated',
    ].filter((x): x is string => typeof x === 'string');
    add(`Add-ons of ${c.name}`, on.join(', '), c.name);
    const upgrades = q
      .pools(c.id)
      .filter((p) => p.osSku || p.orchestratorVersion || p.maxUnavailable)
      .map(
        (p) =>
          `${p.name}: ` +
          [
            p.osSku,
            p.orchestratorVersion && `Kubernetes ${p.orchestratorVersion}`,
            `max surge ${p.maxSurge}`,
            p.maxUnavailable && `max unavailable ${p.maxUnavailable}`,
          ]
            .filter(Boolean)
            .join(', '),
      );
    add(`Node pool OS and upgrades of ${c.name}`, upgrades.join('; '), c.name);
  }
  add('Created but not used', unused(q).join('; '));
  return out;
}

/** The shorthand allow rules, saying which half is not stated. */
function shorthandText(fw: FirewallResource): string {
  const open = unstatedShorthand(fw);
  const fqdns = open.fqdns ? 'allowed FQDNs not stated' : counted(fw.fqdnAllowRules?.length ?? 0, 'allowed FQDN');
  const tag = open.aksFqdnTag ? '; AKS FQDN tag not stated' : fw.aksFqdnTag ? ' and the AKS FQDN tag' : '';
  return `${fqdns}${tag}`;
}

function firewallText(fw: FirewallResource, q: ModelQuery): string {
  const rules =
    fw.ruleCollections === undefined
      ? fw.fqdnAllowRules === undefined
        ? 'rules not stated'
        : shorthandText(fw)
      : collectionsText(fw.ruleCollections);
  const parts = [
    fw.tier ?? 'tier not stated',
    fw.ruleModel === 'policy' ? `policy ${q.name(fw.policy)}` : fw.ruleModel === 'classic' ? 'classic rules' : '',
    rules,
    `threat intelligence ${fw.threatIntel}`,
    fw.idps ? `IDPS ${fw.idps}` : '',
    fw.dnatRules.length
      ? 'DNAT ' +
        fw.dnatRules
          .map((d) => `${d.destinationPort}→${d.translatedAddress ?? d.translatedFqdn ?? '?'}:${d.translatedPort}`)
          .join(', ')
      : '',
    fw.forcedTunneling ? 'forced tunneling' : '',
    fw.managementSubnet ? `management IP configuration in ${q.name(fw.managementSubnet)}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function collectionsText(list: FirewallRuleCollectionModel[]): string {
  const n = (t: string): number => list.filter((c) => c.type === t).length;
  const kinds = `${n('application')} application, ${n('network')} network, ${n('dnat')} DNAT`;
  return `${counted(list.length, 'rule collection')}: ${kinds}`;
}

export function wafText(w: WafModel): string {
  const sets =
    w.managedRuleSets === undefined
      ? w.managedRules === undefined
        ? 'managed rules not stated'
        : w.managedRules
          ? 'managed rules on'
          : 'no managed rules'
      : w.managedRuleSets.length
        ? w.managedRuleSets
            .map((s) => `${RULE_SET[s.type] ?? s.type} ${s.version}${s.action ? ` (${s.action})` : ''}`)
            .join(', ')
        : 'no managed rule sets';
  const custom =
    w.customRules === undefined
      ? 'custom rules not stated'
      : w.customRules.length
        ? `${counted(w.customRules.length, 'custom rule')} ` +
          `(${w.customRules.filter((r) => r.type === 'rateLimit').length} rate limit, ` +
          `${w.customRules.filter((r) => r.conditions.some((c) => c.operator === 'GeoMatch')).length} geo-match)`
        : 'no custom rules';
  const what =
    w.source === 'legacy-config' ? 'legacy in-gateway WAF configuration' : `policy${w.name ? ` ${w.name}` : ''}`;
  return `${what}, ${w.enabled ? w.mode : 'disabled'}, ${sets}, ${counted(w.exclusions.length, 'exclusion')}, ${custom}`;
}

/** Route tables, NSGs and NAT gateways no subnet uses; subnets nothing is in; controllers on no path. */
export function unused(q: ModelQuery): string[] {
  const subnets = q.all('subnet');
  const used = (kind: 'routeTable' | 'nsg' | 'natGateway'): Set<string> =>
    new Set(
      subnets.flatMap((s) => (kind === 'routeTable' ? s.routeTable : kind === 'nsg' ? s.nsg : s.natGateway) ?? []),
    );
  const out: string[] = [];
  const rts = used('routeTable');
  for (const c of q.all('cluster')) if (c.network.routeTable) rts.add(c.network.routeTable);
  for (const r of q.all('routeTable')) if (!rts.has(r.id)) out.push(`route table ${r.name}`);
  const nsgs = used('nsg');
  for (const r of q.all('nsg')) if (!nsgs.has(r.id)) out.push(`NSG ${r.name}`);
  const nats = used('natGateway');
  for (const fw of q.all('azureFirewall')) if (fw.natGateway) nats.add(fw.natGateway);
  for (const c of q.all('cluster')) if (c.outbound.type === 'userAssignedNATGateway') nats.add(c.outbound.natGateway);
  for (const r of q.all('natGateway')) if (!nats.has(r.id) && r.parent === undefined) out.push(`NAT gateway ${r.name}`);
  const occupied = new Set(q.model.resources.map((r) => r.parent).filter(Boolean));
  for (const pe of q.all('privateEndpoint')) occupied.add(pe.subnet);
  for (const p of q.all('nodePool')) {
    occupied.add(p.subnet);
    if (p.podSubnet) occupied.add(p.podSubnet);
  }
  for (const fw of q.all('azureFirewall')) if (fw.managementSubnet) occupied.add(fw.managementSubnet);
  for (const pls of q.all('privateLinkService')) occupied.add(pls.subnet);
  // A VNet's custom DNS server address in a subnet means something answers there (a resolver endpoint, a DNS VM).
  for (const id of dnsServerSubnets(q)) occupied.add(id);
  for (const s of subnets) if (!occupied.has(s.id)) out.push(`subnet ${s.name} (nothing in it)`);
  for (const ic of q.all('ingressController'))
    if (!ic.onPath) out.push(`ingress controller ${ic.name} (on no ingress path)`);
  return out;
}

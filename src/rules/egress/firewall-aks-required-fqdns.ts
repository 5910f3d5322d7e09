import { cidr, containsIp, isPrivateRange } from '../../model/cidr.js';
import { routingOf } from '../../model/egress.js';
import type { ModelQuery } from '../../model/query.js';
import { routeFor } from '../../model/routing.js';
import { egressSourcesVia, firewallAllows, networkAllows, rulesProperty, unknownFact, type FlowVerdict, type NetworkNeed } from '../../model/firewall.js';
import type { ClusterResource, FirewallResource, ResourceOf } from '../../model/types.js';
import { defineRule, type Dependency, type RuleContext } from '../../validate/rule.js';
import { FIREWALL_RULE_READS, egressDeps, mergeDeps, policyDeps } from './_reads.js';
import { clustersVia } from './_egress.js';

/**
 * Outbound FQDNs every AKS cluster in global Azure needs, from the "Azure Global required FQDN /
 * application rules" table. `packages.aks.azure.com` is the successor of `acs-mirror.azureedge.net`;
 * both are listed while the table lists both.
 */
export const AKS_REQUIRED_FQDNS = [
  'mcr.microsoft.com',
  '*.data.mcr.microsoft.com',
  'mcr-0001.mcr-msedge.net',
  'management.azure.com',
  'login.microsoftonline.com',
  'packages.microsoft.com',
  'acs-mirror.azureedge.net',
  'packages.aks.azure.com',
] as const;

/**
 * The FQDNs a cluster needs: the common list, plus the API server's `*.hcp.<region>.azmk8s.io` when
 * nodes reach a public API server over the internet. Private clusters reach it over private
 * networking, and with API Server VNet Integration nodes always use the internal load balancer's
 * private IP, so neither needs it.
 */
export function requiredFqdns(c: ClusterResource): string[] {
  const list: string[] = [...AKS_REQUIRED_FQDNS];
  if (c.apiServer.mode === 'public') list.unshift(`*.hcp.${c.region}.azmk8s.io`);
  return list;
}

/**
 * The "Azure Global required network rules" of the outbound rules page, and which of them the check asks for:
 * - UDP 1194 and TCP 9000 to the region (`*`, `AzureCloud.<region>`, regional CIDRs or the API server's public IP)
 *   carry the node ↔ control plane tunnel. The page says neither is needed for private clusters or clusters with the
 *   konnectivity agent; with API Server VNet Integration nodes reach the API server in their own VNet without a
 *   tunnel. So they are asked of public clusters that state `konnectivity: false`; unstated, the check is unverified.
 * - UDP 123 (NTP) is not needed for nodes provisioned after March 2021, which every node of a supported Kubernetes
 *   version is: not asked.
 * - UDP 53 to custom DNS servers: asked when a node subnet's route to one of its VNet's DNS servers leads through
 *   the firewall (a DNS server reached over peering or locally does not cross it).
 * - TCP 443 to the API server's public IP: only for workloads that call the API server by IP; the design does not
 *   say which do (and the FQDN annotation avoids it), so not asked.
 */
export const TUNNEL_PORTS = [
  { protocol: 'UDP', port: 1194 },
  { protocol: 'TCP', port: 9000 },
] as const;

/**
 * Whether a destination entry can be the cluster region's control plane: its service tag (yes), or a public range
 * (maybe: the API server's public IP and the regional CIDRs cannot be told apart from other public addresses in a
 * design; an Allow rule to one is taken as meant for it, a Deny rule to one leaves the question open). A private
 * range cannot be it.
 */
function regionDestination(region: string): NetworkNeed['covers'] {
  const want = region.toLowerCase().replace(/[\s-]/g, '');
  return (d) => {
    const tag = /^azurecloud(?:\.(.+))?$/i.exec(d);
    if (tag) return tag[1] === undefined || tag[1].toLowerCase().replace(/[\s-]/g, '') === want ? 'yes' : 'no';
    const r = cidr(d.includes('/') ? d : `${d}/32`);
    return r !== undefined && !isPrivateRange(r) ? 'maybe' : 'no';
  };
}

/** The custom DNS servers a cluster's node subnets reach through the firewall (by their effective routes). */
function dnsServersViaFirewall(q: ModelQuery, c: ClusterResource, fw: FirewallResource): string[] {
  const routing = routingOf(q.model);
  const out = new Set<string>();
  for (const s of q.nodeSubnets(c.id)) {
    const table = routing.get(s.id);
    const vnet = s.vnet ? q.getAs(s.vnet, 'vnet') : undefined;
    if (!table || !vnet) continue;
    for (const ip of vnet.dnsServers) {
      // The firewall as DNS server (DNS proxy) is a destination, not a hop; Azure DNS is reached from the host.
      if (ip === fw.privateIp || ip === '168.63.129.16') continue;
      const r = routeFor(table, ip);
      if (r?.nextHopType === 'VirtualAppliance' && r.nextHopResource === fw.id) out.add(ip);
    }
  }
  return [...out].sort();
}

/** The firewall's fields a verdict reads: its rules (its own or its policy's) and its private IP (a DNS proxy is no hop). */
const FIREWALL_READS = [...FIREWALL_RULE_READS, 'privateIp'];

/**
 * What a verdict on a firewall for one cluster rests on besides the firewall: its policies' rules; the cluster's API
 * server and region (what it needs) and egress path (through the firewall, from which subnets); the DNS servers of
 * the node subnets' VNets.
 */
function dependencies(q: ModelQuery, fw: FirewallResource, c: ClusterResource): Dependency[] {
  return mergeDeps(
    [
      ...policyDeps(q, fw.id),
      { element: c.id, reads: ['apiServer', 'region'] },
      ...egressDeps(q, c.id, ['cidr']),
      ...q.nodeSubnets(c.id).map((s) => ({ element: s.vnet, reads: ['dnsServers'] })),
    ],
    fw.id,
  );
}


function apiServerText(c: ClusterResource): string {
  return c.apiServer.mode === 'public'
    ? 'public API server'
    : c.apiServer.mode === 'private'
      ? 'private cluster'
      : 'API Server VNet Integration';
}

/** Where network rules are written (the shorthand holds none): the firewall's policy, or its classic collections. */
function collectionsProperty(fw: FirewallResource): 'policy' | 'classicRules' {
  return fw.ruleModel === 'policy' ? 'policy' : 'classicRules';
}

/** The required network rules (tunnel ports, DNS to custom servers) for one cluster behind one firewall. */
function checkNetworkRules(ctx: RuleContext, fw: FirewallResource, c: ClusterResource): void {
  const tunnel = c.apiServer.mode === 'public' && c.apiServer.konnectivity !== true;
  const dns = dnsServersViaFirewall(ctx.q, c, fw);
  const at = { reads: FIREWALL_READS, dependsOn: dependencies(ctx.q, fw, c) };
  if (!tunnel && dns.length === 0) return;
  if (fw.networkRules === undefined) {
    // The shorthand (aksFqdnTag, fqdnAllowRules) says nothing about network rules.
    const needs = [
      ...(tunnel ? ['UDP 1194 and TCP 9000 to the region'] : []),
      ...(dns.length ? [`UDP 53 to DNS server ${dns.join(', ')}`] : []),
    ];
    if (tunnel && c.apiServer.mode === 'public' && c.apiServer.konnectivity === undefined) {
      ctx.unverified({
        element: c.id,
        property: 'apiServer.konnectivity',
        reads: ['apiServer', 'region'],
        fact: 'konnectivity agent (whether a konnectivity-agent pod runs in kube-system)',
        check:
          `Azure Firewall ${fw.name} lets ${c.name} reach its control plane (without the konnectivity agent, ` +
          'nodes need UDP 1194 and TCP 9000 to the region)',
      });
      return;
    }
    ctx.unverified({
      element: fw.id,
      reads: FIREWALL_READS,
      property: collectionsProperty(fw),
      fact: 'network rules (rule collections of the firewall or its policy)',
      check: `Azure Firewall ${fw.name} allows ${needs.join(' and ')} for ${c.name}`,
    });
    return;
  }
  const sources = egressSourcesVia(ctx.q, c, fw.id, ['nodes']);
  const property = collectionsProperty(fw);
  /** Reports what the rules block with a Deny rule, and leaves open what they cannot settle. */
  const settle = (needs: Array<{ text: string; v: FlowVerdict }>, effect: string) => {
    const blocked = needs.filter((n) => n.v.verdict === 'denied' && n.v.blockedBy.length > 0);
    if (blocked.length > 0) {
      const text = blocked.map((n) => n.text).join(' and ');
      const deny = [...new Set(blocked.flatMap((n) => (n.v.verdict === 'denied' ? n.v.blockedBy : [])))].join(' and ');
      ctx.report({
        messageId: 'blockedNetwork',
        data: { firewall: fw.name, cluster: c.name, needs: text, deny, effect },
        element: fw.id,
        ...at,
        property,
        evidence: { firewall: fw.name, cluster: c.name, blocked: text, blockedBy: deny },
      });
    }
    for (const n of needs) {
      if (n.v.verdict !== 'unknown') continue;
      ctx.unverified({
        element: fw.id,
        reads: FIREWALL_READS,
        property,
        fact: unknownFact(n.v.rules, n.v.facts),
        check: `Azure Firewall ${fw.name} allows ${n.text} for ${c.name}`,
      });
    }
  };
  if (tunnel) {
    const covers = regionDestination(c.region);
    const tag = `AzureCloud.${c.region}`;
    const verdicts = TUNNEL_PORTS.map((t) => ({
      t,
      text: `${t.protocol} ${t.port} to ${tag}`,
      v: networkAllows(fw, { ...t, covers, what: `the control plane of ${c.name}`, sources }),
    }));
    const open = verdicts.filter((x) => x.v.verdict !== 'allowed');
    if (open.length > 0 && c.apiServer.mode === 'public' && c.apiServer.konnectivity === undefined) {
      ctx.unverified({
        element: c.id,
        property: 'apiServer.konnectivity',
        reads: ['apiServer', 'region'],
        fact: 'konnectivity agent (whether a konnectivity-agent pod runs in kube-system)',
        check:
          `Azure Firewall ${fw.name} lets ${c.name} reach its control plane: without the konnectivity agent it also ` +
          `needs ${open.map((m) => `${m.t.protocol} ${m.t.port}`).join(' and ')} to the region`,
      });
    } else {
      const missing = verdicts.filter((x) => x.v.verdict === 'denied' && x.v.blockedBy.length === 0);
      if (missing.length > 0) {
        const ports = missing.map((m) => `${m.t.protocol} ${m.t.port}`).join(' and ');
        ctx.report({
          messageId: 'missingTunnelPorts',
          data: { firewall: fw.name, cluster: c.name, ports, tag },
          element: fw.id,
          ...at,
          property,
          evidence: { firewall: fw.name, cluster: c.name, missing: ports },
        });
      }
      settle(verdicts, 'nodes cannot reach the control plane tunnel');
    }
  }
  const dnsVerdicts = dns.map((ip) => {
    const need: NetworkNeed = {
      protocol: 'UDP',
      port: 53,
      covers: (d) => {
        const r = cidr(d.includes('/') ? d : `${d}/32`);
        return r !== undefined && containsIp(r, ip) ? 'yes' : 'no';
      },
      what: `DNS server ${ip}`,
      sources,
    };
    return { ip, text: `UDP 53 to DNS server ${ip}`, v: networkAllows(fw, need) };
  });
  const dnsMissing = dnsVerdicts.filter((x) => x.v.verdict === 'denied' && x.v.blockedBy.length === 0).map((x) => x.ip);
  if (dnsMissing.length > 0) {
    ctx.report({
      messageId: 'missingDnsRule',
      data: { firewall: fw.name, cluster: c.name, servers: dnsMissing.join(', ') },
      element: fw.id,
      ...at,
      property,
      evidence: { firewall: fw.name, cluster: c.name, dnsServers: dnsMissing.join(', ') },
    });
  }
  settle(dnsVerdicts, 'nodes cannot resolve names');
}

export default defineRule({
  meta: {
    id: 'egress/firewall-aks-required-fqdns',
    title: 'The egress firewall allows the FQDNs and network rules AKS itself needs',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Nodes pull system images from MCR (and its CDN-backed storage), download Kubernetes and CNI binaries and ' +
      'packages, and talk to Azure Resource Manager and Microsoft Entra ID while they boot, scale and upgrade; nodes ' +
      'of a cluster with a public API server also reach it at *.hcp.<region>.azmk8s.io. If the firewall on the ' +
      'egress path allows neither the AzureKubernetesService FQDN tag nor these FQDNs over HTTPS 443 from the ' +
      'nodes, node provisioning and upgrades fail (a tag rule for HTTP 80 only, or for other source addresses, ' +
      'does not help). Some needs are network rules: a public cluster without the konnectivity agent tunnels to its ' +
      'control plane over UDP 1194 and TCP 9000, and nodes whose custom DNS servers sit behind the firewall need ' +
      'UDP 53 to them. ' +
      'Azure Firewall processes network rules before application rules, a base policy\'s rules before its ' +
      "child's, then rule collection groups and collections by priority; the first rule that matches decides, so a " +
      'Deny collection that comes first blocks these needs even when a later rule allows them. ' +
      'NTP (UDP 123) is no longer required for nodes provisioned after March 2021. The same needs hold behind a ' +
      "network virtual appliance, whose rules the design does not model: they are asked as an open question.",
    fix:
      'Allow the AzureKubernetesService FQDN tag in an application rule for Https:443 from the node subnets ' +
      '(aksFqdnTag: true): it carries the whole list and follows its changes. Otherwise list every required FQDN. A public cluster without the konnectivity ' +
      'agent also needs network rules for UDP 1194 and TCP 9000 to the region (AzureCloud.<region>); state ' +
      "apiServer: { mode: 'public', konnectivity: true } when the agent runs. Private and VNet-integrated clusters " +
      'need neither those nor *.hcp. Allow UDP 53 to custom DNS servers the firewall sits in front of. Narrow a Deny ' +
      'collection that blocks any of these, or give the allowing collection a lower priority number (a Deny network ' +
      'rule runs before every application rule).',
    example:
      "azureFirewall({ name: 'afw-hub', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', aksFqdnTag: true });",
    references: [
      {
        title: 'Outbound network and FQDN rules for AKS clusters',
        url: 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress',
      },
      {
        title: 'Control egress traffic using Azure Firewall in AKS',
        url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic',
      },
      {
        title: 'Azure Firewall rule processing logic',
        url: 'https://learn.microsoft.com/azure/firewall/rule-processing',
      },
      {
        title: 'API Server VNet Integration',
        url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
      },
      {
        title: 'AKS FAQ: how the control plane communicates with nodes (konnectivity)',
        url: 'https://learn.microsoft.com/azure/aks/faq',
      },
    ],
    messages: {
      missingFqdns:
        'Azure Firewall {{firewall}} is the egress path of {{cluster}} ({{apiServer}}) but allows neither the ' +
        'AzureKubernetesService FQDN tag nor {{count}} of the {{total}} FQDNs the cluster needs: {{missing}}',
      notHttps:
        'Azure Firewall {{firewall}} is the egress path of {{cluster}} ({{apiServer}}) and names the ' +
        'AzureKubernetesService FQDN tag, but no allow rule lets the nodes reach {{count}} of the {{total}} FQDNs ' +
        'the cluster needs over HTTPS 443{{sources}}: {{missing}}. The rules that name them: {{near}}',
      missingTunnelPorts:
        'Azure Firewall {{firewall}} is the egress path of {{cluster}} (public API server without the konnectivity ' +
        'agent) but no network rule allows {{ports}} to {{tag}}; nodes cannot reach the control plane tunnel',
      nvaBlocks:
        '{{nva}} is the egress path of {{clusters}}, and the design states that its rules do not allow what AKS ' +
        'needs ({{needs}}); nodes cannot pull images, join the cluster or reach the control plane',
      missingDnsRule:
        'Azure Firewall {{firewall}} sits between the nodes of {{cluster}} and their custom DNS server ' +
        '{{servers}}, but no network rule allows UDP 53 to it; nodes cannot resolve names',
      blockedFqdns:
        'Azure Firewall {{firewall}} is the egress path of {{cluster}} ({{apiServer}}), but {{deny}}, the first rule ' +
        'that matches, blocks {{count}} of the {{total}} FQDNs the cluster needs over HTTPS 443{{sources}}: {{missing}}',
      blockedNetwork:
        'Azure Firewall {{firewall}} blocks {{needs}} for {{cluster}} with {{deny}}, the first rule that matches; ' +
        '{{effect}}',
    },
  },
  check(ctx) {
    for (const fw of ctx.q.all('azureFirewall')) {
      const clusters = clustersVia(ctx.q, fw.id);
      if (clusters.length === 0) continue;
      // The FQDN tag covers application rules only; the network rules are checked either way.
      for (const c of clusters) checkNetworkRules(ctx, fw, c);
      if (fw.fqdnAllowRules === undefined) {
        const names = clusters.map((c) => c.name).join(', ');
        ctx.unverified({
          element: fw.id,
          reads: FIREWALL_READS,
          property: 'aksFqdnTag',
          check: `Azure Firewall ${fw.name} lets ${names} reach the FQDNs AKS needs`,
        });
        continue;
      }
      // One finding per cluster: what a cluster needs depends on its API server mode and region.
      for (const c of clusters) checkFqdns(ctx, fw, c);
    }
    for (const nva of ctx.q.all('nva')) {
      const clusters = clustersVia(ctx.q, nva.id);
      if (clusters.length === 0 || nva.allowsAksEgress === true) continue;
      const needs =
        'HTTPS 443 to ' +
        [...new Set(clusters.flatMap(requiredFqdns))].join(', ') +
        (clusters.some((c) => c.apiServer.mode === 'public' && c.apiServer.konnectivity !== true)
          ? ', and UDP 1194 and TCP 9000 to the region for a public API server without the konnectivity agent'
          : '');
      const names = clusters.map((c) => c.name).join(', ');
      if (nva.allowsAksEgress === false) {
        ctx.report({
          messageId: 'nvaBlocks',
          data: { nva: nvaText(nva), clusters: names, needs },
          element: nva.id,
          property: 'allowsAksEgress',
          // The appliance's answer (and vendor, in the message); the clusters' egress paths through it, API servers and
          // regions (what they need).
          reads: ['allowsAksEgress', 'vendor'],
          dependsOn: mergeDeps(clusters.flatMap((c) => [...egressDeps(ctx.q, c.id), { element: c.id, reads: ['apiServer', 'region'] }]), nva.id),
          evidence: { nva: nva.name, allowsAksEgress: false },
        });
        continue;
      }
      // An appliance's rule base is not modelled: its owner answers this in allowsAksEgress.
      ctx.unverified({ element: nva.id, property: 'allowsAksEgress', reads: ['allowsAksEgress', 'vendor'], check: `${nvaText(nva)} lets ${names} reach what AKS needs: ${needs}` });
    }
  },
});

/** "network virtual appliance nva-pan (Palo Alto VM-Series)". */
function nvaText(nva: ResourceOf<'nva'>): string {
  return `network virtual appliance ${nva.name}${nva.vendor ? ` (${nva.vendor})` : ''}`;
}

/** The required FQDNs, over HTTPS 443 from the node subnets that reach the firewall, for one cluster. */
function checkFqdns(ctx: RuleContext, fw: FirewallResource, c: ClusterResource): void {
  const needed = requiredFqdns(c);
  const sources = egressSourcesVia(ctx.q, c, fw.id, ['nodes']);
  const at = { reads: FIREWALL_READS, dependsOn: dependencies(ctx.q, fw, c) };
  const verdicts = needed.map((fqdn) => ({
    fqdn,
    v: firewallAllows(fw, { fqdn, protocol: 'https', port: 443, tags: ['AzureKubernetesService'], sources }),
  }));
  // Denied because no rule lets them through, or blocked by a Deny rule that matches first: said apart.
  const missing = verdicts.filter((x) => x.v.verdict === 'denied' && x.v.blockedBy.length === 0).map((x) => x.fqdn);
  const blocked = verdicts.filter((x) => x.v.verdict === 'denied' && x.v.blockedBy.length > 0);
  const unknownRules = [...new Set(verdicts.flatMap((x) => (x.v.verdict === 'unknown' ? x.v.rules : [])))];
  const unknownFacts = [...new Set(verdicts.flatMap((x) => (x.v.verdict === 'unknown' ? x.v.facts : [])))];
  const apiServer = apiServerText(c);
  const data = { firewall: fw.name, cluster: c.name, apiServer, count: missing.length, total: needed.length };
  const evidence = { firewall: fw.name, cluster: c.name, missing: missing.join(', '), missingCount: missing.length };
  if (missing.length > 0 && !fw.aksFqdnTag) {
    ctx.report({
      messageId: 'missingFqdns',
      data: { ...data, missing: missing.join(', ') },
      element: fw.id,
      ...at,
      property: 'aksFqdnTag',
      evidence,
    });
  } else if (missing.length > 0) {
    // The tag is named, but not for HTTPS 443 from the nodes: say what the rules that name it do allow.
    const near = new Set(verdicts.flatMap((x) => (x.v.verdict === 'denied' && x.v.blockedBy.length === 0 ? x.v.near : [])));
    ctx.report({
      messageId: 'notHttps',
      data: {
        ...data,
        missing: missing.join(', '),
        sources: sources.length ? ` from ${sources.join(', ')}` : '',
        near: [...near].join('; '),
      },
      element: fw.id,
      ...at,
      property: rulesProperty(fw, true),
      evidence,
    });
  }
  if (blocked.length > 0) {
    const deny = [...new Set(blocked.flatMap((x) => (x.v.verdict === 'denied' ? x.v.blockedBy : [])))].join(' and ');
    const list = blocked.map((x) => x.fqdn).join(', ');
    ctx.report({
      messageId: 'blockedFqdns',
      data: { ...data, count: blocked.length, deny, sources: sources.length ? ` from ${sources.join(', ')}` : '', missing: list },
      element: fw.id,
      ...at,
      property: rulesProperty(fw, true),
      evidence: { firewall: fw.name, cluster: c.name, blocked: list, blockedCount: blocked.length, blockedBy: deny },
    });
  }
  if (unknownRules.length > 0 || unknownFacts.length > 0) {
    ctx.unverified({
      element: fw.id,
      reads: FIREWALL_READS,
      property: rulesProperty(fw, true),
      fact: unknownFact(unknownRules, unknownFacts),
      check: `Azure Firewall ${fw.name} lets the nodes of ${c.name} reach the FQDNs AKS needs`,
    });
  }
}

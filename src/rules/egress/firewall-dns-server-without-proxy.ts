import { cidr, containsIp } from '../../model/cidr.js';
import type { FirewallResource, VnetResource } from '../../model/types.js';
import type { ModelQuery } from '../../model/query.js';
import type { Dependency } from '../../validate/rule.js';
import { defineRule } from '../../validate/rule.js';

/** The clusters with a node pool in a subnet of `v`, by name. */
function clustersIn(q: ModelQuery, v: VnetResource): string[] {
  const out: string[] = [];
  for (const c of q.all('cluster')) {
    if (q.pools(c.id).some((p) => q.getAs(p.subnet, 'subnet')?.vnet === v.id)) out.push(c.name);
  }
  return out;
}

/** Where the firewall's DNS proxy setting comes from, in words, and the elements that decide it. */
function proxySetting(q: ModelQuery, fw: FirewallResource): { setting: string; dependsOn: Dependency[] } {
  const dependsOn: Dependency[] = [{ element: fw.id, reads: ['privateIp', 'dnsProxy', 'policy'] }];
  const pol = q.getAs(fw.policy, 'firewallPolicy');
  if (pol) dependsOn.push({ element: pol.id, reads: ['dnsProxy'] });
  if (q.isDefaulted(fw.id, 'dnsProxy')) {
    const where = pol ? `neither the firewall nor its policy ${pol.name} states dnsProxy` : 'the design does not state dnsProxy';
    return { setting: `DNS proxy off (the platform default: ${where})`, dependsOn };
  }
  if (pol?.dnsProxy === false) return { setting: `DNS proxy off (set on its policy ${pol.name})`, dependsOn };
  return { setting: 'DNS proxy off', dependsOn };
}

/**
 * A VNet whose DNS server is an Azure Firewall's private IP sends every name lookup to the firewall. The firewall
 * answers DNS only with DNS proxy on (then it listens on port 53 and forwards); with it off nothing answers there, so
 * nodes and pods cannot resolve names: node bootstrapping and cluster creation fail. With other DNS servers listed too,
 * lookups sent to the firewall go unanswered and wait for a time-out before the others are tried.
 */
export default defineRule({
  meta: {
    id: 'egress/firewall-dns-server-without-proxy',
    title: 'A VNet that uses an Azure Firewall as its DNS server needs DNS proxy on that firewall',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:02'],
    rationale:
      'Azure Firewall listens for DNS queries on port 53 only when DNS proxy is enabled on it (or on its firewall ' +
      'policy); then it forwards them to its configured DNS servers. A VNet whose dnsServers list the firewall private ' +
      'IP while DNS proxy is off sends its lookups to an address where nothing answers: AKS nodes must reach their ' +
      'custom DNS servers on port 53, so they cannot resolve the API server, the container registry or any other ' +
      'name, and cluster creation and node bootstrapping fail. DNS proxy is off unless it is turned on.',
    fix:
      'Enable DNS proxy on the firewall (dnsProxy: true on the firewall or its policy), or point the VNet dnsServers ' +
      'at a resolver that answers (Azure-provided DNS, a DNS Private Resolver inbound endpoint, your DNS servers).',
    example:
      "azureFirewall({ name: 'afw-hub', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', dnsProxy: true });\n" +
      "vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], dnsServers: ['10.0.0.4'], subnets: [nodes] });",
    references: [
      { title: 'Azure Firewall DNS settings (DNS proxy)', url: 'https://learn.microsoft.com/azure/firewall/dns-settings' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
      {
        title: 'AKS outbound network and FQDN rules (custom DNS servers on port 53)',
        url: 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress',
      },
    ],
    messages: {
      onlyServer:
        'VNet {{vnet}} uses Azure Firewall {{firewall}} ({{firewallIp}}) as its DNS server, but the firewall has ' +
        '{{setting}}, so it does not answer DNS queries and nothing in the VNet can resolve names{{clusters}}; enable ' +
        'DNS proxy on the firewall or its policy, or use another DNS server',
      amongServers:
        'VNet {{vnet}} lists Azure Firewall {{firewall}} ({{firewallIp}}) among its DNS servers ({{dnsServers}}), but ' +
        'the firewall has {{setting}}, so it does not answer DNS queries: lookups sent to it{{clusters}} go unanswered ' +
        'and wait for a time-out before another server is tried; enable DNS proxy on the firewall or its policy, or ' +
        'remove it from the list',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const firewalls = q.all('azureFirewall').filter((fw) => !fw.dnsProxy);
    if (firewalls.length === 0) return;
    for (const v of q.all('vnet')) {
      if (v.dnsServers.length === 0) continue;
      const silent = new Set<string>();
      const found: Array<{ fw: FirewallResource; ip: string }> = [];
      for (const fw of firewalls) {
        if (fw.privateIp === undefined) {
          // The firewall's address is unknown: a DNS server inside its subnet may be it.
          const range = cidr(q.getAs(fw.subnet, 'subnet')?.cidr ?? '');
          const server = range && v.dnsServers.find((s) => containsIp(range, s));
          if (server) {
            ctx.unverified({
              element: fw.id,
              property: 'privateIp',
              fact: 'the firewall private IP',
              check: `DNS server ${server} of VNet ${v.name} is not Azure Firewall ${fw.name}, which has DNS proxy off`,
              reads: ['privateIp', 'subnet', 'dnsProxy'],
              dependsOn: [{ element: v.id, reads: ['dnsServers'] }],
            });
          }
          continue;
        }
        if (!v.dnsServers.includes(fw.privateIp)) continue;
        silent.add(fw.privateIp);
        found.push({ fw, ip: fw.privateIp });
      }
      if (found.length === 0) continue;
      const clusters = clustersIn(q, v);
      const only = v.dnsServers.every((s) => silent.has(s));
      const names = clusters.join(', ');
      const clusterText = clusters.length === 0 ? '' : only ? ` (the nodes of cluster ${names} cannot bootstrap)` : ` (by the nodes of cluster ${names})`;
      for (const { fw, ip } of found) {
        const { setting, dependsOn } = proxySetting(q, fw);
        const evidence = {
          vnet: v.name,
          firewall: fw.name,
          firewallIp: ip,
          dnsServers: v.dnsServers.join(', '),
          dnsProxyDefaulted: q.isDefaulted(fw.id, 'dnsProxy'),
        };
        ctx.report({
          element: v.id,
          property: 'dnsServers',
          reads: ['dnsServers'],
          dependsOn,
          messageId: only ? 'onlyServer' : 'amongServers',
          data: { vnet: v.name, firewall: fw.name, firewallIp: ip, setting, dnsServers: v.dnsServers.join(', '), clusters: clusterText },
          evidence,
        });
      }
    }
  },
});

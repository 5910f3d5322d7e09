import type { VnetResource } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { FIREWALL_RULE_READS, egressDeps, mergeDeps, policyDeps } from './_reads.js';
import { clustersVia } from './_egress.js';

/**
 * DNS proxy on an egress firewall only helps when the clients send their DNS queries to it: the VNets
 * of the clusters that egress through the firewall must list its private IP as their DNS server.
 * A VNet on Azure-provided DNS certainly bypasses it (a warning); a VNet with other custom DNS servers
 * may forward to it, which the design cannot show (an info note). When the firewall's rule collections (or a base
 * policy's) are not stated, whether FQDN network rules need the proxy is asked (unverified), not judged.
 */
export default defineRule({
  meta: {
    id: 'egress/firewall-dns-proxy-clients',
    title: 'With DNS proxy on, the egress VNets use the firewall as their DNS server',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Azure Firewall resolves FQDNs in network rules itself. Unless the clients resolve names through the ' +
      'firewall (DNS proxy on, and the VNet DNS servers set to its private IP), the pods and the firewall can get ' +
      'different addresses for the same name and the firewall denies traffic its rules meant to allow; DNS proxy ' +
      'that no VNet points at does nothing. Whether the firewall has FQDN network rules is read from its rule ' +
      'collections; when they are not stated (a Resource Graph import has none), a VNet on Azure-provided DNS is an ' +
      'open question about those rules, not a finding.',
    fix:
      "Set the cluster VNets' dnsServers to the firewall's private IP (or have the custom DNS servers forward to it), " +
      'or turn DNS proxy off if FQDN network rules are not used.',
    example: "vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], dnsServers: ['10.0.0.4'], subnets: [nodes] });",
    references: [
      { title: 'Azure Firewall DNS settings (DNS proxy)', url: 'https://learn.microsoft.com/azure/firewall/dns-settings' },
      { title: 'Azure Firewall FQDN filtering in network rules', url: 'https://learn.microsoft.com/azure/firewall/fqdn-filtering-network-rules' },
    ],
    messages: {
      azureDns:
        'Azure Firewall {{firewall}} has DNS proxy on, but VNet {{vnet}} (cluster {{cluster}} egresses through the ' +
        "firewall) uses Azure-provided DNS{{defaulted}}, so its pods bypass the proxy; set the VNet's dnsServers to {{firewallIp}}",
      azureDnsNoNetworkFqdn:
        'Azure Firewall {{firewall}} has DNS proxy on, but VNet {{vnet}} (cluster {{cluster}} egresses through the ' +
        'firewall) uses Azure-provided DNS{{defaulted}}; no egress destination of the cluster needs an FQDN network rule, so ' +
        "this matters once one does: then set the VNet's dnsServers to {{firewallIp}}",
      otherDns:
        'Azure Firewall {{firewall}} has DNS proxy on, but VNet {{vnet}} (cluster {{cluster}} egresses through the ' +
        'firewall) uses DNS servers {{dnsServers}}, not the firewall ({{firewallIp}}); make sure they forward to it',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const fw of q.all('azureFirewall')) {
      if (!fw.dnsProxy) continue;
      const seen = new Set<string>();
      // DNS proxy, the private IP, and the rules (FQDN network rules): the firewall's own or its policies'.
      const reads = ['dnsProxy', 'privateIp', ...FIREWALL_RULE_READS];
      const firewall = [{ element: fw.id, reads }, ...policyDeps(q, fw.id, ['ruleCollections', 'dnsProxy'])];
      for (const c of clustersVia(q, fw.id)) {
        const vnets = new Map<string, VnetResource>();
        for (const p of q.pools(c.id)) {
          const v = q.getAs(q.getAs(p.subnet, 'subnet')?.vnet, 'vnet');
          if (v) vnets.set(v.id, v);
        }
        for (const v of vnets.values()) {
          if (seen.has(v.id)) continue;
          seen.add(v.id);
          if (fw.privateIp === undefined) {
            ctx.unverified({
              element: fw.id,
              property: 'privateIp',
              check: `VNet ${v.name} sends its DNS queries to the DNS proxy of Azure Firewall ${fw.name}`,
              fact: 'the firewall private IP',
              reads,
            });
            continue;
          }
          if (v.dnsServers.includes(fw.privateIp)) continue;
          const data = { firewall: fw.name, vnet: v.name, cluster: c.name, firewallIp: fw.privateIp };
          const evidence = { ...data, dnsServers: v.dnsServers.join(', ') };
          // The VNet's DNS servers; the firewall; the cluster's egress path (through the firewall) and pools' subnets
          // (in the VNet); the cluster's destinations (FQDN network traffic).
          const at = {
            reads: ['dnsServers'],
            dependsOn: mergeDeps([
              ...firewall,
              ...egressDeps(q, c.id),
              ...q.all('egressDestination').filter((d) => d.cluster === c.id).map((d) => ({ element: d.id, reads: ['fqdn', 'protocol', 'privateEndpoint'] })),
            ]),
          };
          // The proxy keeps client and firewall answers alike for FQDNs in *network* rules (TCP/UDP);
          // application rules match the requested host name and need no shared resolution.
          // The firewall's own Allow network rules with FQDNs need it already, whatever the declared destinations say.
          const fqdnNetwork =
            (fw.networkRules ?? []).some((r) => r.action === 'Allow' && r.destinationFqdns.length > 0) ||
            q
              .all('egressDestination')
              .some((d) => d.cluster === c.id && !d.privateEndpoint && d.fqdn && (d.protocol === 'tcp' || d.protocol === 'udp'));
          // Whether the firewall has FQDN network rules of its own cannot be told when its rule collections (or
          // those of a base policy) are not stated, as in a Resource Graph import: then ask, rather than judge.
          const rulesUnknown = (fw.networkRules === undefined && !fw.allowShorthand) || (fw.unknownBaseRules?.length ?? 0) > 0;
          if (v.dnsServers.length === 0 && !fqdnNetwork && rulesUnknown) {
            ctx.unverified({
              element: fw.id,
              property: fw.ruleModel === 'policy' ? 'policy' : 'classicRules',
              fact:
                (fw.unknownBaseRules?.length ?? 0) > 0 && fw.networkRules !== undefined
                  ? `rule collections of base policy ${fw.unknownBaseRules!.join(', ')}`
                  : 'network rules (rule collections of the firewall or its policy)',
              reads,
              check:
                `VNet ${v.name} (cluster ${c.name}) on Azure-provided DNS needs no DNS proxy of Azure Firewall ${fw.name}, ` +
                'as long as the firewall has no FQDN network rules',
            });
            continue;
          }
          if (v.dnsServers.length === 0) {
            // Say when Azure-provided DNS is the platform default of a VNet that states no DNS servers.
            const defaulted = q.isDefaulted(v.id, 'dnsServers');
            ctx.report({
              element: v.id,
              property: 'dnsServers',
              ...at,
              messageId: fqdnNetwork ? 'azureDns' : 'azureDnsNoNetworkFqdn',
              ...(fqdnNetwork ? {} : { severity: 'info' as const }),
              data: { ...data, defaulted: defaulted ? ' (the default: the VNet states no dnsServers)' : '' },
              evidence,
            });
          }
          else {
            ctx.report({
              element: v.id,
              property: 'dnsServers',
              ...at,
              messageId: 'otherDns',
              severity: 'info',
              data: { ...data, dnsServers: v.dnsServers.join(', ') },
              evidence,
            });
          }
        }
      }
    }
  },
});

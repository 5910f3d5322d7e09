import { defineRule } from '../../validate/rule.js';
import { egressDeps, mergeDeps, policyDeps } from './_reads.js';
import { clustersVia } from './_egress.js';

/** Protocols an Azure Firewall application rule (HTTP, HTTPS/TLS with SNI, MSSQL) cannot match by FQDN, so they need FQDN network rules. */
const NETWORK_RULE_PROTOCOLS = new Set(['tcp', 'udp']);

export default defineRule({
  meta: {
    id: 'egress/firewall-dns-proxy',
    title: 'FQDN network rules on the egress firewall need DNS proxy',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Application rules match HTTP and HTTPS by host name, but other TCP/UDP destinations named by FQDN must be allowed with network rules, and Azure Firewall accepts FQDNs in network rules only with DNS proxy enabled; it resolves them reliably only when it is the DNS server of the clients. ' +
      'Without DNS proxy the firewall and the pods may resolve the name to different addresses and the connection is denied.',
    fix: 'Enable DNS proxy on the firewall and point the VNet DNS servers at the firewall private IP, or reach the destination by IP/service tag.',
    example: "azureFirewall({ name: 'afw-hub', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', dnsProxy: true, fqdnAllowRules: ['smtp.example.com'] });",
    references: [
      { title: 'Azure Firewall DNS settings (DNS proxy)', url: 'https://learn.microsoft.com/azure/firewall/dns-settings' },
      { title: 'Azure Firewall FQDN filtering in network rules', url: 'https://learn.microsoft.com/azure/firewall/fqdn-filtering-network-rules' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
    messages: {
      dnsProxyOff:
        'egress destination {{destination}} ({{fqdn}}, {{protocol}}:{{port}}) of cluster {{cluster}} needs an FQDN ' +
        'network rule on Azure Firewall {{firewall}}, which has DNS proxy disabled',
      ruleDnsProxyOff:
        'network rule {{rule}} ({{collection}}) of Azure Firewall {{firewall}} allows {{fqdns}} by FQDN, but DNS ' +
        'proxy is disabled; FQDNs in network rules need it, so the rule does not work as written',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const fw of q.all('azureFirewall')) {
      if (fw.dnsProxy) continue;
      // DNS proxy off is Azure's default, but a design that leaves it out has not said it is off.
      const unstated = q.isDefaulted(fw.id, 'dnsProxy');
      const fact = 'whether DNS proxy is enabled on the firewall or its policy';
      // DNS proxy and the network rules: the firewall's own or its policies'.
      const reads = ['dnsProxy', 'policy', 'classicRules'];
      const policies = policyDeps(q, fw.id, ['ruleCollections', 'dnsProxy']);
      // The firewall's own FQDN network rules need the proxy whatever the declared destinations say.
      const rules = (fw.networkRules ?? []).filter((r) => r.action === 'Allow' && r.destinationFqdns.length > 0);
      const named = new Set<string>();
      for (const r of rules) {
        for (const f of r.destinationFqdns) named.add(f.toLowerCase());
        const fqdns = r.destinationFqdns.join(', ');
        if (unstated) {
          ctx.unverified({
            element: fw.id,
            property: 'dnsProxy',
            reads,
            fact,
            check: `network rule ${r.name} (${r.collection}) of Azure Firewall ${fw.name} can match ${fqdns} (FQDNs in network rules need DNS proxy)`,
          });
          continue;
        }
        ctx.report({
          messageId: 'ruleDnsProxyOff',
          data: { rule: r.name, collection: r.collection, fqdns, firewall: fw.name },
          element: fw.id,
          property: 'dnsProxy',
          reads,
          dependsOn: policies,
          evidence: { firewall: fw.name, rule: r.name, collection: r.collection, fqdns },
        });
      }
      for (const c of clustersVia(q, fw.id)) {
        for (const d of q.all('egressDestination')) {
          if (d.cluster !== c.id || d.privateEndpoint || !d.fqdn) continue;
          if (!NETWORK_RULE_PROTOCOLS.has(d.protocol)) continue;
          // Already reported through the rule that names it.
          if (named.has(d.fqdn.toLowerCase())) continue;
          if (unstated) {
            ctx.unverified({
              element: fw.id,
              property: 'dnsProxy',
              reads,
              fact,
              check: `egress destination ${d.name} (${d.fqdn}, ${d.protocol}:${d.port}) of ${c.name} can be allowed by an FQDN network rule on Azure Firewall ${fw.name}`,
            });
            continue;
          }
          ctx.report({
            messageId: 'dnsProxyOff',
            data: { destination: d.name, fqdn: d.fqdn, protocol: d.protocol, port: d.port, cluster: c.name, firewall: fw.name },
            element: fw.id,
            property: 'dnsProxy',
            reads,
            // The destination's FQDN, protocol and port, and the cluster's egress path that leads here.
            dependsOn: mergeDeps(
              [...policies, { element: d.id, reads: ['fqdn', 'protocol', 'port', 'privateEndpoint'] }, ...egressDeps(q, c.id)],
              fw.id,
            ),
            evidence: { firewall: fw.name, destination: d.name, fqdn: d.fqdn, protocol: d.protocol, port: d.port },
          });
        }
      }
    }
  },
});

import { defineRule } from '../../validate/rule.js';
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
      'Application rules match HTTP and HTTPS by host name, but other TCP/UDP destinations named by FQDN must be allowed with network rules, which Azure Firewall can only resolve reliably when it is the DNS server of the clients. ' +
      'Without DNS proxy the firewall and the pods may resolve the name to different addresses and the connection is denied.',
    fix: 'Enable DNS proxy on the firewall and point the VNet DNS servers at the firewall private IP, or reach the destination by IP/service tag.',
    example: "azureFirewall({ name: 'afw-hub', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', dnsProxy: true, fqdnAllowRules: ['smtp.example.com'] });",
    references: [
      { title: 'Azure Firewall DNS settings (DNS proxy)', url: 'https://learn.microsoft.com/azure/firewall/dns-settings' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
    messages: {
      dnsProxyOff:
        'egress destination {{destination}} ({{fqdn}}, {{protocol}}:{{port}}) of cluster {{cluster}} needs an FQDN ' +
        'network rule on Azure Firewall {{firewall}}, which has DNS proxy disabled',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const fw of q.all('azureFirewall')) {
      if (fw.dnsProxy) continue;
      for (const c of clustersVia(q, fw.id)) {
        for (const d of q.all('egressDestination')) {
          if (d.cluster !== c.id || d.privateEndpoint || !d.fqdn) continue;
          if (!NETWORK_RULE_PROTOCOLS.has(d.protocol)) continue;
          ctx.report({
            messageId: 'dnsProxyOff',
            data: { destination: d.name, fqdn: d.fqdn, protocol: d.protocol, port: d.port, cluster: c.name, firewall: fw.name },
            element: fw.id,
            property: 'dnsProxy',
            evidence: { firewall: fw.name, destination: d.name, fqdn: d.fqdn, protocol: d.protocol, port: d.port },
          });
        }
      }
    }
  },
});

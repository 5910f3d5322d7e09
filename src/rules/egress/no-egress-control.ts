import { defineRule } from '../../validate/rule.js';
import { isProduction } from './_egress.js';

/** What decides the cluster's egress path and its filtering; the idle timeout and port counts do not. */
const READS = ['outbound.type', 'outbound.natGateway', 'network', 'nodePools', 'managedVnet'];

export default defineRule({
  meta: {
    id: 'egress/no-egress-control',
    title: 'Production egress is filtered by a firewall, an NVA or FQDN network policies',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:10'],
    rationale:
      'Load balancer and NAT gateway outbound only translate addresses: any pod can reach any internet destination ' +
      'and nothing is logged per destination. Filtering egress through Azure Firewall or an NVA, or with FQDN network ' +
      'policies of Advanced Container Networking Services on Azure CNI powered by Cilium, limits data exfiltration and ' +
      'the blast radius of a compromised workload.',
    fix:
      'Route 0.0.0.0/0 from the node subnets to Azure Firewall (outbound type userDefinedRouting) and allow only the ' +
      'AKS-required and workload FQDNs, or enable Advanced Container Networking Services on a Cilium cluster and ' +
      'restrict pod egress with FQDN network policies (network.fqdnFiltering: true).',
    example: "cluster({ /* … */ outbound: { type: 'userDefinedRouting', via: firewall } });",
    references: [
      {
        title: 'Control egress traffic using Azure Firewall in AKS',
        url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic',
      },
      {
        title: 'Outbound network and FQDN rules for AKS clusters',
        url: 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress',
      },
      {
        title: 'FQDN filtering with Advanced Container Networking Services',
        url: 'https://learn.microsoft.com/azure/aks/container-network-security-fqdn-filtering-concepts',
      },
    ],
    messages: {
      unfiltered:
        'cluster {{cluster}} sends egress straight to the internet through {{device}} (outbound type {{outboundType}}) ' +
        'with no firewall, NVA or FQDN network policy filtering destinations{{env}}{{note}}',
    },
  },
  check(ctx) {
    const prod = isProduction(ctx.model);
    // The effective path decides: a default route to a firewall filters egress whatever the outbound type says.
    for (const p of ctx.model.egressPaths) {
      if (p.via !== 'loadBalancer' && p.via !== 'natGateway') continue;
      const c = ctx.q.getAs(p.cluster, 'cluster');
      if (!c) continue;
      const cilium = c.network.dataplane === 'cilium';
      // FQDN filtering (ACNS) filters pod egress, but only on the Cilium dataplane.
      if (cilium && c.network.fqdnFiltering === true) continue;
      if (cilium && c.network.fqdnFiltering === undefined) {
        ctx.unverified({
          element: c.id,
          property: 'network.fqdnFiltering',
          check: `egress of cluster ${c.name} (through ${p.via === 'loadBalancer' ? 'its load balancer' : 'a NAT gateway'}) is filtered by FQDN network policies`,
          fact: 'ACNS FQDN filtering of pod egress',
          reads: READS,
        });
        continue;
      }
      const env = ctx.model.metadata.environment;
      ctx.report({
        messageId: 'unfiltered',
        data: {
          cluster: c.name,
          device: p.via === 'loadBalancer' ? 'its load balancer' : 'a NAT gateway',
          outboundType: p.outboundType,
          env: env ? ` (environment: ${env})` : '',
          note:
            !cilium && c.network.fqdnFiltering
              ? '; FQDN filtering is declared but needs Azure CNI powered by Cilium'
              : '',
        },
        element: c.id,
        property: 'outbound',
        reads: READS,
        severity: prod ? 'warning' : 'info',
        evidence: { cluster: c.name, outboundType: p.outboundType, production: prod },
      });
    }
  },
});

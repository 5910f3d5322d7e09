import { AZURE_RESERVED_PER_SUBNET, azureUsable, cidr } from '../../model/cidr.js';
import type { ClusterResource, SubnetResource } from '../../model/types.js';
import { API_SERVER_IPS_PER_CLUSTER } from '../../model/capacity.js';
import { defineRule } from '../../validate/rule.js';
import { apiSubnets } from './_apisubnet.js';

/** The smallest API server subnet AKS accepts. */
export const MIN_PREFIX = 28;
/** Addresses each cluster reserves in its API server subnet: the capacity model's number, which the IP plan shows. */
export const IPS_PER_CLUSTER = API_SERVER_IPS_PER_CLUSTER;

export default defineRule({
  meta: {
    id: 'control-plane/apiserver-subnet-size',
    title: 'The API Server VNet Integration subnet is a /28 or larger, with 9 addresses per cluster that shares it',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:03', 'PE:02'],
    rationale:
      'AKS requires the delegated API server subnet to be at least a /28, and each cluster reserves at least nine ' +
      'addresses in it (internal load balancer and API server instances). Clusters in the same VNet may share the ' +
      'subnet, so it needs nine usable addresses per cluster; when it runs out, the API server cannot scale and can ' +
      'go down.',
    fix: 'Give the API server subnet at least 9 usable addresses per cluster that uses it (Azure keeps 5 per subnet): a /28 holds one cluster, a /27 three, a /26 six.',
    example: `subnet({ name: 'snet-aks-apiserver', cidr: '10.240.8.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' })`,
    references: [{ title: 'API Server VNet Integration: bring your own VNet', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' }],
    messages: {
      belowMinimum:
        'API server subnet {{subnet}} {{cidr}} of {{clusters}} is a /{{prefix}} ({{size}} addresses); API Server VNet ' +
        'Integration needs a /28 or larger',
      tooFewAddresses:
        'API server subnet {{subnet}} {{cidr}} is shared by {{count}} clusters ({{clusters}}), which reserve at least ' +
        '{{needed}} addresses (9 each), but it has {{usable}} usable; use a /{{suggested}} or give clusters their ' +
        'own subnet',
    },
  },
  check(ctx) {
    const bySubnet = new Map<string, { subnet: SubnetResource; clusters: ClusterResource[] }>();
    for (const { cluster, subnet } of apiSubnets(ctx.q)) {
      const entry = bySubnet.get(subnet.id) ?? { subnet, clusters: [] };
      entry.clusters.push(cluster);
      bySubnet.set(subnet.id, entry);
    }
    for (const { subnet, clusters } of bySubnet.values()) {
      const r = cidr(subnet.cidr);
      if (!r) continue;
      const names = clusters.map((c) => c.name).join(', ');
      // The subnet's CIDR (and name), against the clusters whose API server uses it.
      const at = {
        element: subnet.id,
        reads: ['name', 'cidr'],
        dependsOn: clusters.map((c) => ({ element: c.id, reads: ['name', 'apiServer'] })),
        property: 'cidr',
      };
      if (r.prefix > MIN_PREFIX) {
        ctx.report({
          ...at,
          messageId: 'belowMinimum',
          data: { subnet: subnet.name, cidr: subnet.cidr, clusters: names, prefix: r.prefix, size: r.size },
          evidence: { subnet: subnet.name, cidr: subnet.cidr, prefix: r.prefix, required: MIN_PREFIX },
        });
        continue;
      }
      const needed = IPS_PER_CLUSTER * clusters.length;
      const usable = azureUsable(r);
      if (usable >= needed) continue;
      // The longest prefix whose usable addresses cover the demand.
      const suggested = 32 - Math.ceil(Math.log2(needed + AZURE_RESERVED_PER_SUBNET));
      ctx.report({
        ...at,
        messageId: 'tooFewAddresses',
        data: { subnet: subnet.name, cidr: subnet.cidr, count: clusters.length, clusters: names, needed, usable, suggested },
        evidence: { subnet: subnet.name, cidr: subnet.cidr, clusters: clusters.length, needed, usable },
      });
    }
  },
});

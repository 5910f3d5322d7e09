import { defineRule } from '../../validate/rule.js';

/**
 * An Azure PaaS destination a cluster reaches by its public name, with no private endpoint: the traffic leaves the
 * VNet for the service's public endpoint, which must then stay open to the cluster's egress addresses.
 */
export default defineRule({
  meta: {
    id: 'egress/paas-public-endpoint',
    title: 'Azure PaaS services a cluster depends on are reached over private endpoints',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'A cluster that reaches a database, storage account or key vault over its public endpoint sends that traffic ' +
      "out of the VNet, and the service's public endpoint has to accept the cluster's egress addresses, so it stays " +
      'reachable from the internet. A private endpoint gives the service an address in the VNet; with public network ' +
      'access then disabled, the service is reachable only privately and its traffic never leaves Azure’s backbone ' +
      'for the public endpoint.',
    fix:
      'Add a private endpoint for the service (privateEndpoint({ subnet, target, dnsZone })) with its privatelink DNS ' +
      'zone linked to the VNet that resolves for the cluster, point the egress destination at it (privateEndpoint), ' +
      'and disable public network access on the service.',
    example:
      "const sql = paas({ name: 'sql-orders', service: 'sqlDatabase', publicNetworkAccess: false });\n" +
      "const peSql = privateEndpoint({ name: 'pe-sql-orders', subnet: peSubnet, target: sql });\n" +
      "egressDestinations: [{ name: 'Orders database', privateEndpoint: peSql, port: 1433, protocol: 'tcp', category: 'azure-paas' }]",
    references: [
      { title: 'What is a private endpoint?', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview' },
      { title: 'Azure Private Link overview', url: 'https://learn.microsoft.com/azure/private-link/private-link-overview' },
    ],
    messages: {
      publicEndpoint:
        'cluster {{cluster}} reaches Azure PaaS destination {{destination}} ({{target}}) over its public endpoint, with no ' +
        'private endpoint; the service must stay open to the cluster’s egress addresses',
    },
  },
  check(ctx) {
    for (const d of ctx.q.all('egressDestination')) {
      if (d.category !== 'azure-paas' || d.privateEndpoint) continue;
      const c = ctx.q.getAs(d.cluster, 'cluster');
      if (!c) continue;
      ctx.report({
        messageId: 'publicEndpoint',
        data: { cluster: c.name, destination: d.name, target: d.fqdn ?? d.cidr ?? 'no address stated' },
        element: d.id,
        reads: ['category', 'privateEndpoint', 'fqdn', 'cidr'],
        evidence: { cluster: c.name, destination: d.name, ...(d.fqdn ? { fqdn: d.fqdn } : {}) },
      });
    }
  },
});

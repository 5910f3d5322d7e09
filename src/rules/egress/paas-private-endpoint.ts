import type { ModelQuery } from '../../model/query.js';
import type { Id, PrivateEndpointResource, VnetResource } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';
import { mergeDeps } from './_reads.js';
import { isIsolatedBootstrapRegistry } from '../control-plane/network-isolated-byo-acr.js';
import { resolvingVnet } from './_dns.js';

/** The VNets whose workloads use the endpoint: the node VNets of clusters that egress through it, else its own VNet. */
/** What makes a VNet's resolver: its DNS servers, and the address spaces that place them in a VNet. */
function resolving(q: ModelQuery, v: VnetResource): Dependency[] {
  if (v.dnsServers.length === 0) return [{ element: v.id, reads: ['dnsServers'] }];
  return [{ element: v.id, reads: ['dnsServers'] }, ...q.all('vnet').map((x) => ({ element: x.id, reads: ['addressSpace'] }))];
}

function consumerVnets(q: ModelQuery, pe: PrivateEndpointResource): VnetResource[] {
  const ids = new Set<Id>();
  for (const d of q.all('egressDestination')) {
    if (d.privateEndpoint !== pe.id) continue;
    for (const s of q.nodeSubnets(d.cluster)) ids.add(s.vnet);
  }
  if (ids.size === 0) {
    const own = q.vnetOf(pe.subnet);
    if (own) ids.add(own.id);
  }
  return [...ids]
    .sort()
    .map((id) => q.getAs(id, 'vnet'))
    .filter((v): v is VnetResource => !!v);
}

export default defineRule({
  meta: {
    id: 'egress/paas-private-endpoint',
    title: 'PaaS services behind private endpoints disable public access and resolve through a linked privatelink zone',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:03'],
    rationale:
      'A private endpoint only keeps a service private when its public endpoint is closed: with public network ' +
      'access left on, the service stays reachable from the internet and clients that resolve the public name ' +
      'bypass the endpoint. Clients reach the endpoint only if their DNS answers the service name with the private ' +
      'address, which needs the privatelink zone linked to the VNet whose Azure DNS they use (their own, or the ' +
      'hub VNet of their custom DNS resolver).',
    fix:
      'Set publicNetworkAccess: false on the service, and link its privatelink zone to the VNet that resolves for ' +
      'the clients (the spoke with Azure DNS, or the hub that hosts the DNS resolver or firewall DNS proxy).',
    example:
      "const kvZone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [hub, spoke] });\n" +
      "const kv = paas({ name: 'kv-app', service: 'keyVault', publicNetworkAccess: false });\n" +
      "privateEndpoint({ name: 'pe-kv', subnet: peSubnet, target: kv, dnsZone: kvZone });",
    references: [
      {
        title: 'Azure Private Endpoint DNS configuration',
        url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns',
      },
      {
        title: 'Azure Private Endpoint DNS integration scenarios',
        url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns-integration',
      },
      {
        title: 'What is a private endpoint?',
        url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
      },
    ],
    messages: {
      publicAccess:
        '{{service}} {{paas}} is reached through private endpoint {{endpoint}} but keeps public network access ' +
        '{{how}}; close it so the service is reachable only privately',
      zoneNotLinked:
        'Private DNS zone {{zone}} of private endpoint {{endpoint}} is not linked to VNet {{resolver}}, which resolves ' +
        'names for {{consumer}}; {{paas}} resolves to its public address there',
      zoneNotLinkedPublicOff:
        'Private DNS zone {{zone}} of private endpoint {{endpoint}} is not linked to VNet {{resolver}}, which resolves ' +
        'names for {{consumer}}; {{paas}} resolves to its public address there, where its public network access is ' +
        'disabled, so those clients cannot reach it: link the zone to {{resolver}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const reportedPaas = new Set<Id>();
    for (const pe of q.all('privateEndpoint')) {
      const target = q.getAs(pe.target, 'paas');
      if (target && target.publicNetworkAccess === undefined && !reportedPaas.has(target.id)) {
        reportedPaas.add(target.id);
        ctx.unverified({
          element: target.id,
          property: 'publicNetworkAccess',
          check: `${target.service} ${target.name} behind private endpoint ${pe.name} has public network access closed`,
          reads: ['publicNetworkAccess', 'service'],
        });
      }
      if (target && target.publicNetworkAccess && !reportedPaas.has(target.id)) {
        reportedPaas.add(target.id);
        const defaulted = ctx.q.isDefaulted(target.id, 'publicNetworkAccess');
        ctx.report({
          messageId: 'publicAccess',
          data: {
            service: target.service,
            paas: target.name,
            endpoint: pe.name,
            how: defaulted ? 'on (the default)' : 'on',
          },
          element: target.id,
          property: 'publicNetworkAccess',
          reads: ['publicNetworkAccess', 'service'],
          dependsOn: [{ element: pe.id, reads: ['target'] }],
          evidence: { paas: target.name, endpoint: pe.name },
        });
      }
      // The bootstrap registry of a network-isolated cluster: control-plane/network-isolated-byo-acr checks its DNS
      // (as an error: the nodes cannot bootstrap without it), so it is not reported twice.
      if (target && isIsolatedBootstrapRegistry(q, target.id)) continue;
      const zone = q.getAs(pe.dnsZone, 'privateDnsZone');
      if (!zone) {
        ctx.unverified({
          element: pe.id,
          property: 'dnsZone',
          check: `clients of private endpoint ${pe.name} resolve ${q.name(pe.target)} to its private address`,
          fact: 'the private DNS zone that resolves the service name (dnsZone)',
          reads: ['dnsZone', 'target'],
        });
        continue;
      }
      if (zone.links === undefined) {
        ctx.unverified({
          element: zone.id,
          property: 'links',
          check: `private DNS zone ${zone.name} is linked to the VNets that resolve for private endpoint ${pe.name}`,
          reads: ['links'],
        });
        continue;
      }
      const links = new Set(zone.links);
      // The endpoint's zone, target and subnet; the destinations and clusters that make the consumer VNets; the
      // clusters that could make the target an isolated cluster's bootstrap registry.
      const placing = [
        { element: pe.id, reads: ['dnsZone', 'target', 'subnet'] },
        ...q.all('egressDestination').filter((d) => d.privateEndpoint === pe.id).flatMap((d) => [
          { element: d.id, reads: ['privateEndpoint'] },
          { element: d.cluster, reads: ['nodePools'] },
          ...q.pools(d.cluster).map((p) => ({ element: p.id, reads: ['subnet'] })),
        ]),
        ...q.all('cluster').map((c) => ({ element: c.id, reads: ['networkIsolated', 'bootstrapRegistry'] })),
      ];
      const done = new Set<Id>();
      for (const consumer of consumerVnets(q, pe)) {
        const resolver = resolvingVnet(q, consumer);
        if (!resolver) {
          ctx.unverified({
            element: consumer.id,
            property: 'dnsServers',
            check: `the DNS servers of VNet ${consumer.name} resolve ${zone.name} (they are outside every declared VNet)`,
            fact: `how DNS servers ${consumer.dnsServers.join(', ')} resolve private DNS zones`,
            reads: ['dnsServers'],
          });
          continue;
        }
        if (links.has(resolver.id) || done.has(resolver.id)) continue;
        done.add(resolver.id);
        ctx.report({
          // With public access off the public address refuses the clients: an outage, not a detour.
          ...(target?.publicNetworkAccess === false ? { messageId: 'zoneNotLinkedPublicOff', severity: 'error' as const } : { messageId: 'zoneNotLinked' }),
          data: {
            zone: zone.name,
            endpoint: pe.name,
            resolver: resolver.name,
            consumer: resolver.id === consumer.id ? 'its own workloads' : `VNet ${consumer.name}`,
            paas: q.name(pe.target),
          },
          element: zone.id,
          property: 'links',
          reads: ['links'],
          dependsOn: mergeDeps([...placing, ...resolving(q, consumer), ...(target ? [{ element: target.id, reads: ['publicNetworkAccess'] }] : [])], zone.id),
          evidence: { zone: zone.name, vnet: resolver.name },
        });
      }
    }
  },
});

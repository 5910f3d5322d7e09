import { defineRule } from '../../validate/rule.js';
import { routingDomains, sameDomain } from '../address/_net.js';
import { resolvingVnet, vnetHolding } from '../egress/_dns.js';
import { accessClient } from '../../model/access.js';
import { accessEntry, accessOf, zoneLinks } from './_api.js';

/** The cluster's API server (mode, zone, public FQDN), managed VNet, access paths (recorded on it) and pools. */
const CLUSTER_READS = ['name', 'apiServer', 'managedVnet', 'controlPlaneAccess', 'nodePools'];
/** A zone's name and declared links. */
const ZONE_READS = ['name', 'links'];

/**
 * kubectl on an access path resolves the private API server's name where it runs: on the VM a Bastion session opens,
 * never on Bastion (src/model/access.ts). Without a public FQDN the only record is in the cluster's private DNS zone,
 * which answers only in VNets linked to it (the cluster VNet always, src/rules/control-plane/_api.ts zoneLinks). Paths
 * that cannot reach the API server at all are control-plane/private-access-unreachable's; hybrid paths resolve on
 * premises, where the site's `dnsForwarder` says which Azure VNet answers for it.
 */
export default defineRule({
  meta: {
    id: 'control-plane/access-path-dns',
    title: 'Administrators and pipelines of a private cluster can resolve its API server name',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['operational-excellence', 'reliability'],
    waf: ['OE:08', 'RE:03'],
    rationale:
      'A private cluster without a public FQDN has one DNS record for its API server: the A record in its private DNS ' +
      'zone. Azure DNS answers from a private zone only in VNets linked to it; AKS links the zone to the cluster VNet ' +
      'itself, and the zone it creates (privateDnsZone: system) only there. A jump box (the VM a Bastion session opens) ' +
      'or self-hosted agents in a peered hub reach the API server over the peering but cannot resolve its name, so ' +
      'kubectl and pipelines fail there although the network path is open. A private VNet-integrated API server needs ' +
      'the same DNS setup for clients outside the cluster; only its nodes call the internal IP without DNS.',
    fix:
      'Link the private DNS zone to the VNet whose DNS the access path uses (bring your own privatelink.<region>.azmk8s.io ' +
      'zone with links to the hub, or add a link to the AKS-created zone), forward the zone from that VNet\'s DNS ' +
      'servers, or keep the public FQDN (publicFqdn: true), which resolves to the private IP from anywhere.',
    example:
      "const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });\n" +
      "apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }",
    references: [
      { title: 'Create a private AKS cluster: virtual network peering and private DNS', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'API Server VNet Integration: API server connectivity', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration#api-server-connectivity' },
      { title: 'Azure Bastion and VNet peering', url: 'https://learn.microsoft.com/azure/bastion/vnet-peering' },
      { title: 'What is a virtual network link?', url: 'https://learn.microsoft.com/azure/dns/private-dns-virtual-network-links' },
    ],
    messages: {
      unresolvable:
        '{{from}} ({{access}}) resolves names in VNet {{resolver}}, but {{zone}} of private cluster ' +
        '{{cluster}} is linked only to {{links}} and the cluster has no public FQDN: kubectl from {{from}} cannot ' +
        'resolve the API server',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    for (const c of q.all('cluster')) {
      const a = c.apiServer;
      // A public FQDN (the default for mode 'private') resolves to the private IP from anywhere; 'none' is
      // private-dns-none-without-public-fqdn's. A private VNet-integrated API server needs the same private DNS setup
      // for clients outside the cluster, but the DSL cannot say whether it keeps a public FQDN.
      if (a.mode === 'private' && a.publicFqdn) continue;
      const links = zoneLinks(q, c);
      if (!links) continue;
      const { zone } = links;
      const ep = q.getAs(c.apiServerEndpoint, 'apiServer');
      const epVnet = q.vnetOf(ep?.subnet);
      if (!epVnet) continue;
      for (const path of accessOf(ctx.model, c)) {
        const client = accessClient(q, path);
        if (client.kind === 'unstated') {
          ctx.unverified({
            element: c.id,
            reads: CLUSTER_READS,
            path: path.source.path,
            property: 'jumpBox',
            check: `administrators coming through Bastion ${client.bastion.name} resolve the private API server of ${c.name} where they run kubectl`,
          });
          continue;
        }
        const entry = accessEntry(q, path);
        const v = q.vnetOf(entry?.subnet);
        if (!entry || !v) continue;
        if (v.id !== epVnet.id && !sameDomain(domains, v.id, epVnet.id)) continue;
        const check = `${entry.from.name} (${path.kind}) resolves the private API server of ${c.name}`;
        // Clients on premises resolve through the site's DNS servers: the zone answers only where those forward it,
        // to a resolver or DNS server in a VNet linked to the zone (private-clusters, hybrid DNS).
        const site = entry.hybrid && entry.from.kind === 'hybridConnection' ? q.getAs(entry.from.remote, 'onPremises') : undefined;
        if (entry.hybrid && !site) continue;
        if (site && site.dnsForwarder === undefined) {
          ctx.unverified({
            element: site.id,
            reads: ['name', 'dnsForwarder'],
            property: 'dnsForwarder',
            check: `${check} from ${site.name}`,
            fact: `the address the DNS servers of ${site.name} forward the cluster's private DNS zone to (a DNS Private Resolver inbound endpoint or a DNS server in an Azure VNet)`,
          });
          continue;
        }
        const holder = site ? vnetHolding(q, site.dnsForwarder!) : v;
        if (site && !holder) {
          ctx.unverified({
            element: site.id,
            reads: ['name', 'dnsForwarder'],
            property: 'dnsForwarder',
            check: `${check} from ${site.name}`,
            fact: `how ${site.dnsForwarder} (outside every declared VNet), where ${site.name} forwards the cluster's private DNS zone, resolves it`,
          });
          continue;
        }
        const resolver = holder ? resolvingVnet(q, holder) : undefined;
        // DNS servers outside every declared VNet: how they forward the zone is unknown.
        if (!resolver) {
          const dnsVnet = holder ?? v;
          ctx.unverified({
            element: dnsVnet.id,
            reads: ['name', 'dnsServers'],
            property: 'dnsServers',
            check,
            fact: `how DNS servers ${dnsVnet.dnsServers.join(', ')} (outside every declared VNet) resolve the cluster's private DNS zone`,
          });
          continue;
        }
        if (links.linked.includes(resolver.id)) continue;
        if (!links.complete && zone) {
          ctx.unverified({ element: zone.id, reads: ZONE_READS, property: 'links', check: `${check} through zone ${zone.name} from VNet ${resolver.name}` });
          continue;
        }
        if (a.mode === 'vnet-integration') {
          ctx.unverified({
            element: c.id,
            reads: CLUSTER_READS,
            property: 'apiServer',
            check: `${check}: VNet ${resolver.name} is not linked to its private DNS zone`,
            fact:
              'whether the private VNet-integrated API server also has a public FQDN that resolves to its internal IP ' +
              "(the DSL has no field for it in mode 'vnet-integration'; link the zone to the VNet or resolve the name another way)",
          });
          continue;
        }
        const zoneName = zone ? `private DNS zone ${zone.name}` : 'the AKS-created private DNS zone';
        // Where the path enters (its client and that client's VNet, whose DNS servers and peerings decide the resolver
        // and the routing domain), the VNet holding the DNS servers, the API server's VNet, and the pools' subnets
        // (node VNets are linked by AKS; the first pool's subnet places a private API server).
        const dependsOn = [
          entry.from.id,
          ...(site ? [{ element: site.id, reads: ['name', 'dnsForwarder'] }] : []),
          ...(entry.from.kind === 'hybridConnection' ? [entry.from.gateway] : []),
          v.id,
          epVnet.id,
          { element: resolver.id, reads: ['name', 'addressSpace', 'dnsServers'] },
          ...q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          ...links.linked.map((id) => ({ element: id, reads: ['name'] })),
        ];
        const linkNames = links.linked.map((id) => q.getAs(id, 'vnet')?.name ?? id).join(', ') || 'no VNet';
        ctx.report({
          messageId: 'unresolvable',
          data: { from: entry.from.name, access: path.kind, resolver: resolver.name, zone: zoneName, cluster: c.name, links: linkNames },
          ...(zone
            ? { element: zone.id, reads: ZONE_READS, dependsOn: [{ element: c.id, reads: CLUSTER_READS }, ...dependsOn] }
            : { element: c.id, reads: CLUSTER_READS, dependsOn }),
          property: zone ? 'links' : 'apiServer.privateDnsZone',
          evidence: { from: entry.from.name, resolver: resolver.name, zone: zoneName },
        });
      }
    }
  },
});

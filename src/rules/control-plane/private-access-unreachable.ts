import { defineRule } from '../../validate/rule.js';
import { routingDomains, sameDomain } from '../address/_net.js';
import { accessClient } from '../../model/access.js';
import { accessEntry, accessOf, isPrivate } from './_api.js';

/** The cluster's API server settings, its access paths (recorded on the cluster) and its pools. */
const CLUSTER_READS = ['name', 'apiServer', 'controlPlaneAccess', 'nodePools'];

export default defineRule({
  meta: {
    id: 'control-plane/private-access-unreachable',
    title: 'Access paths to a private API server start in a network connected to it',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['operational-excellence', 'security'],
    waf: ['OE:02', 'SE:06'],
    rationale:
      'A private API server endpoint lives in the cluster VNet. A jump box (reached directly or through a Bastion session, which only opens RDP/SSH to the VM where kubectl runs), VPN gateway or self-hosted agent pool in a VNet that is neither that VNet nor peered into its hub-and-spoke estate has no route to the endpoint.',
    fix: 'Peer the access VNet with the cluster VNet (or its hub), or move the jump box / agents into a connected VNet.',
    example: `network: { peerings: [peering({ from: hub, to: spoke })] } // the jump box in the hub reaches the spoke's private endpoint`,
    references: [
      { title: 'Create a private AKS cluster: virtual network peering', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'Azure Bastion and VNet peering', url: 'https://learn.microsoft.com/azure/bastion/vnet-peering' },
    ],
    messages: {
      unreachable:
        '{{from}} ({{access}}) sits in VNet {{vnet}}, which is not connected to {{apiServerVnet}} where the ' +
        'private API server of {{cluster}} lives',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    for (const c of q.all('cluster')) {
      if (!isPrivate(c)) continue;
      const ep = q.getAs(c.apiServerEndpoint, 'apiServer');
      const epVnet = q.vnetOf(ep?.subnet);
      if (!epVnet) continue;
      for (const a of accessOf(ctx.model, c)) {
        const client = accessClient(q, a);
        if (client.kind === 'unstated') {
          ctx.unverified({
            element: c.id,
            reads: CLUSTER_READS,
            path: a.source.path,
            property: 'jumpBox',
            check: `administrators coming through Bastion ${client.bastion.name} run kubectl in a network connected to the private API server of ${c.name}`,
          });
          continue;
        }
        const entry = accessEntry(q, a);
        const from = entry?.from;
        const v = q.vnetOf(entry?.subnet);
        if (!from || !v || v.id === epVnet.id || sameDomain(domains, v.id, epVnet.id)) continue;
        ctx.report({
          messageId: 'unreachable',
          data: { from: from.name, access: a.kind, vnet: v.name, apiServerVnet: epVnet.name, cluster: c.name },
          element: c.id,
          reads: CLUSTER_READS,
          // Where the path enters (its client and that client's VNet) and the API server's VNet, whose peerings and
          // connections decide the routing domains; the pools' subnets place a private API server.
          dependsOn: [
            from.id,
            v.id,
            epVnet.id,
            ...(from.kind === 'hybridConnection' ? [from.gateway] : []),
            ...q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          ],
          path: a.source.path,
          evidence: { from: from.name, vnet: v.name, apiServerVnet: epVnet.name },
        });
      }
    }
  },
});

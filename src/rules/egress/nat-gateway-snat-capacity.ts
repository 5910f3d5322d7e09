import { NAT_GATEWAY_PORTS_PER_IP as PORTS_PER_IP } from '../../model/capacity.js';
import type { Id } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';
import { CLUSTER_EGRESS_READS, egressDeps, mergeDeps, poolCountDeps } from './_reads.js';
import { clusterScale, fmt, plural } from './_egress.js';

const MAX_ADDRESSES = 16;
/**
 * Below this many SNAT ports per node on average at maximum scale, the NAT gateway's shared inventory is smaller than
 * what a load balancer would pre-allocate to each node: a headroom estimate, not a limit, since NAT gateway hands out
 * its ports on demand to whichever node needs them.
 */
const MIN_PORTS_PER_NODE = 1024;

export default defineRule({
  meta: {
    id: 'egress/nat-gateway-snat-capacity',
    title: 'NAT gateway public addresses stay within 16, and its shared SNAT ports leave headroom at full scale',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['performance-efficiency', 'reliability'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'A NAT gateway provides 64,512 SNAT ports per public IP address and accepts at most 16 addresses (individual IPs plus prefix addresses): ' +
      'more than 16 is rejected, and zero leaves the subnet without egress. Its ports are one inventory shared on demand by every node of the subnets it serves, ' +
      'with no per-node allocation, so the ports per node at full scale are only an average; when that average is below the 1,024 a load balancer ' +
      'would pre-allocate to each node, a few busy nodes can exhaust the shared inventory for all of them.',
    fix: 'Give the NAT gateway between 1 and 16 public addresses. For headroom, size it so that addresses × 64,512 ÷ (max nodes + surge) stays at or above 1,024, or measure the SNAT connection count of the workload and size for its peak.',
    example: "const nat = natGateway({ name: 'ng-aks', publicIps: 4 }); // 258,048 ports",
    references: [
      { title: 'Create a managed or user-assigned NAT gateway for your AKS cluster', url: 'https://learn.microsoft.com/azure/aks/nat-gateway' },
      { title: 'Azure NAT Gateway overview', url: 'https://learn.microsoft.com/azure/nat-gateway/nat-overview' },
      { title: 'SNAT with Azure NAT Gateway: ports are allocated on demand', url: 'https://learn.microsoft.com/azure/nat-gateway/nat-gateway-snat' },
    ],
    messages: {
      tooManyAddresses: 'NAT gateway {{natGateway}} has {{addresses}}{{prefix}}; a NAT gateway supports at most 16',
      noAddress: 'NAT gateway {{natGateway}} has no public address, so cluster {{clusters}} has no egress through it',
      fewPortsPerNode:
        'NAT gateway {{natGateway}}: {{addresses}} × 64,512 = {{total}} SNAT ports for {{needed}} nodes ({{nodes}} ' +
        '+ {{surge}} surge of {{clusters}}) is {{perNode}} ports per node on average, below the 1,024 a load balancer ' +
        'would pre-allocate; the ports are shared on demand, so this is little headroom, not a limit',
    },
  },
  check(ctx) {
    const { q } = ctx;
    // NAT gateway -> clusters whose nodes use it.
    const users = new Map<Id, { nodes: number; surge: number; clusters: string[]; egress: Dependency[]; pools: Dependency[]; managedOf?: Id }>();
    for (const c of q.all('cluster')) {
      const o = c.outbound;
      // The NAT gateway the effective egress path really uses (a route to a firewall bypasses it).
      const path = q.egressPathOf(c.id);
      const natId: Id | undefined = path?.via === 'natGateway' ? path.hops.find((h) => q.getAs(h, 'natGateway')) : undefined;
      if (!natId || !q.getAs(natId, 'natGateway')) continue;
      const s = clusterScale(q, c);
      const u = users.get(natId) ?? { nodes: 0, surge: 0, clusters: [], egress: [], pools: [] };
      // The egress path that leads to the NAT gateway, and the pools' node counts at peak.
      u.egress.push(...egressDeps(q, c.id));
      u.pools.push(...poolCountDeps(q, c.id));
      u.nodes += s.nodes;
      u.surge += s.surge;
      u.clusters.push(c.name);
      // The AKS-managed NAT gateway exists only in an AKS-managed VNet; in the design's own VNet the path's NAT gateway
      // is the subnet's, and the finding belongs on it (egress/outbound-vnet-mode reports the outbound type).
      if ((o.type === 'managedNATGateway' || o.type === 'managedNATGatewayV2') && c.managedVnet) u.managedOf = c.id;
      users.set(natId, u);
    }
    for (const [natId, u] of users) {
      const nat = q.getAs(natId, 'natGateway')!;
      const addresses = Number.isFinite(nat.publicAddressCount) ? nat.publicAddressCount : 0;
      // An AKS-managed NAT gateway is its cluster's outbound settings; a NAT gateway of the design, its public addresses.
      const where = u.managedOf
        ? { element: u.managedOf, property: 'outbound', reads: [...CLUSTER_EGRESS_READS, 'managedVnet'], dependsOn: mergeDeps(u.egress, u.managedOf) }
        : { element: nat.id, property: 'publicIps', reads: ['publicIps', 'publicIpPrefixLength', 'publicIpResources'], dependsOn: mergeDeps(u.egress) };
      const prefixText = nat.publicIpPrefixLength !== undefined ? ` (${plural(nat.publicIps, 'IP')} + a /${nat.publicIpPrefixLength} prefix)` : '';
      const evidence = { natGateway: nat.name, publicAddresses: addresses, maxNodes: u.nodes, surgeNodes: u.surge };
      if (addresses > MAX_ADDRESSES) {
        ctx.report({
          messageId: 'tooManyAddresses',
          data: { natGateway: nat.name, addresses: plural(addresses, 'public address', 'public addresses'), prefix: prefixText },
          ...where,
          evidence,
        });
        continue;
      }
      if (addresses === 0) {
        ctx.report({
          messageId: 'noAddress',
          data: { natGateway: nat.name, clusters: u.clusters.join(', ') },
          ...where,
          evidence,
        });
        continue;
      }
      const needed = u.nodes + u.surge;
      if (needed <= 0) continue;
      const total = addresses * PORTS_PER_IP;
      const perNode = Math.floor(total / needed);
      if (perNode < MIN_PORTS_PER_NODE) {
        ctx.report({
          messageId: 'fewPortsPerNode',
          data: {
            natGateway: nat.name,
            addresses: plural(addresses, 'public address', 'public addresses'),
            total: fmt(total),
            needed: fmt(needed),
            nodes: plural(u.nodes, 'node'),
            surge: fmt(u.surge),
            clusters: u.clusters.join(', '),
            perNode: fmt(perNode),
          },
          ...where,
          // The node count comes from the pools' stated sizes and surge.
          dependsOn: mergeDeps([...where.dependsOn, ...u.pools], where.element),
          // A headroom estimate: NAT gateway has no per-node allocation to run out of.
          severity: 'info',
          evidence: { ...evidence, portsPerNode: perNode },
        });
      }
    }
  },
});

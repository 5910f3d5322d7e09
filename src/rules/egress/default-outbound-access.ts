import type { Id } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';
import { mergeDeps, routingDeps } from './_reads.js';
import { defaultRouteOf } from './_egress.js';

export default defineRule({
  meta: {
    id: 'egress/default-outbound-access',
    title: 'Subnets hosting VMs do not rely on implicit default outbound access',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:04'],
    rationale:
      "Azure's implicit default outbound access gives VMs an unannounced, shared public address that you cannot control, log or allow-list, and Microsoft is retiring it: VNets created with the API released after 2026-03-31 get private subnets by default, older VNets keep the access until their subnets are made private. " +
      'A node, jump box or build agent subnet that depends on it has an unmanaged egress path (for a network-isolated cluster it silently defeats the isolation).',
    fix: 'Set defaultOutboundAccess: false on the subnet and give it explicit egress: a NAT gateway, a 0.0.0.0/0 route to the firewall, or the cluster outbound load balancer.',
    example:
      "subnet({ name: 'snet-jumpbox', cidr: '10.0.2.0/27', defaultOutboundAccess: false, routeTable: rtToFirewall });",
    references: [
      {
        title: 'Default outbound access in Azure',
        url: 'https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access',
      },
      {
        title: 'Customize cluster egress with outbound types',
        url: 'https://learn.microsoft.com/azure/aks/egress-outboundtype',
      },
      {
        title: 'What is Azure NAT Gateway? (private subnets by default)',
        url: 'https://learn.microsoft.com/azure/nat-gateway/nat-overview',
      },
    ],
    messages: {
      implicitAccess:
        'subnet {{subnet}} ({{cidr}}) hosts {{hosts}} and keeps implicit default outbound access with no NAT gateway ' +
        'and no 0.0.0.0/0 route to an appliance{{why}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    // Subnets hosting VMs, in a stable order, with what runs there.
    const hosts = new Map<Id, string[]>();
    const isolated = new Set<Id>();
    // Per subnet, the fields of what runs there that place it there.
    const placed = new Map<Id, Dependency[]>();
    const add = (subnet: Id | undefined, what: string, ...deps: Dependency[]): void => {
      if (!subnet) return;
      placed.set(subnet, [...(placed.get(subnet) ?? []), ...deps]);
      const list = hosts.get(subnet) ?? [];
      if (!list.includes(what)) list.push(what);
      hosts.set(subnet, list);
    };
    for (const c of q.all('cluster')) {
      const explicit = c.outbound.type !== 'none' && c.outbound.type !== 'block';
      for (const s of q.nodeSubnets(c.id)) {
        if (explicit) continue; // the cluster's own outbound (LB, NAT, UDR) is explicit egress for its nodes
        const pools = q.pools(c.id).filter((p) => p.subnet === s.id).map((p) => ({ element: p.id, reads: ['subnet'] }));
        add(s.id, `nodes of cluster ${c.name}`, { element: c.id, reads: ['outbound.type', 'nodePools'] }, ...pools);
        isolated.add(s.id);
      }
    }
    for (const j of q.all('jumpBox')) add(j.subnet, `jump box ${j.name}`, { element: j.id, reads: ['subnet'] });
    for (const a of q.all('buildAgents'))
      if (a.hosting === 'self-hosted') add(a.subnet, `self-hosted build agents ${a.name}`, { element: a.id, reads: ['hosting', 'subnet'] });
    for (const [id, what] of hosts) {
      const s = q.getAs(id, 'subnet');
      if (!s || s.defaultOutboundAccess === false) continue;
      if (s.natGateway) continue;
      const d = defaultRouteOf(q, s);
      if (
        d &&
        (d.route.nextHopType === 'VirtualAppliance' ||
          d.route.nextHopType === 'VirtualNetworkGateway' ||
          d.route.nextHopType === 'None')
      )
        continue;
      // The subnet's setting, NAT gateway and routes (its CIDR is in the message); what runs there.
      const reads = ['defaultOutboundAccess', 'natGateway', 'routeTable', 'cidr'];
      if (s.defaultOutboundAccess === undefined) {
        // New VNets are private by default, older ones are not: the design must say which this is.
        ctx.unverified({
          element: s.id,
          property: 'defaultOutboundAccess',
          check: `subnet ${s.name} (${what.join(', ')}) has no implicit internet egress`,
          reads,
        });
        continue;
      }
      const why = isolated.has(id)
        ? '; the cluster is meant to be network-isolated, but default outbound access still reaches the internet'
        : '';
      ctx.report({
        messageId: 'implicitAccess',
        data: { subnet: s.name, cidr: s.cidr, hosts: what.join(', '), why },
        element: s.id,
        property: 'defaultOutboundAccess',
        reads,
        dependsOn: mergeDeps([...routingDeps(q, s.id), ...(placed.get(id) ?? [])], s.id),
        evidence: { subnet: s.name, hosts: what.join(', ') },
      });
    }
  },
});

import { defineRule } from '../../validate/rule.js';

const AKS_DELEGATION = 'Microsoft.ContainerService/managedClusters';

/**
 * Route tables and NSGs no subnet uses, and pod subnets no node pool uses. They do nothing, but a
 * reviewer reads them as controls that are in force (a route table meant to force egress through the
 * firewall, an NSG meant to filter nodes) or as address space that is spoken for.
 */
export default defineRule({
  meta: {
    id: 'address/unused-network-parts',
    title: 'Route tables, NSGs and pod subnets that are created are also used',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['operational-excellence', 'security'],
    waf: ['OE:05', 'SE:04'],
    rationale:
      'A route table or NSG takes effect only when it is associated with a subnet, and a pod subnet only holds pods ' +
      'when a node pool names it. Unused ones usually mean a forgotten association: the egress route or the filter ' +
      'the design relies on is not in force, or address space is reserved for nothing.',
    fix: 'Associate the route table or NSG with the subnet it was made for (or delete it); give the pod subnet to a node pool (podSubnet) or remove it.',
    example: "subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', purpose: 'aks-nodes', nsg: nodeNsg, routeTable: rt });",
    references: [
      { title: 'Virtual network traffic routing: associate a route table with a subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview' },
      { title: 'Network security groups: how they filter traffic', url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview' },
      { title: 'Azure CNI pod subnet (dynamic IP allocation)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet' },
    ],
    messages: {
      routeTable: 'route table {{name}} is associated with no subnet, so its routes ({{routes}}) take no effect',
      nsg: 'NSG {{name}} is associated with no subnet, so its rules filter nothing',
      podSubnet: 'subnet {{name}} ({{cidr}}) is {{why}} but no node pool uses it as its podSubnet',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const subnets = q.all('subnet');
    for (const rt of q.all('routeTable')) {
      if (subnets.some((s) => s.routeTable === rt.id)) continue;
      const n = rt.routes.length;
      ctx.report({
        element: rt.id,
        // Unused is a fact of the subnets' references; the message counts the routes.
        reads: ['routes'],
        messageId: 'routeTable',
        data: { name: rt.name, routes: n },
        evidence: { routeTable: rt.name, routes: n },
      });
    }
    for (const nsg of q.all('nsg')) {
      if (subnets.some((s) => s.nsg === nsg.id)) continue;
      ctx.report({ element: nsg.id, reads: ['name'], messageId: 'nsg', data: { name: nsg.name }, evidence: { nsg: nsg.name } });
    }
    const pools = q.all('nodePool');
    const apiServers = q.all('apiServer');
    for (const s of subnets) {
      const podPurpose = s.purposes.includes('aks-pods');
      const delegated =
        s.delegation === AKS_DELEGATION && !s.purposes.includes('aks-apiserver') && !apiServers.some((a) => a.subnet === s.id);
      if (!podPurpose && !delegated) continue;
      if (pools.some((p) => p.podSubnet === s.id || p.subnet === s.id)) continue;
      ctx.report({
        element: s.id,
        reads: ['purpose', 'delegation', 'name', 'cidr'],
        // A pool's pod subnet is kept only for the CNIs that use one, and an API server's subnet follows its mode.
        dependsOn: q.all('cluster').map((c) => ({ element: c.id, reads: ['network.cni', 'apiServer'] })),
        messageId: 'podSubnet',
        data: { name: s.name, cidr: s.cidr, why: podPurpose ? 'a pod subnet' : `delegated to ${AKS_DELEGATION}` },
        evidence: { subnet: s.name, cidr: s.cidr },
      });
    }
  },
});

import type { Id } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/kubenet-shared',
    title: 'kubenet clusters do not share node subnets or route tables',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'Each kubenet cluster owns the routes in its route table; two clusters writing into one table (or one subnet) overwrite each other’s pod routes, and AKS does not support it.',
    fix: 'Give every kubenet cluster its own node subnet and its own route table, or migrate to Azure CNI Overlay.',
    example: `const rtA = routeTable({ name: 'rt-aks-a', routes: [] });
const rtB = routeTable({ name: 'rt-aks-b', routes: [] });
// snet-aks-a uses rtA for cluster A; snet-aks-b uses rtB for cluster B`,
    references: [
      { title: 'Configure kubenet networking: limitations', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
      { title: 'AKS CNI overview', url: 'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview' },
    ],
    messages: {
      sharedSubnet: 'kubenet clusters {{other}} and {{cluster}} share node subnet {{subnet}} ({{cidr}})',
      sharedRouteTable:
        'kubenet clusters {{other}} and {{cluster}} share route table {{routeTable}}; each kubenet cluster needs ' +
        'its own',
    },
  },
  check(ctx) {
    const { q } = ctx;
    // The first cluster on a subnet or table, with what places it there (read back when a second one comes).
    const subnetOwner = new Map<Id, { name: string; deps: Dependency[] }>();
    const tableOwner = new Map<Id, { name: string; deps: Dependency[] }>();
    for (const c of q.all('cluster')) {
      if (c.network.cni !== 'kubenet') continue;
      const cluster: Dependency = { element: c.id, reads: ['network.cni', 'network.routeTable', 'nodePools'] };
      const onSubnet = (s: Id): Dependency[] => q.pools(c.id).filter((p) => p.subnet === s).map((p) => ({ element: p.id, reads: ['subnet'] }));
      const tables = new Set<Id>();
      if (c.network.routeTable) tables.add(c.network.routeTable);
      for (const s of q.nodeSubnets(c.id)) {
        if (s.routeTable) tables.add(s.routeTable);
        const deps = [cluster, ...onSubnet(s.id)];
        const owner = subnetOwner.get(s.id);
        if (owner !== undefined) {
          const other = owner.name;
          ctx.report({
            messageId: 'sharedSubnet',
            data: { other, cluster: c.name, subnet: s.name, cidr: s.cidr },
            element: s.id,
            property: 'cidr',
            reads: ['cidr'],
            dependsOn: [...owner.deps, ...deps],
            evidence: { subnet: s.name, clusters: `${other}, ${c.name}` },
          });
        } else subnetOwner.set(s.id, { name: c.name, deps });
      }
      for (const t of [...tables].sort()) {
        const rt = q.getAs(t, 'routeTable');
        if (!rt) continue;
        // The cluster's own table, or its node subnets' tables (and the pools that make them node subnets).
        const via = q.nodeSubnets(c.id).filter((s) => s.routeTable === t);
        const deps = [cluster, ...via.flatMap((s) => [{ element: s.id, reads: ['routeTable'] }, ...onSubnet(s.id)])];
        const owner = tableOwner.get(t);
        if (owner !== undefined) {
          const other = owner.name;
          ctx.report({
            messageId: 'sharedRouteTable',
            data: { other, cluster: c.name, routeTable: rt.name },
            element: rt.id,
            // Only that the table exists: none of its fields.
            reads: [],
            dependsOn: [...owner.deps, ...deps],
            evidence: { routeTable: rt.name, clusters: `${other}, ${c.name}` },
          });
        } else tableOwner.set(t, { name: c.name, deps });
      }
    }
  },
});

import { sameEgress, subnetEgress, type SubnetEgress } from '../../model/egress.js';
import type { ModelQuery } from '../../model/query.js';
import { defineRule } from '../../validate/rule.js';
import { egressDeps, mergeDeps } from './_reads.js';

/** "afw-hub" / "Internet (system route)" / "None (route x in rt-y)": where a subnet's 0.0.0.0/0 leads. */
function describe(q: ModelQuery, e: SubnetEgress): string {
  const target =
    e.via === 'appliance' || e.via === 'gateway'
      ? e.nextHop
        ? q.name(e.nextHop)
        : (e.nextHopAddress ?? e.route.nextHopType)
      : e.route.nextHopType;
  const how =
    e.route.routeName // only user routes have a name
      ? `route ${e.route.routeName} in ${q.name(e.route.routeTable)}`
      : e.route.source === 'VirtualNetworkGateway'
        ? 'learned from the gateway'
        : 'system route';
  return `${target} (${how})`;
}

/** The device the node subnets' route sends traffic to, named by kind: a firewall is not the only appliance. */
function applianceName(q: ModelQuery, e: SubnetEgress): string {
  const dev = q.get(e.nextHop);
  if (dev?.kind === 'azureFirewall') return `the firewall ${dev.name}`;
  if (dev?.kind === 'nva') return `the network virtual appliance ${dev.name}`;
  return `the appliance at ${e.nextHopAddress ?? 'the next hop'}`;
}

export default defineRule({
  meta: {
    id: 'egress/pod-subnet-egress',
    title: 'Pod subnets send internet-bound traffic the same way as their node subnets',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'With Azure CNI pod subnets, pods have addresses of the pod subnet and their packets are routed by the pod ' +
      "subnet's route table, not the node subnet's. A pod subnet without the route table that sends the node subnets' " +
      '0.0.0.0/0 to the firewall or NVA lets pod traffic leave uninspected (or not at all, with userDefinedRouting), while the ' +
      'node-level checks look fine.',
    fix:
      'Associate the same route table (or one with the same 0.0.0.0/0 route) with every pod subnet of the cluster as ' +
      'with its node subnets.',
    example:
      "const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods', routeTable: rt }); // the nodes' table",
    references: [
      {
        title: 'Azure CNI pod subnet (dynamic and static allocation)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
      },
      {
        title: 'Customize cluster egress with a user-defined routing table',
        url: 'https://learn.microsoft.com/azure/aks/egress-udr',
      },
      {
        title: 'Virtual network traffic routing',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
      },
    ],
    messages: {
      podsDiverge:
        'pod subnet {{podSubnet}} of cluster {{cluster}} sends 0.0.0.0/0 to {{podWay}}, but node subnet {{nodeSubnet}} ' +
        "sends it to {{nodeWay}}: pod traffic to the internet takes another way out than the nodes'{{consequence}}",
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const p of ctx.model.egressPaths) {
      const c = q.getAs(p.cluster, 'cluster');
      const all = subnetEgress(p);
      const node = all.find((e) => e.role === 'nodes');
      if (!c || !node) continue;
      for (const pod of all.filter((e) => e.role === 'pods')) {
        if (sameEgress(pod, node)) continue;
        const consequence =
          node.via === 'appliance' && pod.via === 'internet'
            ? ` and bypasses ${applianceName(q, node)}`
            : pod.via === 'none'
              ? ' and is dropped'
              : '';
        ctx.report({
          messageId: 'podsDiverge',
          data: {
            podSubnet: q.name(pod.subnet),
            cluster: c.name,
            podWay: describe(q, pod),
            nodeSubnet: q.name(node.subnet),
            nodeWay: describe(q, node),
            consequence,
          },
          element: pod.subnet,
          property: 'routeTable',
          // The pod subnet's routes and NAT gateway, and the cluster's egress path (the node subnet's way out).
          reads: ['routeTable', 'natGateway'],
          dependsOn: mergeDeps(egressDeps(q, c.id), pod.subnet),
          evidence: {
            cluster: c.name,
            podSubnet: q.name(pod.subnet),
            nodeSubnet: q.name(node.subnet),
            podVia: pod.via,
            nodeVia: node.via,
          },
        });
      }
    }
  },
});

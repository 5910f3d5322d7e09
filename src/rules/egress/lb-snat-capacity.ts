import { defineRule } from '../../validate/rule.js';
import { autoPortsPerNode, LB_PORTS_PER_IP as PORTS_PER_IP } from '../../model/capacity.js';
import { clusterScale, fmt, plural } from './_egress.js';

/** The cluster's own fields the capacity verdict rests on. */
const READS = ['outbound.type', 'outbound.outboundIps', 'outbound.allocatedOutboundPorts', 'network', 'nodePools', 'managedVnet'] as const;

export default defineRule({
  meta: {
    id: 'egress/lb-snat-capacity',
    title: 'Load balancer outbound SNAT ports cover every node at maximum scale',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'Each outbound public IP of the AKS load balancer provides 64,000 SNAT ports, shared out as a fixed number per node. ' +
      'With an explicit allocation, nodes beyond outboundIps × 64,000 ÷ allocatedOutboundPorts get no ports and scale-out or upgrade surge fails. ' +
      'With automatic allocation (0) each node gets 1,024 ports up to 50 nodes, 512 up to 100 and fewer beyond, so growing past 50 nodes silently halves every node’s ports and causes connection failures.',
    fix: 'Add outbound IPs or lower allocatedOutboundPorts so that IPs × 64,000 ÷ ports ≥ max nodes + surge; for large or bursty egress use a NAT gateway.',
    example: "cluster({ /* … */ outbound: { type: 'loadBalancer', outboundIps: 4, allocatedOutboundPorts: 4000 } }); // 64 nodes",
    references: [
      { title: 'Configure your public standard load balancer in AKS (outbound ports)', url: 'https://learn.microsoft.com/azure/aks/configure-load-balancer-standard' },
      { title: 'Use a public standard load balancer in AKS', url: 'https://learn.microsoft.com/azure/aks/load-balancer-standard' },
    ],
    messages: {
      explicitPortsShort:
        'cluster {{cluster}}: {{ips}} × 64,000 ports ÷ {{ports}} ports per node = {{capacity}}, but the pools can ' +
        'reach {{nodes}} + {{surge}} surge = {{needed}}',
      autoAllocationLow:
        'cluster {{cluster}}: automatic SNAT allocation gives {{perNode}} ports per node at {{needed}} nodes ' +
        '({{nodes}} + {{surge}} surge), down from 1,024 at 50 nodes or fewer; set allocatedOutboundPorts with ' +
        'enough outbound IPs ({{ips}} × 64,000 = {{total}} ports)',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const o = c.outbound;
      // Routes that send 0.0.0.0/0 elsewhere leave the load balancer's SNAT ports unused (another rule says so).
      if (o.type !== 'loadBalancer' || ctx.q.egressPathOf(c.id)?.via !== 'loadBalancer') continue;
      const { nodes, surge } = clusterScale(ctx.q, c);
      const needed = nodes + surge;
      if (needed <= 0) continue;
      const ips = Number.isFinite(o.outboundIps) ? Math.max(0, o.outboundIps) : 0;
      const ports = Number.isFinite(o.allocatedOutboundPorts) ? o.allocatedOutboundPorts : 0;
      const total = ips * PORTS_PER_IP;
      const evidence = { cluster: c.name, outboundIps: ips, allocatedOutboundPorts: ports, maxNodes: nodes, surgeNodes: surge };
      // The node count comes from the pools' stated sizes and surge.
      const dependsOn = ctx.q.pools(c.id).map((p) => p.id);
      // The sum uses the outbound type, IPs and ports, and the pools and routes that place the nodes; the idle
      // timeout changes how long a port stays taken, not how many each node gets, so an invalid one does not hold it.
      const reads = [...READS];
      if (ports > 0) {
        const capacity = Math.floor(total / ports);
        if (capacity < needed) {
          ctx.report({
            messageId: 'explicitPortsShort',
            data: {
              cluster: c.name,
              ips: plural(ips, 'outbound IP'),
              ports: fmt(ports),
              capacity: plural(capacity, 'node'),
              nodes: plural(nodes, 'node'),
              surge: fmt(surge),
              needed: fmt(needed),
            },
            element: c.id,
            property: 'outbound',
            dependsOn,
            reads,
            evidence: { ...evidence, capacityNodes: capacity },
          });
        }
      } else if (needed > 50) {
        const per = autoPortsPerNode(needed);
        ctx.report({
          messageId: 'autoAllocationLow',
          data: {
            cluster: c.name,
            perNode: fmt(per),
            needed: fmt(needed),
            nodes: plural(nodes, 'node'),
            surge: fmt(surge),
            ips: plural(ips, 'IP'),
            total: fmt(total),
          },
          element: c.id,
          property: 'outbound',
          dependsOn,
          reads,
          severity: 'warning',
          evidence: { ...evidence, autoPortsPerNode: per },
        });
      }
    }
  },
});

import { defineRule } from '../../validate/rule.js';
import { autoPortsPerNode, LB_PORTS_PER_IP as PORTS_PER_IP } from '../../model/capacity.js';
import { clusterScale, fmt, plural } from './_egress.js';

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
      if (ports > 0) {
        const capacity = Math.floor(total / ports);
        if (capacity < needed) {
          ctx.report({
            message: `cluster ${c.name}: ${plural(ips, 'outbound IP')} × 64,000 ports ÷ ${fmt(ports)} ports per node = ${plural(capacity, 'node')}, but the pools can reach ${plural(nodes, 'node')} + ${fmt(surge)} surge = ${fmt(needed)}`,
            element: c.id,
            property: 'outbound',
            evidence: { ...evidence, capacityNodes: capacity },
          });
        }
      } else if (needed > 50) {
        const per = autoPortsPerNode(needed);
        ctx.report({
          message: `cluster ${c.name}: automatic SNAT allocation gives ${fmt(per)} ports per node at ${fmt(needed)} nodes (${plural(nodes, 'node')} + ${fmt(surge)} surge), down from 1,024 at 50 nodes or fewer; set allocatedOutboundPorts with enough outbound IPs (${plural(ips, 'IP')} × 64,000 = ${fmt(total)} ports)`,
          element: c.id,
          property: 'outbound',
          severity: 'warning',
          evidence: { ...evidence, autoPortsPerNode: per },
        });
      }
    }
  },
});

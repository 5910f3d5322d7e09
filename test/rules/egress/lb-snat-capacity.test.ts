import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

/** Load balancer egress (no route to the firewall); the apps pool scales to `appsMax` with `appsSurge`. */
function lb(outbound: { outboundIps?: number; allocatedOutboundPorts?: number }, appsMax?: number, appsSurge?: number) {
  return () => {
    const b = baseline();
    delete b.nodes.routeTable;
    b.aks.outbound = { type: 'loadBalancer', ...outbound };
    if (appsMax !== undefined) b.aks.nodePools[1]!.maxCount = appsMax;
    if (appsSurge !== undefined) b.aks.nodePools[1]!.maxSurge = appsSurge;
    return b.arch;
  };
}

const PATH = 'clusters[0].outbound';

testRule('egress/lb-snat-capacity', {
  valid: [
    // system 5 + apps 10 = 15 nodes; every pool surges 10 % rounded up: 1 + 1 = 2
    { name: 'automatic allocation at 15 nodes + surge', arch: lb({}) },
    { name: 'explicit ports that cover 17 nodes exactly', arch: lb({ outboundIps: 1, allocatedOutboundPorts: 3764 }) },
    { name: 'automatic allocation at exactly 50 nodes (5 + 43 + 1 + 1 surge)', arch: lb({ outboundIps: 2 }, 43, 1) },
    {
      name: 'a node subnet routing 0.0.0.0/0 to a firewall (the load balancer carries no egress)',
      arch: () => {
        const b = baseline();
        b.aks.outbound = { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 8000 };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'explicit ports one above what 17 nodes allow (16 nodes)',
      arch: lb({ outboundIps: 1, allocatedOutboundPorts: 3765 }),
      findings: [
        {
          messageId: 'explicitPortsShort',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test: 1 outbound IP × 64,000 ports ÷ 3,765 ports per node = 16 nodes, but the pools can reach 15 nodes + 2 surge = 17',
          evidence: { capacityNodes: 16, maxNodes: 15, surgeNodes: 2 },
        },
      ],
    },
    {
      name: 'explicit ports that cannot cover the pools at maximum scale',
      arch: lb({ outboundIps: 1, allocatedOutboundPorts: 8000 }),
      findings: [
        {
          messageId: 'explicitPortsShort',
          path: PATH,
          severity: 'error',
          message: 'cluster aks-test: 1 outbound IP × 64,000 ports ÷ 8,000 ports per node = 8 nodes, but the pools can reach 15 nodes + 2 surge = 17',
          evidence: { cluster: 'aks-test', outboundIps: 1, allocatedOutboundPorts: 8000, capacityNodes: 8 },
        },
      ],
    },
    {
      name: 'automatic allocation at 51 nodes (one above 50)',
      arch: lb({ outboundIps: 2 }, 44, 1),
      findings: [
        {
          messageId: 'autoAllocationLow',
          path: PATH,
          severity: 'warning',
          message: /^cluster aks-test: automatic SNAT allocation gives [\d,]+ ports per node at 51 nodes \(49 nodes \+ 2 surge\)/,
        },
      ],
    },
    {
      name: 'automatic allocation drops below 1,024 ports per node beyond 50 nodes',
      arch: lb({ outboundIps: 2 }, 60),
      findings: [
        {
          messageId: 'autoAllocationLow',
          path: PATH,
          severity: 'warning',
          message:
            'cluster aks-test: automatic SNAT allocation gives 512 ports per node at 72 nodes (65 nodes + 7 surge), down from 1,024 at 50 nodes or fewer; set allocatedOutboundPorts with enough outbound IPs (2 IPs × 64,000 = 128,000 ports)',
          evidence: { autoPortsPerNode: 512 },
        },
      ],
    },
  ],
});

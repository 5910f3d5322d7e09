import { describe, expect, it } from 'vitest';
import { natGateway, nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runAll } from '../../helpers/run-rule.js';

const ID = 'egress/appliance-route-outbound-mismatch';

/** The published pattern: outbound type loadBalancer, node subnet routing 0.0.0.0/0 to the hub firewall. */
function lbBehindFirewall() {
  const b = baseline();
  b.aks.outbound = { type: 'loadBalancer', outboundIps: 2 };
  return b;
}

testRule(ID, {
  valid: [
    { name: 'a UDR cluster with a default route to the firewall', arch: () => baseline().arch },
    {
      name: 'a loadBalancer cluster without a default route',
      arch: () => {
        const b = baseline();
        b.aks.outbound = { type: 'loadBalancer' };
        delete b.nodes.routeTable;
        return b.arch;
      },
    },
    {
      name: 'a more specific user route to the firewall while 0.0.0.0/0 still goes to the Internet',
      arch: () => {
        const b = lbBehindFirewall();
        b.rt.routes = [{ name: 'to-onprem', prefix: '10.50.0.0/16', nextHop: b.firewall }];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a default route to the firewall while outbound is loadBalancer, naming the consequence',
      arch: () => lbBehindFirewall().arch,
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            'cluster aks-test declares outbound type loadBalancer, but the effective 0.0.0.0/0 route of node subnet snet-nodes (route default in rt-egress) ' +
            'goes to afw-hub: egress leaves through afw-hub, not the load balancer, whose outbound IPs carry no egress, and replies to public ' +
            'LoadBalancer services return through the appliance and are dropped (asymmetric routing)',
          evidence: { cluster: 'aks-test', subnets: 'snet-nodes', outboundType: 'loadBalancer', nextHop: 'afw-hub', via: 'appliance' },
        },
      ],
    },
    {
      name: 'once per cluster, naming every node subnet that routes to the appliance',
      arch: () => {
        const b = lbBehindFirewall();
        const more = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes', routeTable: b.rt, defaultOutboundAccess: false });
        b.spoke.subnets.push(more);
        b.aks.nodePools.push(nodePool({ name: 'more', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3, zones: [1, 2, 3], subnet: more }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'lbBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message: /of node subnets snet-nodes \(route default in rt-egress\), snet-nodes-2 \(route default in rt-egress\) goes to afw-hub/,
          evidence: { subnets: 'snet-nodes, snet-nodes-2' },
        },
      ],
    },
    {
      name: 'a NAT gateway outbound bypassed by the route, without the load balancer consequence',
      arch: () => {
        const b = baseline();
        const nat = natGateway({ name: 'ng-aks', publicIps: 2 });
        b.nodes.natGateway = nat;
        b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
        return b.arch;
      },
      findings: [
        {
          messageId: 'natBypassed',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            'cluster aks-test declares outbound type userAssignedNATGateway, but the effective 0.0.0.0/0 route of node subnet snet-nodes (route default in rt-egress) ' +
            'goes to afw-hub: egress leaves through afw-hub, not the NAT gateway, whose outbound IPs carry no egress',
        },
      ],
    },
  ],
});

describe(`${ID} among all rules`, () => {
  it('is the only egress-path finding of that design: no "straight to the internet", no load balancer SNAT sizing', async () => {
    const all = await runAll(lbBehindFirewall().arch);
    // The firewall's DNS-proxy clients are a posture check, not a statement about the egress path.
    const path = all.filter((f) => f.ruleId.startsWith('egress/') && f.ruleId !== 'egress/firewall-dns-proxy-clients');
    expect(path.map((f) => f.ruleId)).toEqual([ID]);
  });
});

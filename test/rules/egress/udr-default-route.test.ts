import { nva, routeTable } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

type Route = ReturnType<typeof baseline>['rt']['routes'][number];

function withRoutes(routes: (b: ReturnType<typeof baseline>) => Route[]) {
  return () => {
    const b = baseline();
    b.rt.routes = routes(b);
    return b.arch;
  };
}

testRule('egress/udr-default-route', {
  valid: [
    { name: 'every node subnet routes 0.0.0.0/0 to the firewall', arch: () => baseline().arch },
    { name: 'a default route to the VNet gateway (forced tunnel)', arch: withRoutes(() => [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualNetworkGateway' } }]) },
    { name: 'a default route to the firewall by its address', arch: withRoutes(() => [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualAppliance', address: '10.0.0.4' } }]) },
    {
      name: 'a loadBalancer cluster without a route table is not checked',
      arch: () => {
        const b = baseline();
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a node subnet without a route table',
      arch: () => {
        const b = baseline();
        delete b.nodes.routeTable;
        return b.arch;
      },
      findings: [
        {
          messageId: 'noRouteTable',
          path: 'network.vnets[1].subnets[0].routeTable',
          severity: 'error',
          message:
            'node subnet snet-nodes (10.1.0.0/22) of cluster aks-test has no route table, but outbound type userDefinedRouting needs a 0.0.0.0/0 route to afw-hub',
          evidence: { cluster: 'aks-test', subnet: 'snet-nodes' },
        },
      ],
    },
    {
      name: 'a default route to Internet',
      arch: withRoutes(() => [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }]),
      findings: [
        {
          messageId: 'wrongNextHopType',
          path: 'network.vnets[1].subnets[0].routeTable.routes[0].nextHop',
          severity: 'error',
          message:
            'route default (0.0.0.0/0) in rt-egress on node subnet snet-nodes of cluster aks-test goes to next hop Internet; userDefinedRouting needs a virtual appliance (or gateway) as next hop',
          evidence: { nextHopType: 'Internet' },
        },
      ],
    },
    {
      name: 'a route table with no default route (one route)',
      arch: withRoutes(() => [{ name: 'onprem', prefix: '192.168.0.0/16', nextHop: { type: 'VirtualNetworkGateway' } }]),
      findings: [
        {
          messageId: 'noDefaultRoute',
          path: 'network.vnets[1].subnets[0].routeTable.routes',
          severity: 'error',
          message:
            'route table rt-egress on node subnet snet-nodes of cluster aks-test has no 0.0.0.0/0 route (1 route), but outbound type userDefinedRouting needs one to afw-hub',
          evidence: { routes: 1 },
        },
      ],
    },
    {
      name: 'a route table with two routes, neither 0.0.0.0/0 (0.0.0.0/1 is not the default)',
      arch: withRoutes((b) => [
        { name: 'low-half', prefix: '0.0.0.0/1', nextHop: b.firewall },
        { name: 'onprem', prefix: '192.168.0.0/16', nextHop: { type: 'VirtualNetworkGateway' } },
      ]),
      findings: [
        {
          messageId: 'noDefaultRoute',
          path: 'network.vnets[1].subnets[0].routeTable.routes',
          severity: 'error',
          message: /has no 0\.0\.0\.0\/0 route \(2 routes\)/,
        },
      ],
    },
    {
      name: 'a default route to another appliance',
      arch: () => {
        const c = baseline();
        const other = nva({ name: 'nva-other', subnet: c.fwSubnet, privateIp: '10.0.0.10' });
        c.nodes.routeTable = routeTable({ name: 'rt-other', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: other }] });
        return c.arch;
      },
      findings: [
        {
          messageId: 'otherAppliance',
          path: 'network.vnets[1].subnets[0].routeTable.routes[0].nextHop',
          severity: 'error',
          message:
            'route default (0.0.0.0/0) in rt-other on node subnet snet-nodes goes to nva-other, but cluster aks-test declares its egress through afw-hub (10.0.0.4)',
          evidence: { routeTarget: 'nva-other', declared: 'afw-hub' },
        },
      ],
    },
    {
      name: 'a default route to another appliance address',
      arch: withRoutes(() => [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualAppliance', address: '10.0.0.5' } }]),
      findings: [
        {
          messageId: 'otherAppliance',
          path: 'network.vnets[1].subnets[0].routeTable.routes[0].nextHop',
          severity: 'error',
          message:
            'route default (0.0.0.0/0) in rt-egress on node subnet snet-nodes goes to 10.0.0.5, but cluster aks-test declares its egress through afw-hub (10.0.0.4)',
        },
      ],
    },
  ],
});

import { nva, routeTable, subnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

type Route = ReturnType<typeof baseline>['rt']['routes'][number];

function withRoutes(routes: (b: ReturnType<typeof baseline>) => Route[]) {
  return () => {
    const b = baseline();
    b.rt.routes = routes(b);
    return b.arch;
  };
}

type B = ReturnType<typeof baseline>;

/** An untyped design whose outbound `via` names the appliance by string: the reference does not resolve. */
function unresolvedVia(change: (b: B) => void = () => {}) {
  return () => {
    const b = baseline();
    (b.aks.outbound as unknown as { via: unknown }).via = 'afw-hub';
    change(b);
    return b.arch;
  };
}

/** The cluster egresses through an NVA in the hub (10.0.0.10); the node subnet's default route goes to `address`. */
function viaNva(address: string) {
  return () => {
    const b = baseline();
    const appliance = nva({ name: 'nva-hub', subnet: b.fwSubnet, privateIp: '10.0.0.10' });
    b.aks.outbound = { type: 'userDefinedRouting', via: appliance };
    b.rt.routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualAppliance', address } }];
    return b.arch;
  };
}

const DEFAULT_ROUTE = 'network.vnets[1].subnets[0].routeTable.routes[0].nextHop';

testRule('egress/udr-default-route', {
  valid: [
    { name: 'an NVA declared, the default route goes to its address', arch: viaNva('10.0.0.10') },
    { name: 'an unresolved appliance and a default route to the firewall: nothing to compare', arch: unresolvedVia() },
    {
      name: 'an unresolved appliance and a default route to an address: nothing to compare',
      arch: unresolvedVia((b) => (b.rt.routes[0]!.nextHop = { type: 'VirtualAppliance', address: '10.0.0.5' })),
    },
    {
      name: 'a default route to a declared VNet gateway (forced tunnel) is not another appliance',
      arch: withRoutes((b) => {
        const gw = subnet({ name: 'GatewaySubnet', cidr: '10.1.5.0/27', purpose: 'gateway' });
        mutable(b.spoke.subnets).push(gw);
        b.arch.network.gateways = [vnetGateway({ name: 'vpngw-spoke', type: 'vpn', subnet: gw })];
        return [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualNetworkGateway' } }];
      }),
    },
    {
      name: 'a firewall without a stated private IP and a default route to an address: nothing to compare',
      arch: withRoutes((b) => {
        delete b.firewall.privateIp;
        return [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualAppliance', address: '10.0.0.5' } }];
      }),
    },
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
      name: 'an unresolved appliance and no route table: the message names no appliance',
      arch: unresolvedVia((b) => delete b.nodes.routeTable),
      findings: [
        {
          messageId: 'noRouteTable',
          path: 'network.vnets[1].subnets[0].routeTable',
          severity: 'error',
          message: /needs a 0\.0\.0\.0\/0 route to a firewall or NVA$/,
        },
      ],
    },
    {
      name: 'an unresolved appliance and no default route',
      arch: unresolvedVia((b) => (b.rt.routes = [])),
      findings: [
        {
          messageId: 'noDefaultRoute',
          path: 'network.vnets[1].subnets[0].routeTable.routes',
          severity: 'error',
          message: /\(0 routes\), but outbound type userDefinedRouting needs one to a firewall or NVA$/,
        },
      ],
    },
    {
      name: 'an NVA declared, the default route goes to the firewall address',
      arch: viaNva('10.0.0.4'),
      findings: [
        {
          messageId: 'otherAppliance',
          path: DEFAULT_ROUTE,
          severity: 'error',
          message: /goes to 10\.0\.0\.4, but cluster aks-test declares its egress through nva-hub \(10\.0\.0\.10\)$/,
          evidence: { routeTarget: '10.0.0.4', declared: 'nva-hub' },
        },
      ],
    },
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

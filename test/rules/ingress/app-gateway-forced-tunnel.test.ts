import { routeTable } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

type B = ReturnType<typeof baseline>;

/** The baseline with the spoke egress route table (0.0.0.0/0 → firewall) on the gateway subnet, plus `change`. */
function tunnelled(change: (b: B) => void = () => {}) {
  return () => {
    const b = baseline();
    mutable(b.spoke.subnets).reverse(); // declare the gateway subnet first so the route table's path runs through it
    b.appGwSubnet.routeTable = b.rt;
    change(b);
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[0].routeTable.routes[0].nextHop';

testRule('ingress/app-gateway-forced-tunnel', {
  valid: [
    { name: 'no route table on the gateway subnet', arch: () => baseline().arch },
    {
      name: 'only a specific prefix (the node subnet) through the firewall',
      arch: () => {
        const b = baseline();
        b.appGwSubnet.routeTable = routeTable({
          name: 'rt-appgw',
          routes: [{ name: 'nodes', prefix: '10.1.0.0/22', nextHop: b.firewall }],
        });
        return b.arch;
      },
    },
    {
      name: 'a private-only v2 gateway (network isolation) may force-tunnel',
      arch: tunnelled((b) => (b.appGw.frontend = 'private')),
    },
    {
      name: 'a private-only v2 gateway stated without isolation: ingress/app-gateway-private-isolation reports it instead',
      arch: tunnelled((b) => {
        b.appGw.frontend = 'private';
        b.appGw.networkIsolation = false;
      }),
    },
    {
      name: 'a public v2 gateway deployed with network isolation',
      arch: tunnelled((b) => (b.appGw.networkIsolation = true)),
    },
    { name: 'a v1 gateway (UDRs to appliances are supported there)', arch: tunnelled((b) => (b.appGw.sku = 'WAF')) },
    {
      name: '0.0.0.0/0 to Internet on the gateway subnet',
      arch: tunnelled((b) => {
        b.appGwSubnet.routeTable = routeTable({
          name: 'rt-appgw',
          routes: [{ name: 'inet', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }],
        });
      }),
    },
  ],
  invalid: [
    {
      name: 'the spoke egress route table on a public v2 gateway (isolation off by default)',
      arch: tunnelled(),
      findings: [
        {
          messageId: 'forcedTunnel',
          path: PATH,
          severity: 'error',
          message:
            'subnet snet-appgw of Application Gateway agw-test (WAF_v2, public frontend, no network isolation) routes ' +
            '0.0.0.0/0 to afw-hub (route default in rt-egress); a v2 gateway without network isolation does not ' +
            'support forced tunnelling',
        },
      ],
    },
    {
      name: 'network isolation stated off on a Standard_v2 gateway',
      arch: tunnelled((b) => {
        b.appGw.sku = 'Standard_v2';
        delete b.appGw.waf;
        b.appGw.networkIsolation = false;
      }),
      findings: [
        {
          messageId: 'forcedTunnel',
          path: PATH,
          severity: 'error',
          message: /\(Standard_v2, public frontend, no network isolation\)/,
        },
      ],
    },
  ],
});

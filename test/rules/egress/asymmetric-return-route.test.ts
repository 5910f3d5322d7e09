import {
  apiManagement,
  appGatewayForContainers,
  applicationGateway,
  ingressPath,
  routeTable,
  subnet,
  vnet,
} from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { inOrder, testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

function withNodeRoute(name: string, prefix: string, hop: 'firewall' | 'None', appGwRoute = false) {
  return () => {
    const b = baseline();
    mutable(b.rt.routes).push({ name, prefix, nextHop: hop === 'firewall' ? b.firewall : { type: 'None' } });
    if (appGwRoute) {
      b.appGwSubnet.routeTable = routeTable({ name: 'rt-appgw', routes: [{ name: 'nodes-via-fw', prefix: '10.1.0.0/22', nextHop: b.firewall }] });
    }
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[0].routeTable.routes[1]';

type B = ReturnType<typeof baseline>;

/** The App Gateway subnet routed through the firewall by the nodes, with `change` applied. */
function appGwViaFirewall(change: (b: B) => void) {
  return () => {
    const b = baseline();
    mutable(b.rt.routes).push({ name: 'appgw-via-fw', prefix: '10.1.4.0/24', nextHop: b.firewall });
    change(b);
    return b.arch;
  };
}

testRule('egress/asymmetric-return-route', {
  valid: [
    {
      name: "a malformed gateway subnet CIDR is structure/cidr-malformed's concern",
      arch: appGwViaFirewall((b) => (b.appGwSubnet.cidr = '10.1.4.0/33')),
    },
    { name: 'the baseline: only 0.0.0.0/0 goes to the firewall, the App Gateway subnet stays VnetLocal', arch: () => baseline().arch },
    { name: 'a route covering the gateway subnet loses to the more specific VNet route', arch: withNodeRoute('private-via-fw', '10.0.0.0/8', 'firewall') },
    { name: 'both directions go through the same firewall', arch: withNodeRoute('appgw-via-fw', '10.1.4.0/24', 'firewall', true) },
    { name: 'a route for the range just after the gateway subnet (10.1.5.0/24)', arch: withNodeRoute('next-via-fw', '10.1.5.0/24', 'firewall') },
  ],
  invalid: [
    {
      name: 'replies routed to an appliance known only by its address, requests come directly',
      arch: () => {
        const b = baseline();
        const nextHop = { type: 'VirtualAppliance' as const, address: '10.0.2.4' };
        mutable(b.rt.routes).push({ name: 'appgw-via-nva', prefix: '10.1.4.0/24', nextHop });
        return b.arch;
      },
      findings: [
        {
          messageId: 'oneWay',
          path: PATH,
          severity: 'error',
          message: inOrder('node subnet snet-nodes', 'through VirtualAppliance (route appgw-via-nva', 'by VnetLocal:'),
        },
      ],
    },
    {
      name: 'an Application Gateway for Containers in front of the cluster',
      arch: appGwViaFirewall((b) => {
        const agc = appGatewayForContainers({
          name: 'agc-web',
          deployment: 'managed',
          api: 'gateway-api',
          subnet: b.appGwSubnet,
          frontend: 'public',
        });
        b.path.hops[0]!.via = agc;
      }),
      findings: [
        {
          messageId: 'oneWay',
          path: PATH,
          severity: 'error',
          message: /^node subnet snet-nodes sends replies to agc-web \(snet-appgw/,
        },
      ],
    },
    {
      name: 'API Management injected into a subnet, in front of the cluster',
      arch: appGwViaFirewall((b) => {
        const apim = apiManagement({ name: 'apim-web', sku: 'Premium', vnetMode: 'internal', subnet: b.appGwSubnet });
        b.path.hops[0]!.via = apim;
      }),
      findings: [
        {
          messageId: 'oneWay',
          path: PATH,
          severity: 'error',
          message: /^node subnet snet-nodes sends replies to apim-web \(snet-appgw/,
        },
      ],
    },
    {
      name: 'the gateway subnet reaches the nodes through another appliance',
      arch: appGwViaFirewall((b) => {
        const nextHop = { type: 'VirtualAppliance' as const, address: '10.0.2.4' };
        const routes = [{ name: 'nodes-via-nva', prefix: '10.1.0.0/22', nextHop }];
        b.appGwSubnet.routeTable = routeTable({ name: 'rt-appgw', routes });
      }),
      findings: [
        {
          messageId: 'oneWay',
          path: PATH,
          severity: 'error',
          message: /, but agw-test reaches the nodes by VirtualAppliance: /,
        },
      ],
    },
    {
      name: 'two ingress paths through the same gateway: one finding per node subnet',
      arch: appGwViaFirewall((b) => {
        mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2' }));
      }),
      findings: [
        { messageId: 'oneWay', path: PATH, severity: 'error', message: /\(asymmetric routing on ingress path web\)$/ },
      ],
    },
    {
      name: 'a gateway in an unpeered VNet in 192.168.0.0/16: the system None route drops the replies',
      arch: () => {
        const b = baseline();
        const edgeSubnet = subnet({ name: 'snet-edge', cidr: '192.168.10.0/24', purpose: 'application-gateway' });
        mutable(b.arch.network.vnets).push(
          vnet({ name: 'vnet-edge', region: 'westeurope', addressSpace: ['192.168.10.0/24'], subnets: [edgeSubnet] }),
        );
        b.path.hops[0]!.via = applicationGateway({ ...b.appGw, subnet: edgeSubnet });
        return b.arch;
      },
      findings: [
        {
          messageId: 'dropped',
          path: 'network.vnets[1].subnets[0]',
          severity: 'error',
          message:
            'node subnet snet-nodes drops replies to agw-test in snet-edge 192.168.10.0/24: its effective route ' +
            'for that range is None',
        },
      ],
    },
    {
      name: 'replies to the App Gateway subnet routed through the firewall while requests come directly',
      arch: withNodeRoute('appgw-via-fw', '10.1.4.0/24', 'firewall'),
      findings: [
        {
          messageId: 'oneWay',
          path: PATH,
          severity: 'error',
          message:
            'node subnet snet-nodes sends replies to agw-test (snet-appgw 10.1.4.0/24) through VirtualAppliance afw-hub ' +
            '(route appgw-via-fw in rt-egress), but agw-test reaches the nodes by VnetLocal: the appliance sees only the ' +
            'replies and drops them (asymmetric routing on ingress path web)',
          evidence: { path: 'web', gateway: 'agw-test', subnet: 'snet-nodes', back: 'VirtualAppliance afw-hub', there: 'VnetLocal' },
        },
      ],
    },
    {
      name: 'a /23 around the gateway subnet beats the /16 VNet route',
      arch: withNodeRoute('wide-via-fw', '10.1.4.0/23', 'firewall'),
      findings: [{ messageId: 'oneWay', path: PATH, severity: 'error', message: /^node subnet snet-nodes sends replies to agw-test/ }],
    },
    {
      name: 'a None route that drops the replies',
      arch: withNodeRoute('blackhole', '10.1.4.0/24', 'None'),
      findings: [
        {
          messageId: 'dropped',
          path: PATH,
          severity: 'error',
          message:
            'node subnet snet-nodes drops replies to agw-test in snet-appgw 10.1.4.0/24: its effective route for that range is None (route blackhole in rt-egress)',
        },
      ],
    },
  ],
});

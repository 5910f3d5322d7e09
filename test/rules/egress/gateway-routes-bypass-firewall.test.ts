import {
  hybridConnection,
  nodePool,
  onPremises,
  peering,
  routeTable,
  subnet,
  vnetGateway,
} from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

type B = ReturnType<typeof baseline>;

/** Baseline with a hub VPN gateway to on-premises 172.20.0.0/16, the spoke using it; `change` tunes the spoke table. */
function hybridSpoke(change: (b: B) => void = () => {}, remote = true) {
  return () => {
    const b = baseline();
    const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
    mutable(b.hub.subnets).push(gwSubnet);
    const gw = vnetGateway({ name: 'vpngw-hub', type: 'vpn', subnet: gwSubnet });
    const dc = onPremises({ name: 'dc', addressSpace: ['172.20.0.0/16'] });
    b.arch.network.gateways = [gw];
    b.arch.network.onPremises = [dc];
    b.arch.network.hybridConnections = [hybridConnection({ name: 'vpn-dc', gateway: gw, remote: dc })];
    b.arch.network.peerings = [
      peering({ from: b.hub, to: b.spoke, allowGatewayTransit: true, useRemoteGateways: remote }),
    ];
    b.rt.bgpRoutePropagation = true;
    change(b);
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[0].routeTable.bgpRoutePropagation';

testRule('egress/gateway-routes-bypass-firewall', {
  valid: [
    {
      name: 'a subnet without cluster nodes or pods is not checked',
      arch: hybridSpoke((b) => {
        b.rt.bgpRoutePropagation = false;
        const routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: b.firewall }];
        b.appGwSubnet.routeTable = routeTable({ name: 'rt-other', routes, bgpRoutePropagation: true });
      }),
    },
    {
      name: 'propagation on with a user 0.0.0.0/0 to the Internet: no firewall to bypass',
      arch: hybridSpoke((b) => (b.rt.routes[0]!.nextHop = { type: 'Internet' })),
    },
    {
      name: 'propagation disabled on the spoke route table (the baseline)',
      arch: hybridSpoke((b) => (b.rt.bgpRoutePropagation = false)),
    },
    { name: 'the spoke does not use the hub gateway, so it learns nothing', arch: hybridSpoke(() => {}, false) },
    {
      name: 'a user route for the on-premises range to the firewall beats the learned one',
      arch: hybridSpoke((b) => mutable(b.rt.routes).push({ name: 'onprem', prefix: '172.20.0.0/16', nextHop: b.firewall })),
    },
    {
      name: "a spoke egressing to the internet directly (no appliance route) is another rule's concern",
      arch: hybridSpoke((b) => {
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
      }),
    },
  ],
  invalid: [
    {
      name: 'a pod subnet with its own propagating table, two on-premises ranges, an appliance known by address',
      arch: hybridSpoke((b) => {
        b.rt.bgpRoutePropagation = false;
        mutable(b.arch.network.onPremises![0]!.addressSpace).push('172.21.0.0/16');
        const nextHop = { type: 'VirtualAppliance' as const, address: '10.0.2.4' };
        const podRt = routeTable({ name: 'rt-pods', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop }] });
        const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods', routeTable: podRt });
        mutable(b.spoke.subnets).push(pods);
        b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        const pool = { name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3 } as const;
        b.aks.nodePools = [nodePool({ ...pool, subnet: b.nodes, podSubnet: pods })];
      }),
      findings: [
        {
          messageId: 'bypass',
          path: 'network.vnets[1].subnets[2].routeTable.bgpRoutePropagation',
          severity: 'warning',
          message:
            'subnet snet-pods sends 0.0.0.0/0 to 10.0.2.4 but route table rt-pods propagates gateway routes, so ' +
            'traffic to on-premises 172.20.0.0/16, 172.21.0.0/16 goes straight to gateway vpngw-hub without passing ' +
            '10.0.2.4',
          evidence: { subnet: 'snet-pods', routeTable: 'rt-pods', prefixes: 2 },
        },
      ],
    },
    {
      name: 'an ExpressRoute and a VPN gateway in the hub: each prefix is named with the gateway that carries it',
      arch: hybridSpoke((b) => {
        const gwSubnet = b.hub.subnets.find((x) => x.name === 'GatewaySubnet')!;
        const er = vnetGateway({ name: 'ergw-hub', type: 'expressRoute', subnet: gwSubnet });
        const hq = onPremises({ name: 'hq', addressSpace: ['10.128.0.0/12'] });
        mutable(b.arch.network.gateways!).unshift(er);
        mutable(b.arch.network.onPremises!).push(hq);
        mutable(b.arch.network.onPremises![0]!.addressSpace).push('172.21.0.0/16');
        mutable(b.arch.network.hybridConnections!).push(hybridConnection({ name: 'er-hq', gateway: er, remote: hq }));
      }),
      findings: [
        {
          messageId: 'bypass',
          path: PATH,
          severity: 'warning',
          message:
            'subnet snet-nodes sends 0.0.0.0/0 to afw-hub but route table rt-egress propagates gateway routes, so traffic ' +
            'to on-premises 10.128.0.0/12 goes straight to gateway ergw-hub, and 172.20.0.0/16, 172.21.0.0/16 to gateway ' +
            'vpngw-hub without passing afw-hub',
        },
      ],
    },
    {
      name: 'propagation on: the learned 172.20.0.0/16 goes to the gateway, not the firewall',
      arch: hybridSpoke(),
      findings: [
        {
          messageId: 'bypass',
          path: PATH,
          severity: 'warning',
          message:
            'subnet snet-nodes sends 0.0.0.0/0 to afw-hub but route table rt-egress propagates gateway routes, so traffic ' +
            'to on-premises 172.20.0.0/16 goes straight to gateway vpngw-hub without passing afw-hub',
        },
      ],
    },
  ],
});

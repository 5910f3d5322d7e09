import { hybridConnection, onPremises, peering, subnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

type B = ReturnType<typeof baseline>;

/** Baseline with a hub VPN gateway to on-premises 172.20.0.0/16, the spoke using it; `change` tunes the spoke table. */
function hybridSpoke(change: (b: B) => void = () => {}, remote = true) {
  return () => {
    const b = baseline();
    const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
    b.hub.subnets.push(gwSubnet);
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
      name: 'propagation disabled on the spoke route table (the baseline)',
      arch: hybridSpoke((b) => (b.rt.bgpRoutePropagation = false)),
    },
    { name: 'the spoke does not use the hub gateway, so it learns nothing', arch: hybridSpoke(() => {}, false) },
    {
      name: 'a user route for the on-premises range to the firewall beats the learned one',
      arch: hybridSpoke((b) => b.rt.routes.push({ name: 'onprem', prefix: '172.20.0.0/16', nextHop: b.firewall })),
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
      name: 'propagation on: the learned 172.20.0.0/16 goes to the gateway, not the firewall',
      arch: hybridSpoke(),
      findings: [
        {
          messageId: 'bypass',
          path: PATH,
          severity: 'warning',
          message:
            'subnet snet-nodes sends 0.0.0.0/0 to afw-hub but route table rt-egress propagates gateway routes, so traffic ' +
            'to on-premises 172.20.0.0/16 goes straight to gateway vpngw-hub without passing the firewall',
        },
      ],
    },
  ],
});

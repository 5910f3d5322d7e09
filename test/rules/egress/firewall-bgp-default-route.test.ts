import {
  cluster,
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

/** The baseline hub with an ExpressRoute gateway to on-premises that advertises `advertised`. */
function advertising(advertised: string[], change: (b: B) => void = () => {}) {
  return () => {
    const b = baseline();
    const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
    mutable(b.hub.subnets).push(gwSubnet);
    const gw = vnetGateway({ name: 'ergw-hub', type: 'expressRoute', subnet: gwSubnet });
    const dc = onPremises({ name: 'dc-frankfurt', addressSpace: advertised });
    b.arch.network.gateways = [gw];
    b.arch.network.onPremises = [dc];
    b.arch.network.hybridConnections = [hybridConnection({ name: 'er-dc', gateway: gw, remote: dc })];
    b.arch.network.peerings = [
      peering({ from: b.hub, to: b.spoke, allowGatewayTransit: true, useRemoteGateways: true }),
    ];
    change(b);
    return b.arch;
  };
}

const PATH = 'network.firewalls[0].forcedTunneling';

testRule('egress/firewall-bgp-default-route', {
  valid: [
    { name: 'on-premises advertises only its own ranges', arch: advertising(['192.168.50.0/24']) },
    {
      name: 'a 0.0.0.0/0 → Internet user route on the firewall subnet overrides the learned default',
      arch: advertising(['0.0.0.0/0'], (b) => {
        b.fwSubnet.routeTable = routeTable({
          name: 'rt-afw',
          routes: [{ name: 'internet', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }],
        });
      }),
    },
    {
      name: 'gateway route propagation disabled on the firewall subnet',
      arch: advertising(['0.0.0.0/0'], (b) => {
        b.fwSubnet.routeTable = routeTable({ name: 'rt-afw', routes: [], bgpRoutePropagation: false });
      }),
    },
    {
      name: 'forced-tunnel mode with a management subnet',
      arch: advertising(['0.0.0.0/0'], (b) => {
        const mgmt = subnet({ name: 'AzureFirewallManagementSubnet', cidr: '10.0.0.64/26' });
        mutable(b.hub.subnets).push(mgmt);
        b.firewall.management = { subnet: mgmt };
        b.firewall.forcedTunneling = true;
      }),
    },
  ],
  invalid: [
    {
      name: 'on-premises advertises 0.0.0.0/0 and the firewall subnet has no route table',
      arch: advertising(['0.0.0.0/0']),
      findings: [
        {
          messageId: 'learnedDefault',
          path: PATH,
          severity: 'error',
          message:
            'subnet AzureFirewallSubnet of Azure Firewall afw-hub learns 0.0.0.0/0 from gateway ergw-hub (advertised by ' +
            'dc-frankfurt) and nothing overrides it, so the firewall (egress of aks-test) loses its direct internet access; ' +
            'add 0.0.0.0/0 → Internet on the subnet or use forced-tunnel mode',
          evidence: { firewall: 'afw-hub', gateway: 'ergw-hub', clusters: 1 },
        },
      ],
    },
    {
      name: 'no cluster egresses through the firewall: the message names none',
      arch: advertising(['0.0.0.0/0'], (b) => {
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
      }),
      findings: [
        {
          messageId: 'learnedDefault',
          path: PATH,
          severity: 'error',
          message: /\(advertised by dc-frankfurt\) and nothing overrides it, so the firewall loses its direct internet/,
          evidence: { clusters: 0 },
        },
      ],
    },
    {
      name: 'two clusters egress through the firewall',
      arch: advertising(['0.0.0.0/0'], (b) => {
        const more = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes', routeTable: b.rt });
        mutable(b.spoke.subnets).push(more);
        const pool = nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, subnet: more });
        mutable(b.arch.clusters).push(cluster({ ...b.aks, name: 'aks-two', nodePools: [pool] }));
      }),
      findings: [
        {
          messageId: 'learnedDefault',
          path: PATH,
          severity: 'error',
          message: /so the firewall \(egress of aks-test, aks-two\) loses/,
          evidence: { clusters: 2 },
        },
      ],
    },
    {
      name: 'a firewall-subnet route table that keeps propagation and routes only a narrower prefix',
      arch: advertising(['0.0.0.0/0'], (b) => {
        b.fwSubnet.routeTable = routeTable({
          name: 'rt-afw',
          routes: [{ name: 'half', prefix: '0.0.0.0/1', nextHop: { type: 'Internet' } }],
        });
      }),
      findings: [{ messageId: 'learnedDefault', path: PATH, severity: 'error' }],
    },
  ],
});

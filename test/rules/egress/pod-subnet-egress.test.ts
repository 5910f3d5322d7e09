import { describe, expect, it } from 'vitest';
import {
  hybridConnection,
  nodePool,
  onPremises,
  routeTable,
  subnet,
  vnetGateway,
} from '../../../dsl/index.js';
import { sameEgress, subnetEgress } from '../../../src/model/egress.js';
import { normalize } from '../../../src/normalize/normalize.js';
import { baseline } from '../../helpers/fixture.js';
import { inOrder, testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

type B = ReturnType<typeof baseline>;
type PodRoutes = 'same' | 'none' | 'drop' | 'other-appliance';

/** The baseline with Azure CNI pod subnet (dynamic); `pods` says how the pod subnet is routed. */
function podSubnet(pods: PodRoutes, change: (b: B) => void = () => {}, name = 'snet-pods') {
  return () => {
    const b = baseline();
    const rt =
      pods === 'same'
        ? b.rt
        : pods === 'drop'
          ? routeTable({
              name: 'rt-pods',
              routes: [{ name: 'blackhole', prefix: '0.0.0.0/0', nextHop: { type: 'None' } }],
            })
          : pods === 'other-appliance'
            ? routeTable({
                name: 'rt-pods',
                routes: [
                  { name: 'nva', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualAppliance', address: '10.0.0.20' } },
                ],
              })
            : undefined;
    const podsSubnet = subnet({
      name,
      cidr: '10.1.8.0/22',
      purpose: 'aks-pods',
      ...(rt ? { routeTable: rt } : {}),
    });
    mutable(b.spoke.subnets).push(podsSubnet);
    b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = [
      nodePool({
        name: 'system',
        mode: 'system',
        vmSize: 'Standard_D4ds_v5',
        minCount: 3,
        maxCount: 5,
        subnet: b.nodes,
        podSubnet: podsSubnet,
      }),
    ];
    change(b);
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[2].routeTable';

testRule('egress/pod-subnet-egress', {
  valid: [
    { name: "the pod subnet shares the node subnet's route table", arch: podSubnet('same') },
    {
      name: 'nodes and pods both without a route table (both leave by the load balancer)',
      arch: podSubnet('none', (b) => {
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
      }),
    },
    { name: 'overlay (no pod subnet) is not concerned', arch: () => baseline().arch },
    {
      name: 'two node subnets that leave differently are not pod subnets',
      arch: () => {
        const b = baseline();
        const direct = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes' });
        mutable(b.spoke.subnets).push(direct);
        const pool = { name: 'more', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3 } as const;
        mutable(b.aks.nodePools).push(nodePool({ ...pool, subnet: direct }));
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: "a pod subnet whose name sorts before the node subnet's is still the pod subnet",
      arch: podSubnet('none', () => {}, 'snet-aks-pods'),
      findings: [
        {
          messageId: 'podsDiverge',
          path: PATH,
          severity: 'warning',
          message: /^pod subnet snet-aks-pods of cluster aks-test sends 0\.0\.0\.0\/0 to Internet \(system route\)/,
        },
      ],
    },
    {
      name: 'pods on a default route learned from the VNet gateway',
      arch: podSubnet('none', (b) => {
        const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.1.5.0/27', purpose: 'gateway' });
        mutable(b.spoke.subnets).push(gwSubnet);
        const gw = vnetGateway({ name: 'vpngw-spoke', type: 'vpn', subnet: gwSubnet });
        const dc = onPremises({ name: 'dc', addressSpace: ['0.0.0.0/0'] });
        b.arch.network.gateways = [gw];
        b.arch.network.onPremises = [dc];
        b.arch.network.hybridConnections = [hybridConnection({ name: 'vpn-dc', gateway: gw, remote: dc })];
      }),
      findings: [
        {
          messageId: 'podsDiverge',
          path: PATH,
          severity: 'warning',
          message: inOrder('pod subnet snet-pods', 'to vpngw-spoke (learned from the gateway), but', "the nodes'"),
          evidence: { podVia: 'gateway', nodeVia: 'appliance' },
        },
      ],
    },
    {
      name: 'nodes through the firewall, pods by the system route to Internet',
      arch: podSubnet('none'),
      findings: [
        {
          messageId: 'podsDiverge',
          path: PATH,
          severity: 'warning',
          message:
            'pod subnet snet-pods of cluster aks-test sends 0.0.0.0/0 to Internet (system route), but node subnet snet-nodes ' +
            'sends it to afw-hub (route default in rt-egress): pod traffic to the internet takes another way out than the ' +
            "nodes' and bypasses the firewall afw-hub",
          evidence: { podVia: 'internet', nodeVia: 'appliance' },
        },
      ],
    },
    {
      name: 'pods routed to None',
      arch: podSubnet('drop'),
      findings: [
        {
          messageId: 'podsDiverge',
          path: PATH,
          severity: 'warning',
          message: /to None \(route blackhole in rt-pods\).* and is dropped$/,
        },
      ],
    },
    {
      name: 'pods through another appliance than the nodes',
      arch: podSubnet('other-appliance'),
      findings: [
        {
          messageId: 'podsDiverge',
          path: PATH,
          severity: 'warning',
          message: /to 10\.0\.0\.20 \(route nva in rt-pods\), but node subnet snet-nodes sends it to afw-hub .*nodes'$/,
        },
      ],
    },
  ],
});

describe('subnetEgress (model)', () => {
  it('derives the egress of every node and pod subnet from its own default route', () => {
    const { model } = normalize(podSubnet('none')());
    const [nodes, pods] = subnetEgress(model.egressPaths[0]!);
    expect(nodes).toMatchObject({
      subnet: 'subnet:vnet-spoke/snet-nodes',
      role: 'nodes',
      via: 'appliance',
      nextHop: 'azureFirewall:afw-hub',
    });
    expect(pods).toMatchObject({ subnet: 'subnet:vnet-spoke/snet-pods', role: 'pods', via: 'internet' });
    expect(sameEgress(nodes!, pods!)).toBe(false);
    expect(sameEgress(nodes!, nodes!)).toBe(true);
  });
});

import { natGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

/** A user-assigned NAT gateway on the node subnet; the apps pool scales to `appsMax` with `appsSurge`. */
function withNat(spec: { publicIps?: number; publicIpPrefixLength?: number }, appsMax?: number, appsSurge?: number) {
  return () => {
    const b = baseline();
    const nat = natGateway({ name: 'ng-aks', ...spec });
    delete b.nodes.routeTable;
    b.nodes.natGateway = nat;
    b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
    if (appsMax !== undefined) b.aks.nodePools[1]!.maxCount = appsMax;
    if (appsSurge !== undefined) b.aks.nodePools[1]!.maxSurge = appsSurge;
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[0].natGateway.publicIps';

testRule('egress/nat-gateway-snat-capacity', {
  valid: [
    { name: '2 public IPs for 17 nodes', arch: withNat({ publicIps: 2 }) },
    { name: '16 public IPs (the maximum)', arch: withNat({ publicIps: 16 }) },
    { name: 'a /28 prefix alone: 16 addresses', arch: withNat({ publicIps: 0, publicIpPrefixLength: 28 }) },
    { name: '1 address for 63 nodes: exactly 1,024 ports each (5 + 56 + 1 + 1 surge)', arch: withNat({ publicIps: 1 }, 56, 1) },
  ],
  invalid: [
    {
      name: 'more than 16 public addresses (4 IPs + a /28)',
      arch: withNat({ publicIps: 4, publicIpPrefixLength: 28 }),
      findings: [
        {
          messageId: 'tooManyAddresses',
          path: PATH,
          severity: 'error',
          message: 'NAT gateway ng-aks has 20 public addresses (4 IPs + a /28 prefix); a NAT gateway supports at most 16',
          evidence: { natGateway: 'ng-aks', publicAddresses: 20 },
        },
      ],
    },
    {
      name: '17 public addresses (one above: 1 IP + a /28)',
      arch: withNat({ publicIps: 1, publicIpPrefixLength: 28 }),
      findings: [
        {
          messageId: 'tooManyAddresses',
          path: PATH,
          severity: 'error',
          message: 'NAT gateway ng-aks has 17 public addresses (1 IP + a /28 prefix); a NAT gateway supports at most 16',
        },
      ],
    },
    {
      name: 'no public address',
      arch: withNat({ publicIps: 0 }),
      findings: [
        {
          messageId: 'noAddress',
          path: PATH,
          severity: 'error',
          message: 'NAT gateway ng-aks has no public address, so cluster aks-test has no egress through it',
        },
      ],
    },
    {
      name: '1 address for 64 nodes: 1,008 ports each (one node too many)',
      arch: withNat({ publicIps: 1 }, 57, 1),
      findings: [
        {
          messageId: 'fewPortsPerNode',
          path: PATH,
          severity: 'info',
          message:
            'NAT gateway ng-aks: 1 public address × 64,512 = 64,512 SNAT ports for 64 nodes (62 nodes + 2 surge of aks-test) is 1,008 ports per node on average, below the 1,024 a load balancer would pre-allocate; the ports are shared on demand, so this is little headroom, not a limit',
          evidence: { portsPerNode: 1008, maxNodes: 62, surgeNodes: 2 },
        },
      ],
    },
    {
      name: 'SNAT ports per node at maximum scale far below 1,024',
      arch: withNat({ publicIps: 1 }, 70), // 75 nodes + (1 + 7) surge
      findings: [
        {
          messageId: 'fewPortsPerNode',
          path: PATH,
          severity: 'info',
          message:
            'NAT gateway ng-aks: 1 public address × 64,512 = 64,512 SNAT ports for 83 nodes (75 nodes + 8 surge of aks-test) is 777 ports per node on average, below the 1,024 a load balancer would pre-allocate; the ports are shared on demand, so this is little headroom, not a limit',
        },
      ],
    },
    {
      // managedNATGateway cannot run in the design's own VNet (egress/outbound-vnet-mode): the ports counted are the
      // subnet's NAT gateway's, so the finding is on it, not on the cluster's outbound type.
      name: 'managedNATGateway in the design\'s own VNet, egressing by the subnet\'s NAT gateway',
      arch: () => {
        const arch = withNat({ publicIps: 1 }, 70)();
        arch.clusters[0]!.outbound = { type: 'managedNATGateway', outboundIps: 2 };
        return arch;
      },
      findings: [{ messageId: 'fewPortsPerNode', path: PATH, severity: 'info', message: /^NAT gateway ng-aks: 1 public address × 64,512/ }],
    },
    {
      name: 'the managed NAT gateway of a managed-VNet cluster',
      arch: () => {
        const b = baseline();
        delete b.nodes.routeTable;
        b.aks.managedVnet = true;
        b.aks.outbound = { type: 'managedNATGateway', outboundIps: 1 };
        b.aks.nodePools[1]!.maxCount = 70;
        return b.arch;
      },
      findings: [
        {
          messageId: 'fewPortsPerNode',
          path: 'clusters[0].outbound',
          severity: 'info',
          message: /^NAT gateway aks-test managed NAT: 1 public address × 64,512/,
        },
      ],
    },
  ],
});

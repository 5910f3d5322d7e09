import { natGateway, nva, routeTable } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { publicCluster, vnetIntegrated } from './_fixtures.js';

function withNat(ranges: string[], publicIpAddresses?: string[]) {
  return () => {
    const b = publicCluster(ranges);
    const nat = natGateway({ name: 'ng-aks', publicIpPrefixLength: 31, ...(publicIpAddresses ? { publicIpAddresses } : {}) });
    delete b.nodes.routeTable; // else the baseline's 0.0.0.0/0 route to the firewall bypasses the NAT gateway
    b.nodes.natGateway = nat;
    b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
    return b.arch;
  };
}

const PATH = 'clusters[0].apiServer.authorizedIpRanges';
const firewallUnknown = {
  messageId: 'egressUnknown',
  path: PATH,
  severity: 'info' as const,
  message:
    'aks-test egresses through firewall afw-hub (20 public IPs, addresses not declared); make sure they are among the 1 authorized IP ranges, or nodes lose the API server',
  evidence: { device: 'firewall afw-hub', publicIps: 20, ranges: 1 },
};

testRule('control-plane/authorized-ranges-egress-ips', {
  valid: [
    { name: 'authorized NAT addresses', arch: withNat(['203.0.113.0/28', '20.96.14.38/31'], ['20.96.14.38/31']) },
    { name: 'NAT addresses inside a wider authorized range', arch: withNat(['20.96.14.0/24'], ['20.96.14.38', '20.96.14.39']) },
    {
      name: 'load balancer egress (AKS authorizes it)',
      arch: () => {
        const b = publicCluster(['203.0.113.0/28']);
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
    },
    { name: 'an unrestricted server', arch: () => publicCluster().arch },
    { name: 'ranges with 0.0.0.0/0', arch: () => publicCluster(['0.0.0.0/0']).arch },
    {
      name: 'VNet integration: nodes use the internal address',
      arch: () => {
        const b = vnetIntegrated(false);
        (b.aks.apiServer as { authorizedIpRanges?: string[] }).authorizedIpRanges = ['203.0.113.0/28'];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'declared NAT gateway addresses not authorized',
      arch: withNat(['203.0.113.0/28'], ['20.96.14.38/31']),
      findings: [
        {
          messageId: 'egressNotAuthorized',
          path: PATH,
          severity: 'warning',
          message:
            'aks-test egresses through NAT gateway ng-aks from 20.96.14.38/31, which is not among its 1 authorized IP ranges; nodes would lose the API server',
          evidence: { device: 'NAT gateway ng-aks', missing: '20.96.14.38/31', ranges: 1 },
        },
      ],
    },
    {
      name: 'a /31 only half inside the authorized /32, and a second address outside',
      arch: withNat(['20.96.14.38/32'], ['20.96.14.38/31', '20.96.14.40']),
      findings: [
        {
          messageId: 'egressNotAuthorized',
          path: PATH,
          severity: 'warning',
          message:
            'aks-test egresses through NAT gateway ng-aks from 20.96.14.38/31, 20.96.14.40, which are not among its 1 authorized IP ranges; nodes would lose the API server',
        },
      ],
    },
    {
      name: 'NAT addresses not declared: an info reminder',
      arch: withNat(['203.0.113.0/28']),
      findings: [
        {
          messageId: 'egressUnknown',
          path: PATH,
          severity: 'info',
          message:
            'aks-test egresses through NAT gateway ng-aks (2 public IPs, addresses not declared); make sure they are among the 1 authorized IP ranges, or nodes lose the API server',
        },
      ],
    },
    { name: 'firewall addresses unknown: an info reminder', arch: () => publicCluster(['203.0.113.0/28']).arch, findings: [firewallUnknown] },
    {
      name: 'a NAT gateway behind the firewall, addresses declared but not authorized',
      arch: () => {
        const b = publicCluster(['203.0.113.0/28']);
        b.firewall.natGateway = natGateway({ name: 'ng-fw', publicIps: 2, publicIpAddresses: ['20.1.1.1', '20.1.1.2'] });
        return b.arch;
      },
      findings: [
        {
          messageId: 'egressNotAuthorized',
          path: PATH,
          severity: 'warning',
          message:
            'aks-test egresses through NAT gateway ng-fw behind afw-hub from 20.1.1.1, 20.1.1.2, which are not among its 1 authorized IP ranges; nodes would lose the API server',
        },
      ],
    },
    {
      name: 'an NVA with declared addresses, one not authorized',
      arch: () => {
        const b = publicCluster(['203.0.113.0/28']);
        const appliance = nva({ name: 'nva-hub', subnet: b.fwSubnet, privateIp: '10.0.0.10', publicIps: 2, publicIpAddresses: ['203.0.113.5', '198.51.100.9'] });
        b.nodes.routeTable = routeTable({ name: 'rt-nva', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: appliance }] });
        b.aks.outbound = { type: 'userDefinedRouting', via: appliance };
        b.arch.network.nvas = [appliance];
        return b.arch;
      },
      findings: [
        {
          messageId: 'egressNotAuthorized',
          path: PATH,
          severity: 'warning',
          message:
            'aks-test egresses through NVA nva-hub from 198.51.100.9, which is not among its 1 authorized IP ranges; nodes would lose the API server',
        },
      ],
    },
    {
      name: 'a managed NAT gateway: its addresses are never declared',
      arch: () => {
        const b = publicCluster(['203.0.113.0/28']);
        delete b.nodes.routeTable;
        b.aks.managedVnet = true;
        b.aks.outbound = { type: 'managedNATGateway', outboundIps: 3 };
        return b.arch;
      },
      findings: [
        {
          messageId: 'egressUnknown',
          path: PATH,
          severity: 'info',
          message:
            'aks-test egresses through the managed NAT gateway (3 public IPs, addresses not declared); make sure they are among the 1 authorized IP ranges, or nodes lose the API server',
        },
      ],
    },
    {
      name: 'a firewall with one public IP (singular)',
      arch: () => {
        const b = publicCluster(['203.0.113.0/28']);
        b.firewall.publicIps = 1;
        return b.arch;
      },
      findings: [
        {
          messageId: 'egressUnknown',
          path: PATH,
          severity: 'info',
          message:
            'aks-test egresses through firewall afw-hub (1 public IP, addresses not declared); make sure they are among the 1 authorized IP ranges, or nodes lose the API server',
        },
      ],
    },
    {
      name: 'the effective route wins: a loadBalancer cluster routing 0.0.0.0/0 to the firewall egresses from the firewall',
      arch: () => {
        const b = publicCluster(['203.0.113.0/28']);
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
      findings: [firewallUnknown],
    },
  ],
});

import { nva } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule, type ExpectedFinding } from '../../helpers/rule-tester.js';

function withIps(fw: string, ilb?: string, fwCidr?: string) {
  return () => {
    const b = baseline();
    b.firewall.privateIp = fw;
    if (fwCidr) b.fwSubnet.cidr = fwCidr;
    if (ilb) b.ilb.privateIp = ilb;
    return b.arch;
  };
}

const FW = 'network.firewalls[0].privateIp';
const ILB = 'ingress[0].hops[1].via.privateIp';
const ilbOutside = (ip: string): ExpectedFinding => ({
  messageId: 'outsideSubnet',
  path: ILB,
  severity: 'error',
  message: `internal load balancer ilb-ingress private IP ${ip} is outside its subnet snet-nodes 10.1.0.0/22`,
  evidence: { resource: 'ilb-ingress', privateIp: ip, subnet: 'snet-nodes', cidr: '10.1.0.0/22' },
});
const fwReserved = (ip: string, cidr = '10.0.0.0/26'): ExpectedFinding => ({
  messageId: 'reserved',
  path: FW,
  severity: 'error',
  message: `firewall afw-hub private IP ${ip} is one of the first four addresses of AzureFirewallSubnet ${cidr}, which Azure reserves (first usable: 10.0.0.4)`,
});

testRule('address/private-ip-placement', {
  valid: [
    { name: 'the first usable address (.4) and the last host before the broadcast', arch: withIps('10.0.0.4', '10.1.3.254') },
    { name: 'a usable address', arch: withIps('10.0.0.4', '10.1.3.250') },
    { name: 'a /30 is too small for the reserved-address check', arch: withIps('10.0.0.1', undefined, '10.0.0.0/30') },
    {
      name: 'a public load balancer has no private IP to place',
      arch: () => {
        const b = baseline();
        b.ilb.visibility = 'public';
        b.ilb.privateIp = '10.9.9.9';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a firewall IP on a reserved address and an ILB IP outside its subnet',
      arch: withIps('10.0.0.1', '10.1.9.4'),
      findings: [fwReserved('10.0.0.1'), ilbOutside('10.1.9.4')],
    },
    { name: 'the last reserved address (.3)', arch: withIps('10.0.0.3'), findings: [fwReserved('10.0.0.3')] },
    { name: 'the network address (.0)', arch: withIps('10.0.0.0'), findings: [fwReserved('10.0.0.0')] },
    { name: 'a reserved address in a /29 (the smallest checked)', arch: withIps('10.0.0.3', undefined, '10.0.0.0/29'), findings: [fwReserved('10.0.0.3', '10.0.0.0/29')] },
    {
      name: 'the broadcast address',
      arch: withIps('10.0.0.4', '10.1.3.255'),
      findings: [
        {
          messageId: 'broadcast',
          path: ILB,
          severity: 'error',
          message: 'internal load balancer ilb-ingress private IP 10.1.3.255 is the broadcast address of snet-nodes 10.1.0.0/22',
        },
      ],
    },
    { name: 'the address just after the subnet', arch: withIps('10.0.0.4', '10.1.4.0'), findings: [ilbOutside('10.1.4.0')] },
    { name: 'the address just before the subnet', arch: withIps('10.0.0.4', '10.0.255.255'), findings: [ilbOutside('10.0.255.255')] },
    {
      name: 'an NVA on a reserved address',
      arch: () => {
        const b = baseline();
        b.arch.network.nvas = [nva({ name: 'nva-hub', subnet: b.fwSubnet, privateIp: '10.0.0.2' })];
        return b.arch;
      },
      findings: [
        {
          messageId: 'reserved',
          path: 'network.nvas[0].privateIp',
          severity: 'error',
          message:
            'NVA nva-hub private IP 10.0.0.2 is one of the first four addresses of AzureFirewallSubnet 10.0.0.0/26, which Azure reserves (first usable: 10.0.0.4)',
        },
      ],
    },
    {
      name: 'an Application Gateway private frontend outside its subnet',
      arch: () => {
        const b = baseline();
        b.appGw.frontend = 'both';
        b.appGw.privateIp = '10.1.5.10';
        return b.arch;
      },
      findings: [
        {
          messageId: 'outsideSubnet',
          path: 'ingress[0].hops[0].via.privateIp',
          severity: 'error',
          message: 'Application Gateway agw-test private IP 10.1.5.10 is outside its subnet snet-appgw 10.1.4.0/24',
        },
      ],
    },
  ],
});

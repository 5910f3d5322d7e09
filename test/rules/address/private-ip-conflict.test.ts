import { loadBalancer, nva } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline ILB on 10.1.0.100 and a second load balancer on the same path at `second`. */
function twoIlbs(second: string, visibility: 'internal' | 'public' = 'internal') {
  return () => {
    const b = baseline();
    b.ilb.privateIp = '10.1.0.100';
    const other = loadBalancer({ name: 'ilb-admin', visibility, subnet: b.nodes, privateIp: second, cluster: b.aks });
    mutable(b.arch.ingress![0]!.hops).splice(2, 0, { via: other, protocol: 'https', port: 443, tls: 'passthrough' });
    return b.arch;
  };
}

testRule('address/private-ip-conflict', {
  valid: [
    { name: 'distinct addresses', arch: twoIlbs('10.1.0.101') },
    { name: 'a public load balancer has no private IP to conflict', arch: twoIlbs('10.1.0.100', 'public') },
    {
      name: 'the same address in another VNet',
      arch: () => {
        const b = baseline();
        b.ilb.privateIp = b.firewall.privateIp!;
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'two internal load balancers on one address',
      arch: twoIlbs('10.1.0.100'),
      findings: [
        {
          messageId: 'duplicate',
          path: 'ingress[0].hops[1].via.privateIp',
          severity: 'error',
          message: 'ilb-ingress declares private IP 10.1.0.100, which ilb-admin in the same VNet already uses',
          evidence: { resource: 'ilb-ingress', privateIp: '10.1.0.100', other: 'ilb-admin' },
        },
      ],
    },
    {
      name: 'an NVA on the firewall address',
      arch: () => {
        const b = baseline();
        b.arch.network.nvas = [nva({ name: 'nva-hub', subnet: b.fwSubnet, privateIp: '10.0.0.4' })];
        return b.arch;
      },
      findings: [
        {
          messageId: 'duplicate',
          path: 'network.nvas[0].privateIp',
          severity: 'error',
          message: 'nva-hub declares private IP 10.0.0.4, which afw-hub in the same VNet already uses',
          evidence: { resource: 'nva-hub', privateIp: '10.0.0.4', other: 'afw-hub' },
        },
      ],
    },
    {
      name: 'an internal load balancer on the Application Gateway address',
      arch: () => {
        const b = baseline();
        b.appGw.frontend = 'both';
        b.appGw.privateIp = '10.1.4.10';
        b.appGwSubnet.cidr = '10.1.4.0/24';
        b.ilb.privateIp = '10.1.4.10';
        b.ilb.subnet = b.appGwSubnet;
        return b.arch;
      },
      findings: [
        {
          messageId: 'duplicate',
          path: 'ingress[0].hops[1].via.privateIp',
          severity: 'error',
          message: 'ilb-ingress declares private IP 10.1.4.10, which agw-test in the same VNet already uses',
        },
      ],
    },
  ],
});

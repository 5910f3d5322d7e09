import { natGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function prod(publicIps: number) {
  return () => {
    const b = baseline();
    b.arch.metadata.environment = 'production';
    b.firewall.publicIps = publicIps;
    return b.arch;
  };
}

const few = (ips: string, count: string, ports: string) => ({
  messageId: 'fewPublicIps',
  path: 'network.firewalls[0].publicIps',
  severity: 'warning' as const,
  message: `Azure Firewall afw-hub carries egress of aks-test (up to 17 nodes) with ${ips}: ${count} × 2,496 = ${ports} SNAT ports per instance; production guidance is at least 20 public IPs (49,920 ports) or a NAT gateway`,
});

testRule('egress/firewall-snat-capacity', {
  valid: [
    { name: '20 public IPs in production (the guidance)', arch: prod(20) },
    {
      name: 'a NAT gateway on the firewall',
      arch: () => {
        const b = baseline();
        b.arch.metadata.environment = 'production';
        b.firewall.publicIps = 1;
        b.firewall.natGateway = natGateway({ name: 'ng-fw', publicIps: 2 });
        return b.arch;
      },
    },
    {
      name: 'not production',
      arch: () => {
        const b = baseline();
        b.firewall.publicIps = 2;
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: '2 public IPs in production',
      arch: prod(2),
      findings: [{ ...few('2 public IPs', '2', '4,992'), evidence: { firewall: 'afw-hub', publicIps: 2, snatPortsPerInstance: 4992, nodes: 17 } }],
    },
    { name: '19 public IPs (one short)', arch: prod(19), findings: [few('19 public IPs', '19', '47,424')] },
    { name: '1 public IP (singular)', arch: prod(1), findings: [few('1 public IP', '1', '2,496')] },
  ],
});

import { vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withOnPrem } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const unreachable = (ip: string, index: number) => ({
  messageId: 'unreachable',
  path: `network.vnets[1].dnsServers[${index}]`,
  severity: 'warning' as const,
  message: `VNet vnet-spoke hosts an AKS cluster and uses DNS server ${ip}, which is not inside it or any connected VNet or on-premises range; nodes cannot resolve private zones through it`,
  evidence: { vnet: 'vnet-spoke', dnsServer: ip },
});

testRule('address/custom-dns-reachable', {
  valid: [
    {
      name: 'resolvers in the hub and in a connected data centre',
      arch: () => {
        const b = withOnPrem(['192.168.100.0/22']);
        b.spoke.dnsServers = ['10.0.0.4', '192.168.100.10'];
        return b.arch;
      },
    },
    {
      name: 'the first and last address of the peered hub space (10.0.0.0/22)',
      arch: () => {
        const b = baseline();
        b.spoke.dnsServers = ['10.0.0.0', '10.0.3.255'];
        return b.arch;
      },
    },
    {
      name: 'the Azure-provided resolver 168.63.129.16',
      arch: () => {
        const b = baseline();
        b.spoke.dnsServers = ['168.63.129.16'];
        return b.arch;
      },
    },
    {
      name: 'a public resolver on a VNet without a cluster',
      arch: () => {
        const b = baseline();
        b.hub.dnsServers = ['8.8.8.8'];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a public resolver on the cluster VNet',
      arch: () => {
        const b = baseline();
        b.spoke.dnsServers = ['10.0.0.4', '8.8.8.8'];
        return b.arch;
      },
      findings: [{ ...unreachable('8.8.8.8', 1), severity: 'warning' }],
    },
    {
      name: 'the address just after the hub space (10.0.4.0)',
      arch: () => {
        const b = baseline();
        b.spoke.dnsServers = ['10.0.4.0'];
        return b.arch;
      },
      findings: [unreachable('10.0.4.0', 0)],
    },
    {
      name: 'a resolver in a VNet that is not connected',
      arch: () => {
        const b = baseline();
        mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-dns', region: 'westeurope', addressSpace: ['10.9.0.0/24'], subnets: [] }));
        b.spoke.dnsServers = ['10.9.0.4'];
        return b.arch;
      },
      findings: [unreachable('10.9.0.4', 0)],
    },
    {
      name: 'a resolver in an on-premises range with no connection',
      arch: () => {
        const b = withOnPrem(['192.168.100.0/22'], false);
        b.spoke.dnsServers = ['192.168.100.10'];
        return b.arch;
      },
      findings: [unreachable('192.168.100.10', 0)],
    },
  ],
});

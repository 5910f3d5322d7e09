import { subnet, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const SPOKE = 'network.vnets[1]';

/** The baseline with the spoke's DNS servers and, optionally, a third VNet in northeurope holding 10.50.0.0/16. */
function dns(servers: string[], remote = false) {
  return () => {
    const b = baseline();
    b.spoke.dnsServers = servers;
    if (remote)
      mutable(b.arch.network.vnets).push(
        vnet({ name: 'vnet-dns-neu', region: 'northeurope', addressSpace: ['10.50.0.0/16'], subnets: [] }),
      );
    return b.arch;
  };
}

/** The baseline with one spoke DNS server in a hub subnet, delegated to DNS Private Resolver or not. */
function resolverSubnet(delegated: boolean) {
  return () => {
    const b = baseline();
    mutable(b.hub.subnets).push(
      subnet({ name: 'snet-dnspr-in', cidr: '10.0.1.0/28', ...(delegated ? { delegation: 'Microsoft.Network/dnsResolvers' } : {}) }),
    );
    b.spoke.dnsServers = ['10.0.1.4'];
    return b.arch;
  };
}

testRule('address/custom-dns-redundancy', {
  valid: [
    { name: 'Azure-provided DNS', arch: dns([]) },
    { name: 'two servers in the hub (same region)', arch: dns(['10.0.0.4', '10.0.0.5']) },
    { name: 'the Azure Firewall DNS proxy alone (a zone-redundant platform service, not one server)', arch: dns(['10.0.0.4']) },
    { name: 'one DNS Private Resolver inbound endpoint (a subnet delegated to Microsoft.Network/dnsResolvers)', arch: resolverSubnet(true) },
    { name: 'two on-premises servers (region unknown, not judged)', arch: dns(['192.168.10.4', '192.168.10.5']) },
    {
      name: 'two servers, one just outside the remote VNet (10.49.255.255)',
      arch: dns(['10.0.0.4', '10.49.255.255'], true),
    },
  ],
  invalid: [
    {
      name: 'the same single address in a subnet not delegated to DNS Private Resolver (a DNS VM)',
      arch: resolverSubnet(false),
      findings: [{ messageId: 'singleServer', path: `${SPOKE}.dnsServers`, severity: 'warning', message: /one custom DNS server \(10\.0\.1\.4\)/ }],
    },
    {
      name: 'a single server',
      arch: dns(['10.0.0.5']),
      findings: [
        {
          messageId: 'singleServer',
          path: `${SPOKE}.dnsServers`,
          severity: 'warning',
          message:
            'VNet vnet-spoke uses one custom DNS server (10.0.0.5); when it is down nothing in the VNet resolves names',
        },
      ],
    },
    {
      name: 'a second server at the first address of a VNet in another region (10.50.0.0)',
      arch: dns(['10.0.0.4', '10.50.0.0'], true),
      findings: [
        {
          messageId: 'otherRegion',
          path: `${SPOKE}.dnsServers[1]`,
          severity: 'info',
          message:
            'VNet vnet-spoke in westeurope uses DNS server 10.50.0.0 in VNet vnet-dns-neu in northeurope; every lookup ' +
            'crosses regions and depends on that region',
        },
      ],
    },
  ],
});

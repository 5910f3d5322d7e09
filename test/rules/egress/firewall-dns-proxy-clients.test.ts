import { expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'egress/firewall-dns-proxy-clients';
const PATH = 'network.vnets[1].dnsServers';

/** The baseline (egress through afw-hub, 10.0.0.4) with the spoke's DNS servers and the firewall's DNS proxy. */
function design(dnsServers: string[] | undefined, dnsProxy = true, fqdnNetworkRule = true) {
  return () => {
    const b = baseline();
    if (dnsServers) b.spoke.dnsServers = dnsServers;
    b.firewall.dnsProxy = dnsProxy;
    // A TCP destination by name: the firewall needs an FQDN network rule for it.
    if (fqdnNetworkRule) b.aks.egressDestinations = [{ name: 'Mail relay', fqdn: 'smtp.example.com', port: 587, protocol: 'tcp' }];
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'the spoke resolves through the firewall', arch: design(['10.0.0.4']) },
    { name: 'the firewall among several DNS servers', arch: design(['10.1.9.9', '10.0.0.4']) },
    { name: 'DNS proxy off: nothing to point at', arch: design(undefined, false) },
    {
      name: 'a cluster that does not egress through the firewall',
      arch: () => {
        const b = baseline();
        delete b.nodes.routeTable;
        b.aks.outbound = { type: 'loadBalancer' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'the spoke on Azure-provided DNS',
      arch: design(undefined),
      findings: [
        {
          messageId: 'azureDns',
          path: PATH,
          severity: 'warning',
          message:
            'Azure Firewall afw-hub has DNS proxy on, but VNet vnet-spoke (cluster aks-test egresses through the firewall) ' +
            "uses Azure-provided DNS, so its pods bypass the proxy; set the VNet's dnsServers to 10.0.0.4",
        },
      ],
    },
    {
      name: 'the spoke on Azure-provided DNS with no FQDN network rule needed (HTTPS destinations only): info',
      arch: design(undefined, true, false),
      findings: [{ messageId: 'azureDnsNoNetworkFqdn', path: PATH, severity: 'info', message: /no egress destination of the cluster needs an FQDN network rule/ }],
    },
    {
      name: 'the spoke on other custom DNS servers (they may forward): info',
      arch: design(['10.1.9.9']),
      findings: [
        {
          messageId: 'otherDns',
          path: PATH,
          severity: 'info',
          message: /uses DNS servers 10\.1\.9\.9, not the firewall \(10\.0\.0\.4\); make sure they forward to it$/,
        },
      ],
    },
  ],
});

it(`${ID}: a firewall without a stated private IP is an unverified check`, async () => {
  const b = baseline();
  delete b.firewall.privateIp;
  const res = await runRuleResult(ID, b.arch);
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => u.factPath)).toEqual(['network.firewalls[0].privateIp']);
});

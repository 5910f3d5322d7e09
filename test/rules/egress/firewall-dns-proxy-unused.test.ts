import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'egress/firewall-dns-proxy-unused';

function spokeDns(servers: string[] | undefined, dnsProxy = true) {
  return () => {
    const b = baseline();
    b.firewall.dnsProxy = dnsProxy;
    if (servers) b.spoke.dnsServers = servers;
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'the spoke resolves through the firewall', arch: spokeDns(['10.0.0.4']) },
    { name: 'DNS proxy off: nothing to bypass', arch: spokeDns(undefined, false) },
  ],
  invalid: [
    {
      name: 'the spoke keeps Azure-provided DNS',
      arch: spokeDns(undefined),
      findings: [
        {
          messageId: 'vnetBypassesProxy',
          path: 'network.vnets[1].dnsServers',
          severity: 'info',
          message:
            'Azure Firewall afw-hub has DNS proxy on, but VNet vnet-spoke (nodes of aks-test) resolves with Azure-provided DNS ' +
            'instead of the firewall (10.0.0.4); unless they forward to the firewall, FQDN rules may resolve differently',
        },
      ],
    },
    {
      name: 'the spoke uses other DNS servers (one address off the firewall)',
      arch: spokeDns(['10.0.0.5']),
      findings: [{ messageId: 'vnetBypassesProxy', path: 'network.vnets[1].dnsServers', severity: 'info', message: /resolves with DNS servers 10\.0\.0\.5 / }],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('an unknown firewall private IP is one unverified check', async () => {
    const b = baseline();
    delete b.firewall.privateIp;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.firewalls[0].privateIp']);
  });
});

import { describe, expect, it } from 'vitest';
import type { FirewallRuleCollection } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

function withDestination(dnsProxy: boolean, protocol: 'tcp' | 'udp' | 'https', port = 587) {
  return () => {
    const b = baseline();
    b.firewall.dnsProxy = dnsProxy;
    b.firewall.fqdnAllowRules = ['smtp.example.com'];
    b.aks.egressDestinations = [{ name: 'Mail relay', fqdn: 'smtp.example.com', port, protocol, category: 'saas' }];
    return b.arch;
  };
}

type NetRule = Extract<FirewallRuleCollection, { type: 'network' }>['rules'][number];

const NTP: NetRule = { name: 'time', sourceAddresses: ['*'], protocols: ['UDP'], destinationPorts: [123], destinationFqdns: ['ntp.ubuntu.com'] };

/** The baseline firewall with an Allow network collection (d1d: the tutorial's NTP rule) and DNS proxy as given. */
function withRule(dnsProxy: boolean | undefined, rules: NetRule[] = [NTP]) {
  return () => {
    const b = baseline();
    if (dnsProxy === undefined) delete b.firewall.dnsProxy;
    else b.firewall.dnsProxy = dnsProxy;
    b.firewall.classicRules = [{ type: 'network', name: 'aksfwnr', priority: 100, action: 'Allow', rules }];
    return b.arch;
  };
}

const ruleOff = (rule: string, fqdns: string) => ({
  messageId: 'ruleDnsProxyOff',
  path: 'network.firewalls[0].dnsProxy',
  severity: 'error' as const,
  message:
    `network rule ${rule} (aksfwnr) of Azure Firewall afw-hub allows ${fqdns} by FQDN, but DNS proxy is disabled; ` +
    'FQDNs in network rules need it, so the rule does not work as written',
  evidence: { rule, fqdns },
});

describe('egress/firewall-dns-proxy: DNS proxy not stated', () => {
  it('an FQDN network rule with dnsProxy left out: unverified, naming the fact, never a finding', async () => {
    const r = await runRuleResult('egress/firewall-dns-proxy', withRule(undefined)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.fact])).toEqual([
      ['network.firewalls[0].dnsProxy', 'whether DNS proxy is enabled on the firewall or its policy'],
    ]);
    expect(r.unverified?.[0]?.check).toMatch(/network rule time \(aksfwnr\) of Azure Firewall afw-hub can match ntp\.ubuntu\.com/);
  });

  it('a TCP destination by name with dnsProxy left out: unverified too', async () => {
    const b = baseline();
    delete b.firewall.dnsProxy;
    b.aks.egressDestinations = [{ name: 'Mail relay', fqdn: 'smtp.example.com', port: 587, protocol: 'tcp', category: 'saas' }];
    const r = await runRuleResult('egress/firewall-dns-proxy', b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.firewalls[0].dnsProxy']);
  });
});

testRule('egress/firewall-dns-proxy', {
  valid: [
    { name: 'DNS proxy on', arch: withDestination(true, 'tcp') },
    { name: 'HTTPS destinations (application rules) without DNS proxy', arch: withDestination(false, 'https', 443) },
    { name: 'an FQDN network rule with DNS proxy on (the tutorial, d1)', arch: withRule(true) },
    {
      name: 'a network rule by address or service tag needs no DNS proxy',
      arch: withRule(false, [{ name: 'apiudp', sourceAddresses: ['*'], protocols: ['UDP'], destinationPorts: [1194], destinationAddresses: ['AzureCloud.eastus'] }]),
    },
  ],
  invalid: [
    { name: "the firewall's own FQDN network rule without DNS proxy (d1d)", arch: withRule(false), findings: [ruleOff('time', 'ntp.ubuntu.com')] },
    {
      name: 'one finding per FQDN network rule, listing its names',
      arch: withRule(false, [NTP, { ...NTP, name: 'smtp', protocols: ['TCP'], destinationPorts: [587], destinationFqdns: ['smtp.example.com', 'smtp2.example.com'] }]),
      findings: [ruleOff('smtp', 'smtp.example.com, smtp2.example.com'), ruleOff('time', 'ntp.ubuntu.com')],
    },
    {
      name: 'a TCP destination named by a reported network rule is not reported twice',
      arch: () => {
        const arch = withRule(false, [{ ...NTP, name: 'smtp', protocols: ['TCP'], destinationPorts: [587], destinationFqdns: ['smtp.example.com'] }])();
        arch.clusters[0]!.egressDestinations = [{ name: 'Mail relay', fqdn: 'SMTP.example.com', port: 587, protocol: 'tcp' }];
        return arch;
      },
      findings: [ruleOff('smtp', 'smtp.example.com')],
    },
    {
      name: 'a TCP FQDN destination behind a firewall without DNS proxy',
      arch: withDestination(false, 'tcp'),
      findings: [
        {
          messageId: 'dnsProxyOff',
          path: 'network.firewalls[0].dnsProxy',
          severity: 'error',
          message:
            'egress destination Mail relay (smtp.example.com, tcp:587) of cluster aks-test needs an FQDN network rule on Azure Firewall afw-hub, which has DNS proxy disabled',
          evidence: { firewall: 'afw-hub', destination: 'Mail relay', protocol: 'tcp', port: 587 },
        },
      ],
    },
    {
      name: 'a UDP FQDN destination',
      arch: withDestination(false, 'udp', 123),
      findings: [
        {
          messageId: 'dnsProxyOff',
          path: 'network.firewalls[0].dnsProxy',
          severity: 'error',
          message:
            'egress destination Mail relay (smtp.example.com, udp:123) of cluster aks-test needs an FQDN network rule on Azure Firewall afw-hub, which has DNS proxy disabled',
        },
      ],
    },
  ],
});

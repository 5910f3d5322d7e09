import { baseline } from '../../helpers/fixture.js';
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

testRule('egress/firewall-dns-proxy', {
  valid: [
    { name: 'DNS proxy on', arch: withDestination(true, 'tcp') },
    { name: 'HTTPS destinations (application rules) without DNS proxy', arch: withDestination(false, 'https', 443) },
  ],
  invalid: [
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

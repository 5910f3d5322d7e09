import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withServiceCidr(serviceCidr: string | undefined, dnsServiceIP?: string) {
  return () => {
    const b = baseline();
    b.aks.network.serviceCidr = serviceCidr;
    b.aks.network.dnsServiceIP = dnsServiceIP;
    return b.arch;
  };
}
const PATH = 'clusters[0].network.serviceCidr';
const invalid = (cidr: string, dns: string, name: string) => ({
  name,
  arch: withServiceCidr(cidr, dns),
  findings: [{ messageId: 'publicRange', path: PATH, severity: 'warning' as const, evidence: { serviceCidr: cidr } }],
});

testRule('address/service-cidr-private', {
  valid: [
    { name: 'not stated (the 10.0.0.0/16 default)', arch: withServiceCidr(undefined) },
    { name: 'the last /16 of 172.16.0.0/12', arch: withServiceCidr('172.31.0.0/16', '172.31.0.10') },
    { name: 'the first /16 of 192.168.0.0/16', arch: withServiceCidr('192.168.0.0/16', '192.168.0.10') },
    { name: 'RFC 6598 shared space (its last /16)', arch: withServiceCidr('100.127.0.0/16', '100.127.0.10') },
    { name: 'all of 10.0.0.0/8', arch: withServiceCidr('10.0.0.0/8', '10.0.0.10') },
  ],
  invalid: [
    {
      ...invalid('172.32.0.0/16', '172.32.0.10', 'the /16 just past 172.16.0.0/12'),
      findings: [
        {
          messageId: 'publicRange',
          path: PATH,
          severity: 'warning',
          message:
            'service CIDR 172.32.0.0/16 of cluster aks-test is not inside RFC 1918 or RFC 6598 space: pods cannot reach ' +
            'the internet hosts that own those addresses; use a private range',
        },
      ],
    },
    invalid('172.15.0.0/16', '172.15.0.10', 'the /16 just before 172.16.0.0/12'),
    invalid('100.128.0.0/16', '100.128.0.10', 'the /16 just past 100.64.0.0/10'),
    invalid('192.168.0.0/15', '192.168.0.10', 'a /15 that spills out of 192.168.0.0/16'),
    invalid('11.0.0.0/16', '11.0.0.10', 'public space next to 10.0.0.0/8'),
  ],
});

import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { testRule, type ExpectedFinding } from '../../helpers/rule-tester.js';
import { set, verdicts } from './_held.js';

function withDns(ip: string, serviceCidr = '172.16.0.0/16') {
  return () => {
    const b = baseline();
    b.aks.network.serviceCidr = serviceCidr;
    b.aks.network.dnsServiceIP = ip;
    return b.arch;
  };
}

const at = (messageId: string, message: string): ExpectedFinding => ({
  messageId,
  path: 'clusters[0].network.dnsServiceIP',
  severity: 'error',
  message,
});

testRule('address/dns-service-ip', {
  valid: [
    { name: 'the .10 address', arch: withDns('172.16.0.10') },
    { name: 'the second address (just after the first)', arch: withDns('172.16.0.2') },
    { name: 'the address before the broadcast address', arch: withDns('172.16.255.254') },
  ],
  invalid: [
    {
      name: 'an address outside the service CIDR',
      arch: withDns('10.0.0.10'),
      findings: [
        {
          ...at('outside', 'DNS service IP 10.0.0.10 of aks-test is outside its service CIDR 172.16.0.0/16; use e.g. 172.16.0.10'),
          evidence: { dnsServiceIP: '10.0.0.10', serviceCidr: '172.16.0.0/16' },
        },
      ],
    },
    {
      name: 'the address just below the service CIDR',
      arch: withDns('172.15.255.255'),
      findings: [at('outside', 'DNS service IP 172.15.255.255 of aks-test is outside its service CIDR 172.16.0.0/16; use e.g. 172.16.0.10')],
    },
    {
      name: 'the address just above the service CIDR',
      arch: withDns('172.17.0.0'),
      findings: [at('outside', 'DNS service IP 172.17.0.0 of aks-test is outside its service CIDR 172.16.0.0/16; use e.g. 172.16.0.10')],
    },
    {
      name: 'outside a /29: the suggestion stays inside it (the last host, not .10)',
      arch: withDns('10.0.0.10', '172.16.0.0/29'),
      findings: [at('outside', 'DNS service IP 10.0.0.10 of aks-test is outside its service CIDR 172.16.0.0/29; use e.g. 172.16.0.6')],
    },
    {
      name: 'not an IPv4 address',
      arch: withDns('172.16.0'),
      findings: [at('notIpv4', 'DNS service IP "172.16.0" of aks-test is not an IPv4 address inside 172.16.0.0/16')],
    },
    {
      name: 'the network address',
      arch: withDns('172.16.0.0'),
      findings: [
        {
          ...at('networkAddress', 'DNS service IP 172.16.0.0 of aks-test is the network address of 172.16.0.0/16'),
          evidence: { dnsServiceIP: '172.16.0.0' },
        },
      ],
    },
    {
      name: 'the first address',
      arch: withDns('172.16.0.1'),
      findings: [
        {
          ...at(
            'firstAddress',
            'DNS service IP 172.16.0.1 of aks-test is the first address of 172.16.0.0/16, which the kubernetes API service takes',
          ),
          evidence: { dnsServiceIP: '172.16.0.1' },
        },
      ],
    },
    {
      name: 'the broadcast address',
      arch: withDns('172.16.255.255'),
      findings: [
        {
          ...at('broadcast', 'DNS service IP 172.16.255.255 of aks-test is the broadcast address of 172.16.0.0/16'),
          evidence: { dnsServiceIP: '172.16.255.255', serviceCidr: '172.16.0.0/16' },
        },
      ],
    },
  ],
});

describe('address/dns-service-ip with an invalid field', () => {
  const run = (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    b.aks.network.dnsServiceIP = '172.16.0.10';
    change(b);
    return verdicts('address/dns-service-ip', b.arch);
  };

  it('an invalid service CIDR (the default stands in, which the IP is outside) holds the verdict back', async () => {
    expect(await run((b) => set(b.aks.network, 'serviceCidr', 42))).toEqual({ findings: [], held: ['clusters[0].network.serviceCidr'] });
  });

  it('an invalid data plane or tier leaves it standing', async () => {
    const change = (b: ReturnType<typeof baseline>) => {
      b.aks.network.dnsServiceIP = '172.16.0.1';
      set(b.aks.network, 'dataplane', 'Cilium');
      set(b.aks, 'tier', 'premium');
    };
    expect(await run(change)).toEqual({ findings: ['firstAddress clusters[0].network.dnsServiceIP'], held: [] });
  });
});

import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withPodCidr(podCidr: string) {
  return () => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = podCidr;
    return b.arch;
  };
}

const notPrivate = (podCidr: string) => ({
  messageId: 'notPrivate',
  path: 'clusters[0].network.podCidr',
  severity: 'warning' as const,
  message: `overlay pod CIDR ${podCidr} of aks-test is not inside RFC 1918 or RFC 6598 space`,
  evidence: { podCidr },
});

testRule('address/overlay-pod-cidr-private', {
  valid: [
    { name: 'the baseline 192.168.0.0/16', arch: withPodCidr('192.168.0.0/16') },
    { name: 'RFC 6598 100.64.0.0/16', arch: withPodCidr('100.64.0.0/16') },
    { name: 'the last /16 of RFC 6598 (100.127.0.0/16)', arch: withPodCidr('100.127.0.0/16') },
    { name: 'the first /16 of 172.16.0.0/12', arch: withPodCidr('172.16.0.0/16') },
    { name: 'the last /16 of 172.16.0.0/12 (172.31.0.0/16)', arch: withPodCidr('172.31.0.0/16') },
    { name: 'the last /16 of 10.0.0.0/8', arch: withPodCidr('10.255.0.0/16') },
    {
      name: 'a flat CNI cluster has no overlay pod CIDR to check',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
    },
  ],
  invalid: [
    { name: 'a public range', arch: withPodCidr('20.0.0.0/16'), findings: [notPrivate('20.0.0.0/16')] },
    { name: 'just above 172.16.0.0/12 (172.32.0.0/16)', arch: withPodCidr('172.32.0.0/16'), findings: [notPrivate('172.32.0.0/16')] },
    { name: 'just below 172.16.0.0/12 (172.15.0.0/16)', arch: withPodCidr('172.15.0.0/16'), findings: [notPrivate('172.15.0.0/16')] },
    { name: 'just above RFC 6598 (100.128.0.0/16)', arch: withPodCidr('100.128.0.0/16'), findings: [notPrivate('100.128.0.0/16')] },
    { name: 'just below RFC 6598 (100.63.0.0/16)', arch: withPodCidr('100.63.0.0/16'), findings: [notPrivate('100.63.0.0/16')] },
    { name: 'just after 10.0.0.0/8 (11.0.0.0/16)', arch: withPodCidr('11.0.0.0/16'), findings: [notPrivate('11.0.0.0/16')] },
    { name: 'a range larger than 192.168.0.0/16 (192.168.0.0/15)', arch: withPodCidr('192.168.0.0/15'), findings: [notPrivate('192.168.0.0/15')] },
  ],
});

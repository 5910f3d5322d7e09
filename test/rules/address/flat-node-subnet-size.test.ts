import { expect, it } from 'vitest';
import { loadRules } from '../../../src/validate/registry.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function flat(cidr: string) {
  return () => {
    const b = baseline();
    b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.nodes.cidr = cidr;
    return b.arch;
  };
}

testRule('address/flat-node-subnet-size', {
  valid: [
    { name: 'a /23 (the recommended size)', arch: flat('10.1.0.0/23') },
    { name: 'a /22', arch: flat('10.1.0.0/22') },
    {
      name: 'an overlay cluster with a small node subnet',
      arch: () => {
        const b = baseline();
        b.nodes.cidr = '10.1.0.0/26';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a /24 (one bit short)',
      arch: flat('10.1.0.0/24'),
      findings: [
        {
          messageId: 'belowRecommended',
          path: 'network.vnets[1].subnets[0].cidr',
          severity: 'warning',
          message:
            'snet-nodes 10.1.0.0/24 is a /24 node subnet of flat Azure CNI cluster aks-test; a /23 or larger leaves room for pods to grow',
          evidence: { prefix: 24, recommended: 23 },
        },
      ],
    },
  ],
});

it('address/flat-node-subnet-size cites the source of its /23 (PSRule Azure.AKS.CNISubnetSize), not a Microsoft page without it', async () => {
  const rule = (await loadRules()).find((r) => r.meta.id === 'address/flat-node-subnet-size')!;
  const urls = rule.meta.references.map((r) => r.url);
  expect(urls[0]).toBe('https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.CNISubnetSize/');
  expect(urls).not.toContain('https://learn.microsoft.com/azure/aks/configure-azure-cni');
});

import { describe, expect, it } from 'vitest';
import { nsg, type NsgRule } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'cni/overlay-nsg-pod-traffic';
const NSG = 'network.vnets[1].subnets[0].nsg';
const PODS = '192.168.0.0/16';

const DENY_VNET: NsgRule = {
  name: 'deny-vnet-in',
  direction: 'inbound',
  access: 'deny',
  priority: 4000,
  protocol: '*',
  source: 'VirtualNetwork',
  destination: '*',
  ports: '*',
};

/** The baseline overlay cluster (pods 192.168.0.0/16, nodes 10.1.0.0/22) with extra node NSG rules. */
function withRules(...rules: NsgRule[]) {
  return () => {
    const b = baseline();
    mutable(b.nodeNsg.rules!).push(...rules);
    return b.arch;
  };
}

const allow = (name: string, source: string, priority: number): NsgRule => ({
  name,
  direction: 'inbound',
  access: 'allow',
  priority,
  protocol: '*',
  source,
  destination: PODS,
  ports: '*',
});

testRule(ID, {
  valid: [
    { name: 'only allow rules', arch: withRules() },
    {
      name: 'node → pod and pod → pod allowed above a VirtualNetwork deny',
      arch: withRules(allow('allow-nodes', '10.1.0.0/22', 200), allow('allow-pods', PODS, 210), DENY_VNET),
    },
    {
      name: 'a deny from 192.167.255.0/24, just below the pod CIDR',
      arch: withRules({ ...DENY_VNET, priority: 100, source: '192.167.255.0/24' }),
    },
    {
      name: 'kubenet is out of scope',
      arch: () => {
        const b = baseline();
        b.aks.network = { ...b.aks.network, cni: 'kubenet', dataplane: 'azure', networkPolicy: 'calico' };
        mutable(b.nodeNsg.rules!).push(DENY_VNET);
        return b.arch;
      },
    },
    {
      name: 'NSG rules not stated (unverified)',
      arch: () => {
        const b = baseline();
        b.nodes.nsg = nsg({ name: 'nsg-nodes' });
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a VirtualNetwork deny with nothing above it',
      arch: withRules(DENY_VNET),
      findings: [
        {
          messageId: 'podToPod',
          path: `${NSG}.rules[1]`,
          severity: 'error',
          message:
            'NSG nsg-nodes on node subnet snet-nodes denies inbound TCP on all ports between pod CIDR addresses (192.168.0.0/16) of ' +
            'aks-test with rule deny-vnet-in (priority 4000); overlay pod traffic is not encapsulated',
        },
        {
          messageId: 'nodeToPod',
          path: `${NSG}.rules[1]`,
          severity: 'error',
          message:
            'NSG nsg-nodes on node subnet snet-nodes denies inbound TCP on all ports from the node subnet (10.1.0.0/22) to the pod ' +
            'CIDR 192.168.0.0/16 of aks-test with rule deny-vnet-in (priority 4000); overlay pod traffic is not encapsulated',
        },
      ],
    },
    {
      name: 'node → pod allowed, pod → pod not; a deny from 192.168.0.0/24 (inside the pod CIDR)',
      arch: withRules(allow('allow-nodes', '10.1.0.0/22', 200), { ...DENY_VNET, source: '192.168.0.0/24' }),
      findings: [{ messageId: 'podToPod', path: `${NSG}.rules[2]`, severity: 'error' }],
    },
    {
      name: 'a deny of one port names that port (not port 0)',
      arch: withRules({ ...DENY_VNET, name: 'deny-ssh', ports: 22, priority: 300 }),
      findings: [
        { messageId: 'podToPod', path: `${NSG}.rules[1]`, severity: 'error', message: /denies inbound TCP on port 22 between pod CIDR/ },
        { messageId: 'nodeToPod', path: `${NSG}.rules[1]`, severity: 'error', message: /denies inbound TCP on port 22 from the node subnet/ },
      ],
    },
    {
      name: 'a deny-all under an allow of 443 names the ports it still denies',
      arch: withRules({ ...allow('allow-https', 'VirtualNetwork', 200), ports: 443 }, DENY_VNET),
      findings: [
        {
          messageId: 'podToPod',
          path: `${NSG}.rules[2]`,
          severity: 'error',
          message: /denies inbound TCP on ports 1-442, 444-65535 between pod CIDR/,
        },
        {
          messageId: 'nodeToPod',
          path: `${NSG}.rules[2]`,
          severity: 'error',
          message: /denies inbound TCP on ports 1-442, 444-65535 from the node subnet/,
        },
      ],
    },
    {
      name: 'an outbound deny-all',
      arch: withRules({ ...DENY_VNET, name: 'deny-out', direction: 'outbound', source: '*', priority: 100 }),
      findings: [
        { messageId: 'podToPod', path: `${NSG}.rules[1]`, severity: 'error', evidence: { direction: 'outbound' } },
        { messageId: 'nodeToPod', path: `${NSG}.rules[1]`, severity: 'error', evidence: { direction: 'outbound' } },
      ],
    },
  ],
});

describe(`${ID}: unstated rules`, () => {
  it('reports one unverified check', async () => {
    const b = baseline();
    b.nodes.nsg = nsg({ name: 'nsg-nodes' });
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified!.map((u) => u.factPath)).toEqual([`${NSG}.rules`]);
  });
});

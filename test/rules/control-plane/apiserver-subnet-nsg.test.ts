import { describe, expect, it } from 'vitest';
import { nsg, type NsgRule } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { vnetIntegrated } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'control-plane/apiserver-subnet-nsg';
/** The API server subnet is the spoke's third subnet (nodes, Application Gateway, API server). */
const API_NSG = 'network.vnets[1].subnets[2].nsg';

/** The VNet-integrated baseline with an NSG of these inbound/outbound rules on its API server subnet. */
function apiNsg(...rules: NsgRule[]) {
  return () => {
    const b = vnetIntegrated();
    b.apiSubnet.nsg = nsg({ name: 'nsg-api', rules });
    return b.arch;
  };
}

const denyIn = (ports: NsgRule['ports'], source: NsgRule['source'] = '*', priority = 200): NsgRule => ({
  name: 'deny-in', direction: 'inbound', access: 'deny', priority, protocol: 'tcp', source, destination: '*', ports,
});

const nodesDenied = (where: string, ports: string, path: string) => ({
  messageId: 'denied',
  path,
  severity: 'error' as const,
  message: new RegExp(`^NSG \\S+ on ${where} denies TCP ${ports} from node subnet snet-nodes \\(10\\.1\\.0\\.0/22\\) to API server subnet snet-apiserver \\(10\\.1\\.8\\.0/28\\) with rule \\S+ \\(priority \\d+\\); the nodes of aks-test cannot reach their API server$`),
});
const lbDenied = (path = `${API_NSG}.rules[0]`) => ({
  messageId: 'loadBalancerDenied',
  path,
  severity: 'error' as const,
  message: /^NSG nsg-api on API server subnet snet-apiserver denies TCP 9988 from AzureLoadBalancer with rule deny-in \(priority 200\); Azure Load Balancer cannot reach the API server of aks-test$/,
  evidence: { ports: '9988' },
});

testRule(ID, {
  valid: [
    { name: 'default rules only', arch: () => vnetIntegrated().arch },
    {
      name: 'allow rules for the nodes and Azure Load Balancer come before a deny of everything',
      arch: apiNsg(
        { name: 'allow-nodes', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: '10.1.0.0/22', destination: '*', ports: [443, 4443] },
        { name: 'allow-lb', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'AzureLoadBalancer', destination: '*', ports: [9988] },
        denyIn('*'),
      ),
    },
    // Below, beside and above each port the flows need.
    { name: 'a deny of 442, 444, 4442, 4444, 9987 and 9989', arch: apiNsg(denyIn([442, 444, 4442, 4444, 9987, 9989])) },
    { name: 'a deny of other sources (the internet)', arch: apiNsg(denyIn('*', 'Internet')) },
    // VirtualNetwork does not cover Azure Load Balancer, and the node subnet is not 168.63.129.16.
    { name: 'a deny of VirtualNetwork on 9988 only', arch: apiNsg(denyIn([9988], 'VirtualNetwork')) },
    {
      // NSGs are stateful: replies to the nodes' connections pass; the documented flows start at the nodes.
      name: 'a node NSG that denies inbound traffic from the API server subnet',
      arch: () => {
        const b = vnetIntegrated();
        mutable(b.nodeNsg.rules!).push({ name: 'deny-api-in', direction: 'inbound', access: 'deny', priority: 200, protocol: '*', source: b.apiSubnet, destination: '*', ports: '*' });
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'an API server subnet NSG that denies VirtualNetwork inbound',
      arch: apiNsg(denyIn('*', 'VirtualNetwork')),
      findings: [nodesDenied('API server subnet snet-apiserver', '443 and 4443', `${API_NSG}.rules[0]`)],
    },
    {
      name: 'a deny of 4443 only, from the node subnet itself',
      arch: () => {
        const b = vnetIntegrated();
        b.apiSubnet.nsg = nsg({ name: 'nsg-api', rules: [denyIn([4443], b.nodes)] });
        return b.arch;
      },
      findings: [nodesDenied('API server subnet snet-apiserver', '4443', `${API_NSG}.rules[0]`)],
    },
    {
      name: 'a deny of every source denies both flows',
      arch: apiNsg(denyIn('*')),
      findings: [nodesDenied('API server subnet snet-apiserver', '443 and 4443', `${API_NSG}.rules[0]`), lbDenied()],
    },
    { name: 'a deny of AzureLoadBalancer on 9988', arch: apiNsg(denyIn([9988], 'AzureLoadBalancer')), findings: [lbDenied()] },
    { name: 'a deny of 168.63.129.16 on 9988', arch: apiNsg(denyIn([9988], '168.63.129.16/32')), findings: [lbDenied()] },
    {
      name: 'a node NSG that denies outbound traffic to the API server subnet on 443',
      arch: () => {
        const b = vnetIntegrated();
        mutable(b.nodeNsg.rules!).push({ name: 'deny-api-out', direction: 'outbound', access: 'deny', priority: 200, protocol: 'tcp', source: '*', destination: b.apiSubnet, ports: [443] });
        return b.arch;
      },
      findings: [nodesDenied('node subnet snet-nodes', '443', 'network.vnets[1].subnets[0].nsg.rules[1]')],
    },
  ],
});

describe(`${ID}: rules not stated`, () => {
  it('an API server subnet NSG without its rules is one unverified check naming both flows, not an error', async () => {
    const b = vnetIntegrated();
    b.apiSubnet.nsg = nsg({ name: 'nsg-api' });
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.check])).toEqual([
      [
        `${API_NSG}.rules`,
        'NSG nsg-api on API server subnet snet-apiserver admits the nodes (TCP 443 and 4443) and Azure Load Balancer (TCP 9988) to the API server of aks-test',
      ],
    ]);
  });

  it('a node subnet NSG without its rules is unverified for the nodes\' flow', async () => {
    const b = vnetIntegrated();
    delete (b.nodeNsg as { rules?: unknown }).rules;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.check])).toEqual([
      ['network.vnets[1].subnets[0].nsg.rules', 'NSG nsg-nodes on node subnet snet-nodes lets its nodes reach the API server of aks-test on TCP 443 and 4443'],
    ]);
  });
});

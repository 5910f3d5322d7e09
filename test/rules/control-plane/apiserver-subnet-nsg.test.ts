import { nsg } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { vnetIntegrated } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

function withDeny(allowFirst: boolean, ports: '*' | number[] = '*') {
  return () => {
    const b = vnetIntegrated();
    if (allowFirst) {
      mutable(b.nodeNsg.rules!).push({ name: 'allow-apiserver', direction: 'inbound', access: 'allow', priority: 150, protocol: 'tcp', source: b.apiSubnet, destination: '*', ports: [443, 4443] });
    }
    mutable(b.nodeNsg.rules!).push({ name: 'deny-vnet-in', direction: 'inbound', access: 'deny', priority: 200, protocol: '*', source: 'VirtualNetwork', destination: '*', ports });
    return b.arch;
  };
}

const denied = (ports: string, evidencePorts: string) => ({
  messageId: 'denied',
  path: 'network.vnets[1].subnets[0].nsg.rules[1]',
  severity: 'error' as const,
  message: `NSG nsg-nodes on node subnet snet-nodes denies TCP ${ports} from API server subnet snet-apiserver (10.1.8.0/28) to snet-nodes (10.1.0.0/22) with rule deny-vnet-in (priority 200); the API server of aks-test cannot reach its nodes`,
  evidence: { nsg: 'nsg-nodes', rule: 'deny-vnet-in', priority: 200, ports: evidencePorts },
});

testRule('control-plane/apiserver-subnet-nsg', {
  valid: [
    { name: 'an allow rule comes first', arch: withDeny(true) },
    { name: 'default rules only', arch: () => vnetIntegrated().arch },
    { name: 'a deny of other ports', arch: withDeny(false, [22, 3389]) },
  ],
  invalid: [
    { name: 'a node NSG that denies the API server subnet', arch: withDeny(false), findings: [denied('443 and 4443', '443,4443')] },
    { name: 'a deny of 4443 only', arch: withDeny(false, [4443]), findings: [denied('4443', '4443')] },
    {
      name: 'an outbound deny on the API server subnet NSG',
      arch: () => {
        const b = vnetIntegrated();
        b.apiSubnet.nsg = nsg({
          name: 'nsg-api',
          rules: [{ name: 'deny-out', direction: 'outbound', access: 'deny', priority: 100, protocol: 'tcp', source: '*', destination: b.nodes, ports: 443 }],
        });
        return b.arch;
      },
      findings: [
        {
          messageId: 'denied',
          path: 'network.vnets[1].subnets[2].nsg.rules[0]',
          severity: 'error',
          message:
            'NSG nsg-api on API server subnet snet-apiserver denies TCP 443 from API server subnet snet-apiserver (10.1.8.0/28) to snet-nodes (10.1.0.0/22) with rule deny-out (priority 100); the API server of aks-test cannot reach its nodes',
        },
      ],
    },
  ],
});

import { loadBalancer } from '../../../dsl/index.js';
import type { NsgRule } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'network.vnets[1].subnets[0].nsg.rules[1].source';

function withRules(...rules: NsgRule[]) {
  return () => {
    const b = baseline();
    b.nodeNsg.rules!.push(...rules);
    return b.arch;
  };
}

testRule('ingress/node-nsg-open-inbound', {
  valid: [
    { name: 'only the App Gateway subnet is allowed in', arch: () => baseline().arch },
    {
      name: 'a deny rule from Internet',
      arch: withRules({ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, source: 'Internet', destination: '*', ports: '*' }),
    },
  ],
  invalid: [
    {
      name: 'SSH from anywhere is an admin-port finding; the port a public load balancer publishes is not reported',
      arch: () => {
        const b = baseline();
        const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
        b.path.hops = [{ via: plb, protocol: 'http', port: 80, tls: 'plain' }];
        b.nodeNsg.rules!.push(
          { name: 'allow-ssh', direction: 'inbound', access: 'allow', priority: 150, protocol: 'tcp', source: '*', destination: '*', ports: 22 },
          { name: 'allow-http', direction: 'inbound', access: 'allow', priority: 160, protocol: 'tcp', source: 'Internet', destination: '*', ports: 80 },
        );
        return b.arch;
      },
      findings: [
        {
          messageId: 'adminPorts',
          path: PATH,
          severity: 'warning',
          message:
            'NSG nsg-nodes on node subnet snet-nodes (cluster aks-test) allows inbound from * to ports 22 (rule ' +
            'allow-ssh, priority 150), including SSH/RDP; remove it and reach nodes through Azure Bastion or a jump ' +
            'box',
        },
      ],
    },
    {
      name: 'RDP inside a port range',
      arch: withRules({ name: 'allow-mgmt', direction: 'inbound', access: 'allow', priority: 150, protocol: 'tcp', source: 'Internet', destination: '*', ports: '3000-4000' }),
      findings: [{ messageId: 'adminPorts', path: PATH, severity: 'warning', message: /ports 3000-4000 .*including SSH\/RDP/ }],
    },
    {
      name: 'web ports from Internet',
      arch: withRules({ name: 'allow-web', direction: 'inbound', access: 'allow', priority: 200, protocol: 'tcp', source: 'Internet', destination: '*', ports: [80, 443] }),
      findings: [
        {
          messageId: 'openInbound',
          path: PATH,
          severity: 'warning',
          message:
            'NSG nsg-nodes on node subnet snet-nodes (cluster aks-test) allows inbound from Internet to ports 80,443 ' +
            "(rule allow-web, priority 200); admit only the ingress tier's subnet",
        },
      ],
    },
    {
      name: 'ports 23-3388 contain neither SSH nor RDP',
      arch: withRules({ name: 'allow-range', direction: 'inbound', access: 'allow', priority: 200, protocol: 'tcp', source: '*', destination: '*', ports: '23-3388' }),
      findings: [{ messageId: 'openInbound', path: PATH, severity: 'warning' }],
    },
  ],
});

import { describe, expect, it } from 'vitest';
import { loadBalancer, nodePool, nsg, subnet } from '../../../dsl/index.js';
import type { NsgRule } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'network.vnets[1].subnets[0].nsg.rules[1].source';

function withRules(...rules: NsgRule[]) {
  return () => {
    const b = baseline();
    mutable(b.nodeNsg.rules!).push(...rules);
    return b.arch;
  };
}

type B = ReturnType<typeof baseline>;

/** An inbound allow rule on the node NSG from `source` to `ports`. */
function allowFrom(source: NsgRule['source'], ports: NsgRule['ports'], change: (b: B) => void = () => {}) {
  return () => {
    const b = baseline();
    const rule = { name: 'allow-in', direction: 'inbound', access: 'allow', priority: 200 } as const;
    mutable(b.nodeNsg.rules!).push({ ...rule, source, destination: '*', ports });
    change(b);
    return b.arch;
  };
}

/** The only ingress hop is `via` on `port`. */
function publishedBy(b: B, visibility: 'public' | 'internal', port: number): void {
  const at = visibility === 'internal' ? { subnet: b.nodes } : {};
  const lb = loadBalancer({ name: 'lb-web', visibility, cluster: b.aks, ...at });
  b.path.hops = [{ via: lb, protocol: 'http', port, tls: 'plain' }];
}

testRule('ingress/node-nsg-open-inbound', {
  valid: [
    {
      name: 'an outbound allow to anywhere is not inbound',
      arch: () => {
        const b = baseline();
        const rule = { name: 'out', direction: 'outbound', access: 'allow', priority: 200 } as const;
        mutable(b.nodeNsg.rules!).push({ ...rule, source: '*', destination: '*', ports: '*' });
        return b.arch;
      },
    },
    { name: 'inbound from a private range is not from anywhere', arch: allowFrom('10.0.0.0/8', 443) },
    {
      name: 'the exact port a public load balancer publishes',
      arch: allowFrom('Internet', 8080, (b) => {
        publishedBy(b, 'public', 8080);
      }),
    },
    {
      name: 'a node subnet without an NSG is not judged here',
      arch: () => {
        const b = baseline();
        delete b.nodes.nsg;
        return b.arch;
      },
    },
    { name: 'only the App Gateway subnet is allowed in', arch: () => baseline().arch },
    {
      name: 'a deny rule from Internet',
      arch: withRules({ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, source: 'Internet', destination: '*', ports: '*' }),
    },
  ],
  invalid: [
    {
      name: 'a range wider than the published port',
      arch: allowFrom('Internet', '8080-8090', (b) => {
        publishedBy(b, 'public', 8080);
      }),
      findings: [{ messageId: 'openInbound', path: PATH, severity: 'warning', message: /to ports 8080-8090 \(rule/ }],
    },
    {
      name: 'the published port and one more',
      arch: allowFrom('Internet', [8080, 9090], (b) => {
        publishedBy(b, 'public', 8080);
      }),
      findings: [{ messageId: 'openInbound', path: PATH, severity: 'warning', message: /to ports 8080,9090 / }],
    },
    {
      name: 'an internal load balancer publishes nothing to the internet',
      arch: allowFrom('Internet', 8080, (b) => {
        publishedBy(b, 'internal', 8080);
      }),
      findings: [{ messageId: 'openInbound', path: PATH, severity: 'warning', message: /to ports 8080 / }],
    },
    {
      name: 'a public Application Gateway in front publishes nothing on the nodes',
      arch: allowFrom('Internet', 443),
      findings: [{ messageId: 'openInbound', path: PATH, severity: 'warning', message: /to ports 443 / }],
    },
    {
      name: 'every port from 0.0.0.0/0, including SSH',
      arch: allowFrom('0.0.0.0/0', '*'),
      findings: [
        {
          messageId: 'adminPorts',
          path: PATH,
          severity: 'warning',
          message: /allows inbound from 0\.0\.0\.0\/0 to ports \* \(rule allow-in, priority 200\), including SSH\/RDP/,
          evidence: { nsg: 'nsg-nodes', rule: 'allow-in', source: '0.0.0.0/0', priority: 200, ports: '*' },
        },
      ],
    },
    {
      name: 'the high ports from Internet: a range up to 65535 is not every port',
      arch: allowFrom('Internet', '4000-65535'),
      findings: [{ messageId: 'openInbound', path: PATH, severity: 'warning', message: /to ports 4000-65535 \(rule/ }],
    },
    {
      name: 'SSH among other ports, from Any',
      arch: allowFrom('Any', [22, 8080]),
      findings: [{ messageId: 'adminPorts', path: PATH, severity: 'warning', message: /from Any to ports 22,8080 / }],
    },
    {
      name: 'one NSG on two node subnets: each rule once',
      arch: allowFrom('Internet', 8080, (b) => {
        const more = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes', nsg: b.nodeNsg });
        mutable(b.spoke.subnets).push(more);
        const pool = { name: 'more', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3 } as const;
        mutable(b.aks.nodePools).push(nodePool({ ...pool, subnet: more }));
      }),
      findings: [{ messageId: 'openInbound', path: PATH, severity: 'warning', message: /on node subnet snet-nodes / }],
    },
    {
      name: 'SSH from anywhere is an admin-port finding; the port a public load balancer publishes is not reported',
      arch: () => {
        const b = baseline();
        const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
        b.path.hops = [{ via: plb, protocol: 'http', port: 80, tls: 'plain' }];
        mutable(b.nodeNsg.rules!).push(
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

describe('ingress/node-nsg-open-inbound: unstated rules', () => {
  it('an NSG whose rules are not stated is one unverified check, however many node subnets it covers', async () => {
    const b = baseline();
    const open = nsg({ name: 'nsg-unstated' });
    b.nodes.nsg = open;
    const more = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes', nsg: open });
    mutable(b.spoke.subnets).push(more);
    const pool = { name: 'more', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3 } as const;
    mutable(b.aks.nodePools).push(nodePool({ ...pool, subnet: more }));
    const r = await runRuleResult('ingress/node-nsg-open-inbound', b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.vnets[1].subnets[0].nsg.rules']);
    expect(r.unverified?.map((u) => u.check)).toEqual([
      'NSG nsg-unstated on node subnet snet-nodes admits only the ingress tier',
    ]);
  });
});

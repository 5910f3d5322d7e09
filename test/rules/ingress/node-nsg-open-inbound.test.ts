import { describe, expect, it } from 'vitest';
import { loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/node-nsg-open-inbound';

describe(ID, () => {
  it('passes when only the App Gateway subnet is allowed in', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes for a deny rule from Internet', async () => {
    const b = baseline();
    b.nodeNsg.rules!.push({ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, source: 'Internet', destination: '*', ports: '*' });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports SSH from anywhere but not the port a public load balancer publishes', async () => {
    const b = baseline();
    const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
    b.path.hops = [{ via: plb, protocol: 'http', port: 80, tls: 'plain' }];
    b.nodeNsg.rules!.push(
      { name: 'allow-ssh', direction: 'inbound', access: 'allow', priority: 150, protocol: 'tcp', source: '*', destination: '*', ports: 22 },
      { name: 'allow-http', direction: 'inbound', access: 'allow', priority: 160, protocol: 'tcp', source: 'Internet', destination: '*', ports: 80 },
    );
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      "NSG nsg-nodes on node subnet snet-nodes (cluster aks-test) allows inbound from * to ports 22 (rule allow-ssh, priority 150); admit only the ingress tier's subnet",
    ]);
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].nsg.rules[1].source');
  });

  it('reports an allow rule from Internet', async () => {
    const b = baseline();
    b.nodeNsg.rules!.push({ name: 'allow-web', direction: 'inbound', access: 'allow', priority: 200, protocol: 'tcp', source: 'Internet', destination: '*', ports: [80, 443] });
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      "NSG nsg-nodes on node subnet snet-nodes (cluster aks-test) allows inbound from Internet to ports 80,443 (rule allow-web, priority 200); admit only the ingress tier's subnet",
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].nsg.rules[1].source');
  });
});

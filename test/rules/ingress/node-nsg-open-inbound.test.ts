import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/node-nsg-open-inbound';

describe(ID, () => {
  it('passes when only the App Gateway subnet is allowed in', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes for a deny rule from Internet', async () => {
    const b = baseline();
    b.nodeNsg.rules.push({ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, source: 'Internet', destination: '*', ports: '*' });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports an allow rule from Internet', async () => {
    const b = baseline();
    b.nodeNsg.rules.push({ name: 'allow-web', direction: 'inbound', access: 'allow', priority: 200, protocol: 'tcp', source: 'Internet', destination: '*', ports: [80, 443] });
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      "NSG nsg-nodes on node subnet snet-nodes (cluster aks-test) allows inbound from Internet to ports 80,443 (rule allow-web, priority 200); admit only the ingress tier's subnet",
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].nsg.rules[1].source');
  });
});

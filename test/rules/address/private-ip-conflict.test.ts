import { describe, expect, it } from 'vitest';
import { loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/private-ip-conflict';

function twoIlbs(second: string) {
  const b = baseline();
  b.ilb.privateIp = '10.1.0.100';
  const other = loadBalancer({ name: 'ilb-admin', visibility: 'internal', subnet: b.nodes, privateIp: second, cluster: b.aks });
  b.arch.ingress![0]!.hops.splice(2, 0, { via: other, protocol: 'https', port: 443, tls: 'passthrough' });
  return b;
}

describe(ID, () => {
  it('reports two internal load balancers on one address', async () => {
    const f = await runRule(ID, twoIlbs('10.1.0.100').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('ilb-ingress declares private IP 10.1.0.100, which ilb-admin in the same VNet already uses');
    expect(f[0]!.path).toBe('ingress[0].hops[1].via.privateIp');
  });

  it('passes distinct addresses', async () => {
    expect(await runRule(ID, twoIlbs('10.1.0.101').arch)).toEqual([]);
  });
});

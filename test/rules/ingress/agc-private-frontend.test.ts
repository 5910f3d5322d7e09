import { describe, expect, it } from 'vitest';
import { appGatewayForContainers, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/agc-private-frontend';

function withAgc(frontend: 'public' | 'private') {
  const b = baseline();
  const agcSubnet = subnet({ name: 'snet-agc', cidr: '10.1.6.0/24', purpose: 'agc' });
  b.spoke.subnets.push(agcSubnet);
  const agc = appGatewayForContainers({ name: 'agc-web', deployment: 'byo', api: 'gateway-api', subnet: agcSubnet, frontend });
  b.path.hops = [{ via: agc, protocol: 'https', port: 443, tls: 'reencrypt' }];
  return b;
}

describe(ID, () => {
  it('passes with a public frontend', async () => {
    expect(await runRule(ID, withAgc('public').arch)).toEqual([]);
  });

  it('reports a private frontend', async () => {
    const f = await runRule(ID, withAgc('private').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe('App Gateway for Containers agc-web declares a private frontend; AGC supports only public frontends');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.frontend');
  });
});

import { describe, expect, it } from 'vitest';
import { appGatewayForContainers, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/agc-kubenet';

function withAgc(cni: 'kubenet' | 'azure-overlay') {
  const b = baseline();
  const agcSubnet = subnet({ name: 'snet-agc', cidr: '10.1.6.0/24', purpose: 'agc', delegation: 'Microsoft.ServiceNetworking/trafficControllers' });
  b.spoke.subnets.push(agcSubnet);
  const agc = appGatewayForContainers({ name: 'agc-web', deployment: 'managed', api: 'gateway-api', subnet: agcSubnet, frontend: 'public', waf: { mode: 'Prevention' } });
  b.path.hops = [{ via: agc, protocol: 'https', port: 443, tls: 'reencrypt' }];
  b.aks.network = cni === 'kubenet' ? { cni: 'kubenet', networkPolicy: 'calico' } : b.aks.network;
  return b;
}

describe(ID, () => {
  it('passes with Azure CNI overlay', async () => {
    expect(await runRule(ID, withAgc('azure-overlay').arch)).toEqual([]);
  });

  it('reports AGC in front of a kubenet cluster', async () => {
    const f = await runRule(ID, withAgc('kubenet').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe('App Gateway for Containers agc-web serves cluster aks-test, which uses kubenet; AGC supports only Azure CNI');
    expect(f[0]!.path).toBe('clusters[0].network.cni');
  });
});

import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { publicCluster } from './_fixtures.js';

const ID = 'control-plane/authorized-ranges-egress-ips';

describe(ID, () => {
  it('reminds that the firewall egress IPs must be authorized', async () => {
    const f = await runRule(ID, publicCluster(['203.0.113.0/28']).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'aks-test egresses through firewall afw-hub (20 public IPs); make sure its addresses are among the 1 authorized IP ranges, or nodes lose the API server',
    );
    expect(f[0]!.path).toBe('clusters[0].apiServer.authorizedIpRanges');
    expect(f[0]!.severity).toBe('info');
  });

  it('stays quiet for load balancer egress and unrestricted servers', async () => {
    const b = publicCluster(['203.0.113.0/28']);
    b.aks.outbound = { type: 'loadBalancer' };
    expect(await runRule(ID, b.arch)).toEqual([]);
    expect(await runRule(ID, publicCluster().arch)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { natGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/firewall-snat-capacity';

function prod(publicIps: number) {
  const b = baseline();
  b.arch.metadata.environment = 'production';
  b.firewall.publicIps = publicIps;
  return b;
}

describe(ID, () => {
  it('passes with 20 public IPs in production, or a NAT gateway on the firewall', async () => {
    expect(await runRule(ID, prod(20).arch)).toEqual([]);
    const b = prod(1);
    b.firewall.natGateway = natGateway({ name: 'ng-fw', publicIps: 2 });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('does not apply outside production', async () => {
    const b = baseline();
    b.firewall.publicIps = 2;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('warns about fewer than 20 public IPs in production', async () => {
    const f = await runRule(ID, prod(2).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'Azure Firewall afw-hub carries egress of aks-test (up to 17 nodes) with 2 public IPs: 2 × 2,496 = 4,992 SNAT ports per instance; production guidance is at least 20 public IPs (49,920 ports) or a NAT gateway',
    );
    expect(f[0]!.path).toBe('network.firewalls[0].publicIps');
  });
});

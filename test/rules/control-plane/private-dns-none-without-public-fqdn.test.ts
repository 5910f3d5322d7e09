import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'control-plane/private-dns-none-without-public-fqdn';

describe(ID, () => {
  it('reports privateDnsZone none with publicFqdn false', async () => {
    const b = baseline();
    b.aks.apiServer = { mode: 'private', privateDnsZone: 'none', publicFqdn: false };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('private cluster aks-test sets privateDnsZone none and publicFqdn false; nothing would resolve its API server name');
    expect(f[0]!.path).toBe('clusters[0].apiServer.publicFqdn');
  });

  it('passes none with the public FQDN, and the system zone', async () => {
    const b = baseline();
    b.aks.apiServer = { mode: 'private', privateDnsZone: 'none', publicFqdn: true };
    expect(await runRule(ID, b.arch)).toEqual([]);
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});

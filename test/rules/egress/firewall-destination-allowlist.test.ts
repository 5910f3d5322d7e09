import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/firewall-destination-allowlist';

function withDest(rules: string[]) {
  const b = baseline();
  b.firewall.fqdnAllowRules = rules;
  b.aks.egressDestinations = [
    { name: 'Stripe API', fqdn: 'api.stripe.com', port: 443, protocol: 'https', category: 'saas' },
    { name: 'AKS', fqdn: 'mcr.microsoft.com', category: 'aks-required' },
  ];
  return b;
}

describe(ID, () => {
  it('passes when the FQDN (or a wildcard) is allowed', async () => {
    expect(await runRule(ID, withDest(['api.stripe.com']).arch)).toEqual([]);
    expect(await runRule(ID, withDest(['*.stripe.com']).arch)).toEqual([]);
  });

  it('reports a destination the firewall will deny', async () => {
    const f = await runRule(ID, withDest(['api.github.com']).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'egress destination Stripe API (api.stripe.com:443) of cluster aks-test is not in the 1 FQDN allow rule of Azure Firewall afw-hub, so it will be denied',
    );
    expect(f[0]!.path).toBe('clusters[0].egressDestinations[0].fqdn');
  });
});

import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/firewall-dns-proxy';

function withSmtp(dnsProxy: boolean) {
  const b = baseline();
  b.firewall.dnsProxy = dnsProxy;
  b.firewall.fqdnAllowRules = ['smtp.example.com'];
  b.aks.egressDestinations = [{ name: 'Mail relay', fqdn: 'smtp.example.com', port: 587, protocol: 'tcp', category: 'saas' }];
  return b;
}

describe(ID, () => {
  it('passes when DNS proxy is on', async () => {
    expect(await runRule(ID, withSmtp(true).arch)).toEqual([]);
  });

  it('passes for HTTPS destinations (application rules) without DNS proxy', async () => {
    const b = withSmtp(false);
    b.aks.egressDestinations = [{ name: 'Stripe', fqdn: 'api.stripe.com', port: 443, protocol: 'https' }];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports a TCP FQDN destination behind a firewall without DNS proxy', async () => {
    const f = await runRule(ID, withSmtp(false).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'egress destination Mail relay (smtp.example.com, tcp:587) of cluster aks-test needs an FQDN network rule on Azure Firewall afw-hub, which has DNS proxy disabled',
    );
    expect(f[0]!.path).toBe('network.firewalls[0].dnsProxy');
  });
});

import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/firewall-aks-required-fqdns';

describe(ID, () => {
  it('passes with the AKS FQDN tag, or with every required FQDN listed', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    b.firewall.aksFqdnTag = false;
    b.firewall.fqdnAllowRules = ['*.mcr.microsoft.com', 'mcr.microsoft.com', 'management.azure.com', 'login.microsoftonline.com', 'packages.microsoft.com', 'acs-mirror.azureedge.net'];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports the FQDNs that are missing', async () => {
    const b = baseline();
    b.firewall.aksFqdnTag = false;
    b.firewall.fqdnAllowRules = ['mcr.microsoft.com', '*.data.mcr.microsoft.com', 'management.azure.com', 'login.microsoftonline.com'];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'Azure Firewall afw-hub is the egress path of aks-test but allows neither the AzureKubernetesService FQDN tag nor 2 of the 6 required FQDNs: packages.microsoft.com, acs-mirror.azureedge.net',
    );
    expect(f[0]!.path).toBe('network.firewalls[0].aksFqdnTag');
  });

  it('judges the firewall the routes really use: a loadBalancer cluster routed to it counts, one whose route bypasses it does not', async () => {
    const b = baseline();
    b.firewall.aksFqdnTag = false;
    b.aks.outbound = { type: 'loadBalancer' };
    expect((await runRule(ID, b.arch)).map((x) => x.message)).toEqual([expect.stringContaining('is the egress path of aks-test')]);
    delete b.nodes.routeTable;
    b.aks.outbound = { type: 'userDefinedRouting', via: b.firewall };
    // Declared UDR through the firewall, but no route sends anything there: the firewall carries no egress.
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});

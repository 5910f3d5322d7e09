import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'egress/no-egress-control';

interface Options {
  environment?: string;
  outbound?: 'loadBalancer' | 'managedNATGateway';
  dataplane?: 'azure' | 'cilium';
  fqdnFiltering?: boolean;
}

/** The baseline cluster egressing without the firewall route, through `outbound`. */
function direct(o: Options) {
  return () => {
    const b = baseline();
    if (o.environment) b.arch.metadata.environment = o.environment;
    delete b.nodes.routeTable;
    if (o.outbound === 'managedNATGateway') {
      b.aks.managedVnet = true;
      b.aks.outbound = { type: 'managedNATGateway' };
    } else b.aks.outbound = { type: 'loadBalancer' };
    b.aks.network.dataplane = o.dataplane ?? 'azure';
    if (b.aks.network.dataplane === 'azure') b.aks.network.networkPolicy = 'calico';
    if (o.fqdnFiltering !== undefined) b.aks.network.fqdnFiltering = o.fqdnFiltering;
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    {
      name: 'egress through the firewall in production',
      arch: () => {
        const b = baseline();
        b.arch.metadata.environment = 'production';
        return b.arch;
      },
    },
    {
      name: 'load balancer egress filtered by Cilium FQDN network policies (ACNS)',
      arch: direct({ environment: 'production', dataplane: 'cilium', fqdnFiltering: true }),
    },
    {
      name: 'NAT gateway egress filtered by Cilium FQDN network policies',
      arch: direct({
        environment: 'production',
        outbound: 'managedNATGateway',
        dataplane: 'cilium',
        fqdnFiltering: true,
      }),
    },
  ],
  invalid: [
    {
      name: 'unfiltered load balancer egress in production',
      arch: direct({ environment: 'production' }),
      findings: [
        {
          messageId: 'unfiltered',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message:
            'cluster aks-test sends egress straight to the internet through its load balancer (outbound type loadBalancer) ' +
            'with no firewall, NVA or FQDN network policy filtering destinations (environment: production)',
        },
      ],
    },
    {
      name: 'a Cilium cluster whose FQDN filtering is stated off',
      arch: direct({ environment: 'production', dataplane: 'cilium', fqdnFiltering: false }),
      findings: [{ messageId: 'unfiltered', path: 'clusters[0].outbound', severity: 'warning' }],
    },
    {
      name: 'FQDN filtering declared on the Azure dataplane does not count',
      arch: direct({ environment: 'production', fqdnFiltering: true }),
      findings: [
        {
          messageId: 'unfiltered',
          path: 'clusters[0].outbound',
          severity: 'warning',
          message: /; FQDN filtering is declared but needs Azure CNI powered by Cilium$/,
        },
      ],
    },
    {
      name: 'informational outside production (NAT gateway)',
      arch: direct({ environment: 'dev', outbound: 'managedNATGateway' }),
      findings: [
        {
          messageId: 'unfiltered',
          path: 'clusters[0].outbound',
          severity: 'info',
          message: /through a NAT gateway \(outbound type managedNATGateway\) .* \(environment: dev\)$/,
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('a Cilium cluster that does not state FQDN filtering gets one unverified check, not a warning', async () => {
    const r = await runRuleResult(ID, direct({ environment: 'production', dataplane: 'cilium' })());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].network.fqdnFiltering']);
    expect(r.unverified?.map((u) => [u.check, u.fact])).toEqual([
      [
        'egress of cluster aks-test (through its load balancer) is filtered by FQDN network policies',
        'ACNS FQDN filtering of pod egress',
      ],
    ]);
    const nat = await runRuleResult(ID, direct({ outbound: 'managedNATGateway', dataplane: 'cilium' })());
    expect(nat.unverified?.map((u) => u.check)).toEqual([
      'egress of cluster aks-test (through a NAT gateway) is filtered by FQDN network policies',
    ]);
  });
  it('names no environment when the design states none, and records the evidence', async () => {
    const r = await runRuleResult(ID, direct({})());
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'info',
        'cluster aks-test sends egress straight to the internet through its load balancer (outbound type ' +
          'loadBalancer) with no firewall, NVA or FQDN network policy filtering destinations',
      ],
    ]);
    const evidence = { cluster: 'aks-test', outboundType: 'loadBalancer', production: false };
    expect(r.findings[0]!.evidence).toMatchObject(evidence);
  });
});

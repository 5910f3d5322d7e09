import { describe, expect, it } from 'vitest';
import { paas, privateEndpoint, subnet } from '../../../dsl/index.js';
import type { EgressDestination } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { runRuleResult } from '../../helpers/run-rule.js';

/** The baseline cluster with one egress destination. */
function reaching(d: (b: ReturnType<typeof baseline>) => EgressDestination) {
  return () => {
    const b = baseline();
    b.aks.egressDestinations = [d(b)];
    return b.arch;
  };
}

const sqlByName: EgressDestination = {
  name: 'Orders database',
  fqdn: 'sql-orders.database.windows.net',
  port: 1433,
  protocol: 'tcp',
  category: 'azure-paas',
};

testRule('egress/paas-public-endpoint', {
  valid: [
    { name: 'no egress destinations', arch: () => baseline().arch },
    {
      name: 'an Azure PaaS destination reached through its private endpoint',
      arch: reaching((b) => {
        const pe = subnet({ name: 'snet-pe', cidr: '10.1.8.0/27' });
        mutable(b.spoke.subnets).push(pe);
        const sql = paas({ name: 'sql-orders', service: 'sqlDatabase', publicNetworkAccess: false });
        return { ...sqlByName, fqdn: undefined, privateEndpoint: privateEndpoint({ name: 'pe-sql', subnet: pe, target: sql }) };
      }),
    },
    {
      name: 'a public SaaS API is not Azure PaaS',
      arch: reaching(() => ({ name: 'Stripe API', fqdn: 'api.stripe.com', port: 443, protocol: 'https', category: 'saas' })),
    },
  ],
  invalid: [
    {
      name: 'an Azure SQL database reached by its public name',
      arch: reaching(() => sqlByName),
      findings: [
        {
          messageId: 'publicEndpoint',
          path: 'clusters[0].egressDestinations[0]',
          severity: 'warning',
          message:
            'cluster aks-test reaches Azure PaaS destination Orders database (sql-orders.database.windows.net) over its ' +
            'public endpoint, with no private endpoint; the service must stay open to the cluster’s egress addresses',
        },
      ],
    },
  ],
});

/**
 * The verdict reads the destination's category, private endpoint and address (the FQDN or CIDR it names): an invalid
 * address holds it back, naming the field; an invalid port, which it does not read, leaves it standing.
 */
describe('egress/paas-public-endpoint with an invalid field', () => {
  const run = (d: Record<string, unknown>) =>
    runRuleResult('egress/paas-public-endpoint', reaching(() => ({ ...sqlByName, ...d }) as EgressDestination)());
  it('an FQDN that is not a string holds the verdict back', async () => {
    const r = await run({ fqdn: 42 });
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual(['clusters[0].egressDestinations[0].fqdn']);
  });
  it('a port that is not a number leaves it standing', async () => {
    const r = await run({ port: '1433' });
    expect(r.findings.map((f) => f.messageId)).toEqual(['publicEndpoint']);
    expect(r.unverified ?? []).toEqual([]);
  });
});

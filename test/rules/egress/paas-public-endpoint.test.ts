import { paas, privateEndpoint, subnet } from '../../../dsl/index.js';
import type { EgressDestination } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

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

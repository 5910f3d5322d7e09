/** The API Server VNet Integration subnets of the model, with the clusters that use them. */
import type { ModelQuery } from '../../model/query.js';
import type { ClusterResource, SubnetResource } from '../../model/types.js';

export function apiSubnets(q: ModelQuery): Array<{ cluster: ClusterResource; subnet: SubnetResource }> {
  const out: Array<{ cluster: ClusterResource; subnet: SubnetResource }> = [];
  for (const c of q.all('cluster')) {
    if (c.apiServer.mode !== 'vnet-integration') continue;
    const s = q.getAs(c.apiServer.subnet, 'subnet');
    if (s) out.push({ cluster: c, subnet: s });
  }
  return out;
}

/** A cluster with Azure CNI static block allocation and one pool with the given maxPods. */
import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { mutable } from '../../helpers/mutable.js';

export function staticBlock(maxPods: number) {
  const b = baseline();
  const pods = subnet({ name: 'snet-pods', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
  mutable(b.spoke.subnets).push(pods);
  b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
  b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, maxPods, subnet: b.nodes, podSubnet: pods })];
  return b;
}

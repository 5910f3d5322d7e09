/** Fixture variants shared by the CNI tests. */
import { nodePool, type ClusterNetwork } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline moved to kubenet with Calico, using the node subnet's route table. */
export function kubenet(extra: Partial<ClusterNetwork> = {}) {
  const b = baseline();
  b.aks.network = { cni: 'kubenet', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10', networkPolicy: 'calico', defaultDeny: true, routeTable: b.rt, ...extra } as ClusterNetwork;
  return b;
}

/** The baseline with an extra Windows user pool. */
export function withWindows(maxPods?: number) {
  const b = baseline();
  const win = nodePool({ name: 'win', mode: 'user', os: 'Windows', vmSize: 'Standard_D4ds_v5', count: 3, subnet: b.nodes, ...(maxPods ? { maxPods } : {}) });
  mutable(b.aks.nodePools).push(win);
  return { ...b, win };
}

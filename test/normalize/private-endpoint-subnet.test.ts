/**
 * A private cluster's API server endpoint sits in the subnet of the first node pool listed, whatever that pool's mode
 * (private-clusters: "the subnet used by the first node pool in the cluster configuration"). The IP plan, the capacity
 * model and the diagrams all read the endpoint's subnet from here.
 */
import { describe, expect, it } from 'vitest';
import { nodePool, subnet } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { ModelQuery } from '../../src/model/query.js';
import { subnetDemand } from '../../src/model/capacity.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

/** The baseline with a user pool in its own subnet listed before or after the system pool. */
function withUserPoolFirst(userFirst: boolean) {
  const b = baseline();
  const other = subnet({ name: 'snet-user', cidr: '10.1.8.0/24', purpose: 'aks-nodes' });
  mutable(b.spoke.subnets).push(other);
  const user = nodePool({ name: 'first', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 2, subnet: other });
  const pools = mutable(b.aks.nodePools);
  if (userFirst) pools.unshift(user);
  else pools.push(user);
  return normalize(b.arch).model;
}

const endpointSubnet = (model: ReturnType<typeof withUserPoolFirst>) =>
  model.resources.find((r) => r.kind === 'apiServer')?.parent;

describe('private cluster API server endpoint placement', () => {
  it('goes to the first pool’s subnet even when that pool is a user pool', () => {
    const model = withUserPoolFirst(true);
    expect(endpointSubnet(model)).toBe('subnet:vnet-spoke/snet-user');
    const q = new ModelQuery(model);
    expect(subnetDemand(q, 'subnet:vnet-spoke/snet-user').terms.map((t) => t.text)).toContain('1 private endpoint');
    expect(subnetDemand(q, 'subnet:vnet-spoke/snet-nodes').terms.map((t) => t.text)).not.toContain('1 private endpoint');
  });

  it('stays in the system pool’s subnet when the system pool is listed first', () => {
    expect(endpointSubnet(withUserPoolFirst(false))).toBe('subnet:vnet-spoke/snet-nodes');
  });
});

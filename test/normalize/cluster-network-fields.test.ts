/**
 * Fields that do not apply to the cluster's network or API server mode are schema errors, each like its
 * documented mirror: podSubnet on an overlay cluster as podCidr on a pod-subnet one, authorized IP ranges
 * on a private VNet-integrated API server as on a private cluster (docs/dsl.md §3.1, §3.4).
 */
import { describe, expect, it } from 'vitest';
import { subnet } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import type { NodePoolResource } from '../../src/model/types.js';
import { baseline } from '../helpers/fixture.js';

type Obj = Record<string, unknown>;

describe('fields that do not apply', () => {
  it('podSubnet on an Azure CNI Overlay cluster is a schema error and stays out of the model', () => {
    const b = baseline();
    const pods = subnet({ name: 'snet-pods', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
    (b.spoke as unknown as { subnets: unknown[] }).subnets.push(pods);
    (b.aks.nodePools[0] as unknown as Obj).podSubnet = pods;
    const { model, issues } = normalize(b.arch);
    const schema = issues.filter((i) => i.ruleId === 'structure/schema');
    expect(schema.map((i) => [i.path, i.message])).toEqual([
      ['clusters[0].nodePools[0].podSubnet', '"podSubnet" does not apply to azure-overlay: pods take their addresses from the cluster\'s podCidr'],
    ]);
    const pool = model.resources.find((r) => r.id === 'nodePool:aks-test/system') as NodePoolResource;
    expect(pool.podSubnet).toBeUndefined();
  });

  it('podSubnet with a pod-subnet CNI is still accepted', () => {
    const b = baseline();
    const pods = subnet({ name: 'snet-pods', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
    (b.spoke as unknown as { subnets: unknown[] }).subnets.push(pods);
    (b.aks as unknown as Obj).network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    for (const p of b.aks.nodePools) (p as unknown as Obj).podSubnet = pods;
    expect(normalize(b.arch).issues.filter((i) => i.ruleId === 'structure/schema')).toEqual([]);
  });

  it('authorized IP ranges on a private VNet-integrated API server are a schema error, as with mode private', () => {
    const b = baseline();
    const api = subnet({ name: 'snet-api', cidr: '10.1.8.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' });
    (b.spoke as unknown as { subnets: unknown[] }).subnets.push(api);
    const message = 'authorized IP ranges apply only to a public API server; a private cluster rejects them';
    const schemaFor = (apiServer: Obj) => {
      (b.aks as unknown as Obj).apiServer = apiServer;
      return normalize(b.arch).issues.filter((i) => i.ruleId === 'structure/schema').map((i) => [i.path, i.message]);
    };
    expect(schemaFor({ mode: 'private', authorizedIpRanges: ['203.0.113.0/24'] })).toEqual([['clusters[0].apiServer.authorizedIpRanges', message]]);
    expect(schemaFor({ mode: 'vnet-integration', subnet: api, private: true, authorizedIpRanges: ['203.0.113.0/24'] })).toEqual([
      ['clusters[0].apiServer.authorizedIpRanges', message],
    ]);
    // A public VNet-integrated endpoint takes them.
    expect(schemaFor({ mode: 'vnet-integration', subnet: api, private: false, authorizedIpRanges: ['203.0.113.0/24'] })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { routeTable } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';

const ID = 'ingress/agic-kubenet-route-table';
const TABLE = 'network.vnets[1].subnets[1].routeTable';

type Setup = { appGwTable: 'nodes' | 'other' | 'none'; nodesTable?: boolean; management?: 'agic-addon' | 'standalone' };

/** The baseline as a kubenet cluster published through AGIC. */
function design({ appGwTable, nodesTable = true, management = 'agic-addon' }: Setup) {
  return () => {
    const b = baseline();
    b.aks.network = {
      cni: 'kubenet',
      podCidr: '192.168.0.0/16',
      serviceCidr: '172.16.0.0/16',
      dnsServiceIP: '172.16.0.10',
      networkPolicy: 'calico',
    };
    b.appGw.management = management;
    if (!nodesTable) delete b.nodes.routeTable;
    if (appGwTable === 'nodes') b.appGwSubnet.routeTable = b.rt;
    if (appGwTable === 'other') b.appGwSubnet.routeTable = routeTable({ name: 'rt-appgw', routes: [] });
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    {
      name: 'the node subnet’s route table is associated with the gateway subnet',
      arch: design({ appGwTable: 'nodes' }),
    },
    { name: 'a standalone gateway (no AGIC)', arch: design({ appGwTable: 'none', management: 'standalone' }) },
    {
      name: 'AGIC with Azure CNI Overlay',
      arch: () => {
        const b = baseline();
        b.appGw.management = 'agic-addon';
        return b.arch;
      },
    },
    {
      name: 'AKS-managed table, gateway subnet has some table (unverified)',
      arch: design({ appGwTable: 'other', nodesTable: false }),
    },
  ],
  invalid: [
    {
      name: 'the gateway subnet has no route table',
      arch: design({ appGwTable: 'none' }),
      findings: [
        {
          messageId: 'notAssociated',
          path: TABLE,
          severity: 'error',
          message:
            'Application Gateway agw-test serves kubenet cluster aks-test through AGIC, but its subnet snet-appgw has no ' +
            'route table instead of the cluster’s route table rt-egress; the gateway cannot reach the pod IPs',
          evidence: { gateway: 'agw-test', table: 'rt-egress' },
        },
      ],
    },
    {
      name: 'the gateway subnet has another route table',
      arch: design({ appGwTable: 'other' }),
      findings: [
        {
          messageId: 'notAssociated',
          path: TABLE,
          severity: 'error',
          message: /has route table rt-appgw instead of/,
        },
      ],
    },
    {
      name: 'AKS manages the table and the gateway subnet has none',
      arch: design({ appGwTable: 'none', nodesTable: false }),
      findings: [
        { messageId: 'managedTableMissing', path: TABLE, severity: 'error', evidence: { gateway: 'agw-test' } },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('cannot tell whether a gateway subnet table is the AKS-managed one', async () => {
    const r = await runRuleResult(ID, design({ appGwTable: 'other', nodesTable: false })());
    expect(r.findings).toEqual([]);
    expect(r.unverified!.map((u) => u.factPath)).toEqual([TABLE]);
    expect(r.unverified!.map((u) => [u.check, u.fact])).toEqual([
      [
        'route table rt-appgw of subnet snet-appgw is the one AKS manages for kubenet cluster aks-test',
        'whether route table rt-appgw is the kubenet route table of aks-test ' +
          "(state it as the cluster's network.routeTable)",
      ],
    ]);
  });
});

describe(`${ID}: reads`, () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it("the cluster's invalid CNI (kubenet stands in) holds back the gateway subnet's verdict", async () => {
    const arch = design({ appGwTable: 'none' })();
    set(arch.clusters[0]!.network!, 'cni', 'kube-net');
    const r = await runRuleResult(ID, arch);
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual(['clusters[0].network.cni']);
  });
  it('an invalid field the verdict does not read (the gateway’s TLS version, the cluster’s tier) leaves it standing', async () => {
    const arch = design({ appGwTable: 'none' })();
    set(arch.ingress![0]!.hops[0]!.via, 'minTlsVersion', 1.2);
    set(arch.clusters[0]!, 'tier', 'premium');
    const r = await runRuleResult(ID, arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['notAssociated']);
    expect(r.unverified ?? []).toEqual([]);
  });
});

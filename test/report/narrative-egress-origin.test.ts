/**
 * Where a cluster's outbound traffic starts. With Azure CNI pod subnet (dynamic or static) pods send from their own
 * subnet's addresses, so the egress narrative and the overview's step legend name the pod subnet beside the node
 * subnet; with overlay and kubenet pods leave with their node's address, and only the node subnet is named. Both
 * read the origin from one query (ModelQuery.podSubnets), so they cannot disagree.
 */
import { describe, expect, it } from 'vitest';
import { nodePool, routeTable, subnet, type Architecture } from '../../dsl/index.js';
import { overview } from '../../src/diagram/overview.js';
import { ModelQuery } from '../../src/model/query.js';
import { normalize } from '../../src/normalize/normalize.js';
import { egressNarrative } from '../../src/report/narrative.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

type B = ReturnType<typeof baseline>;

/** The baseline with Azure CNI pod subnet: both pools put their pods in snet-pods, routed like the nodes. */
function podSubnetDesign(cni: 'azure-podsubnet-dynamic' | 'azure-podsubnet-static' = 'azure-podsubnet-dynamic'): Architecture {
  const b = baseline();
  const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods', routeTable: b.rt, defaultOutboundAccess: false });
  mutable(b.spoke.subnets).push(pods);
  b.aks.network = { cni, dataplane: 'cilium', networkPolicy: 'cilium', defaultDeny: true, serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
  b.aks.nodePools = b.aks.nodePools.map((p) => nodePool({ ...p, podSubnet: pods }));
  return b.arch;
}

/** The baseline turned into a kubenet cluster (pods NATed to their node's address). */
function kubenetDesign(): Architecture {
  const b: B = baseline();
  const rt = routeTable({ name: 'rt-kubenet', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: b.firewall }], bgpRoutePropagation: false });
  b.nodes.routeTable = rt;
  b.aks.network = { cni: 'kubenet', networkPolicy: 'calico', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10', routeTable: rt };
  return b.arch;
}

function origin(arch: Architecture) {
  const { model } = normalize(arch);
  const q = new ModelQuery(model);
  const [path] = model.egressPaths;
  const narrative = egressNarrative(path!, q);
  const legend = (overview(model)?.steps ?? []).filter((s) => s.flow === 'egress').map((s) => s.text);
  return { step: narrative.steps[0]!.text, legend };
}

describe('egress origin', () => {
  for (const cni of ['azure-podsubnet-dynamic', 'azure-podsubnet-static'] as const) {
    it(`${cni}: the narrative and the overview legend name the pod subnet beside the node subnet`, () => {
      const { step, legend } = origin(podSubnetDesign(cni));
      expect(step).toBe(
        "Node pools system, apps in snet-nodes originate the traffic; pods send from their own addresses in pod subnet snet-pods, not their node's.",
      );
      expect(legend[0]).toMatch(/^aks-test nodes and pods \(pod subnet snet-pods\) → /);
    });
  }

  it('Azure CNI overlay: only the node subnet (pods leave with their node address)', () => {
    const { step, legend } = origin(baseline().arch);
    expect(step).toBe('Node pools system, apps in snet-nodes originate the traffic.');
    expect(legend[0]).toMatch(/^aks-test nodes → /);
    expect(legend.join('\n')).not.toContain('pod subnet');
  });

  it('kubenet: only the node subnet', () => {
    const { step, legend } = origin(kubenetDesign());
    expect(step).toBe('Node pools system, apps in snet-nodes originate the traffic.');
    expect(legend[0]).toMatch(/^aks-test nodes → /);
  });

  it('ModelQuery.podSubnets is empty without a pod-subnet CNI and names the subnet with one', () => {
    const withPods = new ModelQuery(normalize(podSubnetDesign()).model);
    expect(withPods.podSubnets(withPods.all('cluster')[0]!.id).map((s) => s.name)).toEqual(['snet-pods']);
    const overlay = new ModelQuery(normalize(baseline().arch).model);
    expect(overlay.podSubnets(overlay.all('cluster')[0]!.id)).toEqual([]);
  });
});

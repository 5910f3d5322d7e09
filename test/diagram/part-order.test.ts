/**
 * Spokes and stamps keep one order in every view: the design's order from `partOrder` (hubs first, then as
 * declared), the same in the topology, ingress, egress and control-plane graphs and in their laid-out pictures.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  azureFirewall,
  cluster,
  defineArchitecture,
  ingressPath,
  loadBalancer,
  nodePool,
  peering,
  routeTable,
  subnet,
  vnet,
} from '../../dsl/index.js';
import { VIEWS } from '../../src/diagram/view-names.js';
import { deriveView } from '../../src/diagram/views.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { partOrder } from '../../src/model/order.js';
import { ModelQuery } from '../../src/model/query.js';
import type { Model } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
// @ts-expect-error the bench generator is plain JavaScript
import { hubSpoke } from '../../bench/hub-spoke.mjs';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const FLOW_AND_TOPOLOGY = ['topology', 'ingress', 'egress', 'control-plane'] as const;

/** Hub plus spokes declared in a non-alphabetical order, each spoke with a cluster, an ingress path and egress. */
function spokes(names: string[]): Model {
  const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', purpose: 'firewall' });
  const hub = vnet({
    name: 'vnet-hub',
    region: 'westeurope',
    role: 'hub',
    addressSpace: ['10.0.0.0/22'],
    subnets: [fwSubnet],
  });
  const fw = azureFirewall({ name: 'afw', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', publicIps: 2 });
  const rt = routeTable({ name: 'rt', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: fw }] });
  const vnets = [hub];
  const clusters: Array<ReturnType<typeof cluster>> = [];
  const paths: Array<ReturnType<typeof ingressPath>> = [];
  names.forEach((n, i) => {
    const nodes = subnet({ name: `snet-${n}`, cidr: `10.${i + 1}.0.0/22`, purpose: 'aks-nodes', routeTable: rt });
    vnets.push(
      vnet({
        name: `vnet-${n}`,
        region: 'westeurope',
        role: 'spoke',
        addressSpace: [`10.${i + 1}.0.0/16`],
        subnets: [nodes],
      }),
    );
    const c = cluster({
      name: `aks-${n}`,
      region: 'westeurope',
      network: { cni: 'azure-overlay' },
      nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, subnet: nodes })],
      outbound: { type: 'userDefinedRouting', via: fw },
      controlPlaneAccess: [{ kind: 'command-invoke' }],
    });
    clusters.push(c);
    const lb = loadBalancer({ name: `lb-${n}`, visibility: 'public', cluster: c });
    paths.push(
      ingressPath({
        name: `web-${n}`,
        from: { kind: 'internet' },
        hops: [{ via: lb, protocol: 'https', port: 443, tls: 'passthrough' }],
        to: { cluster: c, service: 'web', protocol: 'https', port: 443 },
      }),
    );
  });
  const arch = defineArchitecture({
    metadata: { title: 'spokes' },
    network: { vnets, firewalls: [fw], peerings: vnets.slice(1).map((v) => peering({ from: hub, to: v })) },
    clusters,
    ingress: paths,
  });
  return normalize(arch).model;
}

/** Ids of a kind in the order the view lists them. */
const seq = (model: Model, view: (typeof FLOW_AND_TOPOLOGY)[number], kind: string) =>
  (deriveView(model, view)?.nodes ?? []).filter((n) => n.kind === kind).map((n) => n.id);

describe('one order of spokes and stamps across views', () => {
  it('orders VNets hub first, then as declared, and clusters by their VNet', () => {
    const model = spokes(['zulu', 'alpha', 'mike']);
    const o = partOrder(new ModelQuery(model));
    expect(o.vnets.map((v) => v.name)).toEqual(['vnet-hub', 'vnet-zulu', 'vnet-alpha', 'vnet-mike']);
    expect(o.clusters.map((c) => c.name)).toEqual(['aks-zulu', 'aks-alpha', 'aks-mike']);
  });

  it('lists spokes and clusters in that order in every view of a hub-spoke design', () => {
    const model = spokes(['zulu', 'alpha', 'mike', 'bravo', 'yankee']);
    const clusters = ['zulu', 'alpha', 'mike', 'bravo', 'yankee'].map((n) => `cluster:aks-${n}`);
    for (const view of FLOW_AND_TOPOLOGY) expect(seq(model, view, 'cluster'), view).toEqual(clusters);
    const spokeVnets = ['zulu', 'alpha', 'mike', 'bravo', 'yankee'].map((n) => `vnet:vnet-${n}`);
    expect(seq(model, 'topology', 'vnet')).toEqual(['vnet:vnet-hub', ...spokeVnets]);
    for (const view of ['ingress', 'egress'] as const) {
      expect(
        seq(model, view, 'vnet').filter((v) => v !== 'vnet:vnet-hub'),
        view,
      ).toEqual(spokeVnets);
    }
  });

  it('keeps that order on paper in the flow views of a five-spoke design', async () => {
    const names = ['zulu', 'alpha', 'mike', 'bravo', 'yankee'];
    const model = spokes(names);
    for (const view of ['ingress', 'egress', 'control-plane'] as const) {
      const g = deriveView(model, view)!;
      expect(g.keepOrder, view).toBe(true);
      const r = await renderView(model, g, {});
      const boxes = names.map((n) => r.layout.nodes.get(`cluster:aks-${n}`)!);
      for (let i = 1; i < boxes.length; i++) {
        const [a, b] = [boxes[i - 1]!, boxes[i]!];
        const before = a.y + a.height <= b.y + 0.5 || a.x + a.width <= b.x + 0.5;
        expect(before, `${view}: aks-${names[i - 1]} before aks-${names[i]}`).toBe(true);
      }
    }
    // A single-cluster view is left to ELK's crossing minimisation.
    expect(deriveView(spokes(['solo']), 'egress')!.keepOrder).toBeUndefined();
  }, 120_000);

  it('keeps the two stamps of the two-region design in one order in every view, on paper too', async () => {
    const { model } = await loadArchitecture(join(examples, 'g-two-region-stamps.ts'));
    const regions = ['region:westeurope', 'region:northeurope'];
    for (const view of FLOW_AND_TOPOLOGY) {
      expect(seq(model, view, 'region'), view).toEqual(regions);
      expect(seq(model, view, 'cluster'), view).toEqual(['cluster:aks-bookings-weu', 'cluster:aks-bookings-neu']);
    }
    expect(VIEWS).toEqual(expect.arrayContaining([...FLOW_AND_TOPOLOGY]));
    // Reading order of the laid-out region boxes: west Europe above or left of north Europe in every view.
    for (const view of FLOW_AND_TOPOLOGY) {
      const g = deriveView(model, view)!;
      const r = await renderView(model, g, {});
      const [a, b] = regions.map((id) => r.layout.nodes.get(id)!);
      const before = a!.y + a!.height <= b!.y + 0.5 || a!.x + a!.width <= b!.x + 0.5;
      expect(before, `${view}: ${JSON.stringify([a, b])}`).toBe(true);
    }
  }, 120_000);

  it('keeps the 20-spoke topology in part order top to bottom within each column of spokes', async () => {
    // Spokes declared 20 to 1: part order (declaration) is then the reverse of name order.
    /* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call */
    const arch = hubSpoke(20);
    arch.network.vnets = [arch.network.vnets[0], ...arch.network.vnets.slice(1).reverse()];
    /* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call */
    const model = normalize(arch as never).model;
    const { rank } = partOrder(new ModelQuery(model));
    const spokes = Array.from({ length: 20 }, (_, i) => `vnet:vnet-spoke-${i + 1}`);
    expect(rank.get('vnet:vnet-spoke-20')!).toBeLessThan(rank.get('vnet:vnet-spoke-1')!);
    const g = deriveView(model, 'topology')!;
    expect(g.nodes.length).toBeGreaterThan(150);
    const r = await renderView(model, g, { metadata: false });
    const columns = new Map<number, Array<{ id: string; y: number }>>();
    for (const id of spokes) {
      const b = r.layout.nodes.get(id)!;
      const list = columns.get(Math.round(b.x)) ?? [];
      list.push({ id, y: b.y });
      columns.set(Math.round(b.x), list);
    }
    // Four columns of five spokes each (rows = ⌈√20⌉), and in each the y coordinates rise with part order.
    expect([...columns.values()].map((c) => c.length)).toEqual([5, 5, 5, 5]);
    for (const column of columns.values()) {
      const byRank = [...column].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      for (let i = 1; i < byRank.length; i++) {
        expect(byRank[i]!.y, `${byRank[i - 1]!.id} above ${byRank[i]!.id}`).toBeGreaterThan(byRank[i - 1]!.y);
      }
    }
  }, 120_000);
});

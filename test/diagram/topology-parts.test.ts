/**
 * What the topology draws for parts that used to be missing from it: private DNS zones with their VNet links and
 * what each serves, Front Door's edges to its origins, and the detail lines of public IPs, firewall policies and
 * Private Link services.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { privateDnsZone } from '../../dsl/index.js';
import { deriveView } from '../../src/diagram/views.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Model, ResourceOf } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
import { baseline } from '../helpers/fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = async (rel: string): Promise<Model> => (await loadArchitecture(join(root, rel))).model;

const linkEdges = (g: NonNullable<ReturnType<typeof deriveView>>, zone: string) =>
  g.edges
    .filter((e) => e.style === 'dns-link' && e.from === zone)
    .map((e) => e.to)
    .sort();

describe('topology: private DNS zones', () => {
  for (const file of [
    'examples/a-hub-spoke-baseline.ts',
    'examples/b-front-door-private-link.ts',
    'examples/e-istio-mesh.ts',
    'examples/g-two-region-stamps.ts',
  ]) {
    it(`draws every zone of ${file} with one link edge to each linked VNet`, async () => {
      const model = await load(file);
      const g = deriveView(model, 'topology')!;
      const zones = model.resources.filter((r): r is ResourceOf<'privateDnsZone'> => r.kind === 'privateDnsZone');
      expect(zones.length).toBeGreaterThan(0);
      for (const z of zones) {
        const node = g.nodes.find((n) => n.id === z.id)!;
        expect(node, z.id).toBeDefined();
        expect(g.nodes.find((n) => n.id === node.parent)!.label).toBe('Private DNS zones');
        expect(linkEdges(g, z.id), z.id).toEqual([...(z.links ?? [])].sort());
        for (const e of g.edges.filter((x) => x.from === z.id)) expect(e.undirected).toBe(true);
      }
    });
  }

  it('says which zone serves which private endpoints and which API server', async () => {
    const a = deriveView(await load('examples/a-hub-spoke-baseline.ts'), 'topology')!;
    const byLabel = (l: string) => a.nodes.find((n) => n.label === l)!;
    expect(byLabel('privatelink.azurecr.io').details).toContain('for pe-acr-payments');
    expect(byLabel('privatelink.westeurope.azmk8s.io').details).toContain('for aks-payments-weu API server');
    expect(byLabel('aks-payments-weu API server').details).toEqual([
      'Private API server endpoint',
      'DNS: privatelink.westeurope.azmk8s.io',
    ]);
    // Example (b) uses the AKS-managed (system) zone, which is not a part of the design: its API server names it.
    const b = deriveView(await load('examples/b-front-door-private-link.ts'), 'topology')!;
    expect(b.nodes.find((n) => n.label === 'aks-shop-prod-uks API server')!.details).toEqual([
      'Private API server endpoint',
      'DNS: AKS-managed zone (system)',
    ]);
    expect(b.nodes.filter((n) => n.kind === 'privateDnsZone')).toHaveLength(3);
  });

  it('says so when a zone does not state its links, and draws no link for it', () => {
    const base = baseline();
    const zone = privateDnsZone({ name: 'privatelink.blob.core.windows.net' });
    (base.arch.network as { privateDnsZones?: unknown[] }).privateDnsZones = [zone];
    const { model } = normalize(base.arch);
    const g = deriveView(model, 'topology')!;
    const node = g.nodes.find((n) => n.label === 'privatelink.blob.core.windows.net')!;
    expect(node.details).toContain('VNet links not stated');
    expect(linkEdges(g, node.id)).toEqual([]);
  });

  it('routes every link edge from the zone box to the VNet box', async () => {
    const model = await load('examples/a-hub-spoke-baseline.ts');
    const g = deriveView(model, 'topology')!;
    const r = await renderView(model, g, {});
    const links = g.edges.filter((e) => e.style === 'dns-link');
    expect(links.length).toBe(6);
    for (const e of links) {
      const pts = r.layout.edges.get(e.id)!.points;
      const near = (p: { x: number; y: number }, id: string) => {
        const b = r.layout.nodes.get(id)!;
        return p.x >= b.x - 1.5 && p.x <= b.x + b.width + 1.5 && p.y >= b.y - 1.5 && p.y <= b.y + b.height + 1.5;
      };
      expect(near(pts[0]!, e.from), e.id).toBe(true);
      expect(near(pts[pts.length - 1]!, e.to), e.id).toBe(true);
    }
    expect(r.svg).toContain('data-legend="edge-dns-link"');
  });
});

describe('topology: Front Door origins', () => {
  it('draws the Private Link edge to the Private Link service the ingress path reaches (no routes stated)', async () => {
    const g = deriveView(await load('examples/b-front-door-private-link.ts'), 'topology')!;
    const e = g.edges.filter((x) => x.from === 'frontDoor:afd-shop-prod');
    expect(e.map((x) => [x.to, x.style, x.label])).toEqual([
      ['privateLinkService:pls-shop-ingress', 'private-link', 'origin Private Link service'],
    ]);
  });

  it('draws one edge per stated origin, Private Link or public, and lists the origins on Front Door', async () => {
    const g = deriveView(await load('test/fixtures/new-parts.ts'), 'topology')!;
    const e = g.edges.filter((x) => x.from === 'frontDoor:afd').map((x) => [x.to, x.style, x.label]);
    expect(e).toEqual([
      ['privateLinkService:pls-ingress', 'private-link', 'origin Private Link service'],
      ['applicationGateway:agw', 'ingress', 'origin App Gateway (public)'],
    ]);
    const fd = g.nodes.find((n) => n.id === 'frontDoor:afd')!;
    expect(fd.details).toEqual([
      'Azure Front Door Premium · TLS ≥ 1.2',
      'WAF Prevention',
      'DRS 2.1 (Block)',
      '→ pls: Private Link service · Private Link',
      '→ agw: App Gateway · public, X-Azure-FDID + service tag',
    ]);
  });

  it('draws a public-IP origin to the Application Gateway that owns the address', async () => {
    const model = await load('test/fixtures/new-parts.ts');
    const fd = model.resources.find((r): r is ResourceOf<'frontDoor'> => r.kind === 'frontDoor')!;
    fd.routes[0]!.origins[1] = {
      name: 'agw-ip',
      originKind: 'public-ip',
      target: 'publicIp:pip-agw',
      connection: 'public',
      lockdown: [],
    };
    const g = deriveView(model, 'topology')!;
    const e = g.edges.filter((x) => x.from === fd.id).map((x) => [x.to, x.label]);
    expect(e).toContainEqual(['applicationGateway:agw', 'origin public IP (public)']);
    expect(g.nodes.find((n) => n.id === fd.id)!.details).toContain('→ agw-ip: public IP · public, no lockdown');
  });

  it('draws both stamps’ origins of the two-region design', async () => {
    const g = deriveView(await load('examples/g-two-region-stamps.ts'), 'topology')!;
    const to = g.edges
      .filter((x) => x.from === 'frontDoor:afd-bookings-global')
      .map((x) => x.to)
      .sort();
    expect(to).toEqual(['privateLinkService:pls-bookings-neu', 'privateLinkService:pls-bookings-weu']);
  });
});

describe('topology: Traffic Manager endpoints and WAF rule sets', () => {
  it('draws an edge to each endpoint the design names, and none for a host name it cannot draw', async () => {
    const g = deriveView(await load('test/fixtures/new-parts.ts'), 'topology')!;
    const e = g.edges.filter((x) => x.from === 'trafficManager:tm-global').map((x) => [x.to, x.style, x.label]);
    expect(e).toEqual([['applicationGateway:agw', 'ingress', 'endpoint weu']]);
  });

  it('lists managed rule sets with their action, custom rules, and a legacy in-gateway config', async () => {
    const model = await load('test/fixtures/new-parts.ts');
    const g = deriveView(model, 'topology')!;
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(node('applicationGateway:agw').details).toContain(
      'DRS 2.1 (AnomalyScoring) · Bot Manager 1.1 · 2 custom rules',
    );
    expect(node('frontDoor:afd').details).toContain('DRS 2.1 (Block)');
    const agw = model.resources.find((r): r is ResourceOf<'applicationGateway'> => r.kind === 'applicationGateway')!;
    agw.waf = { source: 'legacy-config', mode: 'Detection', exclusions: [], customRules: [], enabled: true };
    const legacy = deriveView(model, 'topology')!.nodes.find((n) => n.id === agw.id)!;
    expect(legacy.details).toContain('legacy WAF config');
    // A WAF that states no rule sets gets no line for them.
    agw.waf = { source: 'policy', mode: 'Prevention', exclusions: [], customRules: [], enabled: true };
    expect(deriveView(model, 'topology')!.nodes.find((n) => n.id === agw.id)!.details).toEqual([
      'Application Gateway WAF_v2',
      'public frontend · WAF Prevention',
      'pip-agw · Standard · zones 1,2,3',
    ]);
  });
});

describe('topology: public IPs, firewall policy and Private Link service details', () => {
  it('draws them as detail lines and loose public IPs in a column of their own', async () => {
    const model = await load('test/fixtures/new-parts.ts');
    const g = deriveView(model, 'topology')!;
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(node('applicationGateway:agw').details).toContain('pip-agw · Standard · zones 1,2,3');
    expect(node('azureFirewall:afw-hub').details).toContain(
      'policy afwp-hub (Premium) · threat intel Deny · IDPS Deny',
    );
    expect(node('privateLinkService:pls-ingress').details).toEqual([
      'Private Link service',
      'LB ilb-ingress',
      'visible to 1 subscription · auto-approves 1 subscription',
      '2 NAT IPs in snet-pls',
    ]);
    const pip = node('publicIp:pip-afw');
    expect(pip.details).toEqual(['Public IP Standard · 20.1.2.3', 'zones 1,2,3 · DDoS IP Protection']);
    expect(node(pip.parent!).label).toBe('Public IP addresses');
    // Attached public IPs are not drawn twice.
    expect(g.nodes.some((n) => n.id === 'publicIp:pip-agw')).toBe(false);
  });

  it('says "visible to all" for a * visibility and "not stated" when unstated', async () => {
    const model = await load('test/fixtures/new-parts.ts');
    const pls = model.resources.find((r) => r.id === 'privateLinkService:pls-ingress')!;
    if (pls.kind !== 'privateLinkService') throw new Error('kind');
    pls.visibility = '*';
    pls.autoApproval = [];
    expect(deriveView(model, 'topology')!.nodes.find((n) => n.id === pls.id)!.details[2]).toBe(
      'visible to all (*) · manual approval',
    );
    delete pls.visibility;
    expect(deriveView(model, 'topology')!.nodes.find((n) => n.id === pls.id)!.details[2]).toBe(
      'visibility not stated · manual approval',
    );
  });

  it('draws a classic-rules firewall as such, with its threat-intel mode', () => {
    const b = baseline();
    const { model } = normalize(b.arch);
    const fw = model.resources.find((r): r is ResourceOf<'azureFirewall'> => r.kind === 'azureFirewall')!;
    fw.ruleModel = 'classic';
    expect(deriveView(model, 'topology')!.nodes.find((n) => n.id === fw.id)!.details[2]).toBe(
      'classic rules · threat intel Deny',
    );
  });
});

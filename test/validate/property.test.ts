/**
 * Property-based test of the whole validate pipeline: thousands of random architectures built with
 * the DSL builders — overlapping and malformed CIDRs, every CNI / policy / dataplane / outbound /
 * API server mode, pools with odd counts, firewalls, NAT gateways, route tables, ingress paths with
 * random hops and TLS modes, missing references and hostile strings — must normalize and validate
 * without throwing, and twice in a row with identical results.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as dsl from '../../dsl/index.js';
import type { Architecture, Subnet } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { loadRules } from '../../src/validate/registry.js';
import type { Rule } from '../../src/validate/rule.js';
import { validateModel } from '../../src/validate/validate.js';

const AS_OF = '2026-11-23';

// ---- Scalars --------------------------------------------------------------------------------

const hostile = ['<script>alert(1)</script>', 'ü-名前-🚀', 'a|b`c*d_[x](y)', '', ' ', '%0A::error::x', 'AzureFirewallSubnet', 'GatewaySubnet', 'AzureBastionSubnet'];
const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', 'hub', 'spoke', 'nodes', 'pods') }, fc.constantFrom(...hostile), fc.string({ maxLength: 6 }));

const prefix = fc.integer({ min: 0, max: 33 });
const cidr = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(10, 172, 192), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom(0, 0, 0, 64, 128, 1), fc.integer({ min: 8, max: 30 })).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 255 }), prefix).map(([a, b, p]) => `${a}.${b}.0.0/${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('', 'abc', '10.0.0.0', '10.0.0.0/33', '::1/128', '0.0.0.0/0', '10.0.0.0/-1', '<script>') },
);
const ip = fc.oneof(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 })).map(([c, d]) => `10.${c}.0.${d}`), fc.constantFrom('', 'x', '999.1.1.1'));
const zones = fc.option(fc.subarray([1, 2, 3] as const), { nil: undefined });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const idx = fc.nat(7);

// ---- A plan: plain data with indices; build() turns it into linked DSL objects --------------

const subnetPlan = fc.record({
  name,
  cidr,
  purpose: maybe(fc.constantFrom('aks-nodes', 'aks-pods', 'aks-apiserver', 'ingress', 'application-gateway', 'agc', 'private-endpoints', 'firewall', 'gateway', 'bastion', 'workload', 'nva') as fc.Arbitrary<NonNullable<Subnet['purpose']>>),
  nsg: maybe(idx),
  routeTable: maybe(idx),
  natGateway: maybe(idx),
  defaultOutboundAccess: maybe(fc.boolean()),
  delegation: maybe(fc.constantFrom('Microsoft.ContainerService/managedClusters', 'Microsoft.ServiceNetworking/trafficControllers', 'Microsoft.Network/applicationGateways')),
});
const vnetPlan = fc.record({
  name,
  region: fc.constantFrom('westeurope', 'northeurope', ''),
  addressSpace: fc.array(cidr, { maxLength: 3 }),
  role: maybe(fc.constantFrom('hub', 'spoke', 'standalone') as fc.Arbitrary<'hub' | 'spoke' | 'standalone'>),
  subnets: fc.array(subnetPlan, { maxLength: 4 }),
});
const poolPlan = fc.record({
  name,
  mode: fc.constantFrom('system', 'user', 'system') as fc.Arbitrary<'system' | 'user'>,
  count: maybe(fc.integer({ min: -1, max: 1200 })),
  minCount: maybe(fc.integer({ min: 0, max: 100 })),
  maxCount: maybe(fc.integer({ min: 0, max: 1200 })),
  maxPods: maybe(fc.integer({ min: 0, max: 300 })),
  zones,
  subnet: idx,
  podSubnet: maybe(idx),
  maxSurge: maybe(fc.oneof(fc.integer({ min: -1, max: 50 }), fc.constantFrom('10%', '33%', '100%', '0%', 'x%'))),
  os: maybe(fc.constantFrom('Linux', 'Windows') as fc.Arbitrary<'Linux' | 'Windows'>),
  spot: maybe(fc.boolean()),
});
const clusterPlan = fc.record({
  name,
  tier: maybe(fc.constantFrom('Free', 'Standard', 'Premium') as fc.Arbitrary<'Free' | 'Standard' | 'Premium'>),
  kubernetesVersion: maybe(fc.constantFrom('1.27', '1.33', '1.40', 'x')),
  cni: fc.constantFrom('kubenet', 'azure-overlay', 'azure-nodesubnet', 'azure-podsubnet-dynamic', 'azure-podsubnet-static', 'byo'),
  dataplane: maybe(fc.constantFrom('azure', 'cilium')),
  networkPolicy: maybe(fc.constantFrom('none', 'azure', 'calico', 'cilium')),
  podCidr: maybe(cidr),
  serviceCidr: maybe(cidr),
  dnsServiceIP: maybe(ip),
  pools: fc.array(poolPlan, { maxLength: 3 }),
  apiServer: maybe(fc.record({ mode: fc.constantFrom('public', 'private', 'vnet-integration'), subnet: idx, private: fc.boolean(), ranges: fc.array(cidr, { maxLength: 2 }), dns: fc.constantFrom('system', 'none', undefined) })),
  outbound: maybe(fc.record({ type: fc.constantFrom('loadBalancer', 'managedNATGateway', 'userAssignedNATGateway', 'userDefinedRouting', 'none', 'block'), ref: idx, ips: maybe(fc.integer({ min: 0, max: 20 })) })),
  mesh: maybe(fc.constantFrom('none', 'istio-addon', 'self-managed')),
});
const hopPlan = fc.record({
  via: fc.constantFrom('appGw', 'frontDoor', 'lb', 'ic', 'agc', 'apim', 'pls', 'fw', 'missing'),
  ref: idx,
  protocol: fc.constantFrom('http', 'https', 'http2', 'grpc', 'grpcs', 'tcp', 'tls', 'udp'),
  port: fc.integer({ min: 0, max: 70000 }),
  tls: fc.constantFrom('terminate', 'reencrypt', 'passthrough', 'plain', 'originate', 'bogus'),
  preservesClientIp: maybe(fc.boolean()),
});
const pathPlan = fc.record({
  name,
  from: fc.constantFrom('internet', 'corporate', 'partner'),
  hops: fc.array(hopPlan, { maxLength: 4 }),
  cluster: idx,
  protocol: fc.constantFrom('http', 'https', 'tcp', 'grpc'),
  port: fc.integer({ min: 1, max: 65535 }),
  tls: maybe(fc.constantFrom('terminate', 'plain')),
});
export const plan = fc.record({
  title: name,
  vnets: fc.array(vnetPlan, { maxLength: 3 }),
  peerings: fc.array(fc.tuple(idx, idx, fc.boolean()), { maxLength: 2 }),
  nsgs: fc.array(fc.record({ name, rules: fc.array(fc.record({ priority: fc.integer({ min: 0, max: 5000 }), access: fc.constantFrom('allow', 'deny'), dir: fc.constantFrom('inbound', 'outbound'), src: fc.oneof(cidr, fc.constantFrom('*', 'Internet', 'VirtualNetwork')), ports: fc.oneof(fc.constantFrom('*', '80-90', 443), fc.integer({ min: 0, max: 70000 })) }), { maxLength: 2 }) }), { maxLength: 2 }),
  routeTables: fc.array(fc.record({ name, routes: fc.array(fc.record({ prefix: cidr, hop: fc.constantFrom('fw', 'nva', 'Internet', 'None', 'VirtualAppliance'), ref: idx, ip }), { maxLength: 2 }), bgp: maybe(fc.boolean()) }), { maxLength: 2 }),
  nats: fc.array(fc.record({ name, publicIps: maybe(fc.integer({ min: 0, max: 20 })), zones, idle: maybe(fc.integer({ min: 1, max: 200 })) }), { maxLength: 2 }),
  firewalls: fc.array(fc.record({ name, tier: fc.constantFrom('Basic', 'Standard', 'Premium'), subnet: idx, ip, publicIps: maybe(fc.integer({ min: 0, max: 300 })), zones, dnsProxy: maybe(fc.boolean()), nat: maybe(idx) }), { maxLength: 2 }),
  clusters: fc.array(clusterPlan, { maxLength: 2 }),
  ingress: fc.array(pathPlan, { maxLength: 2 }),
  extras: fc.record({
    pe: fc.array(fc.record({ svc: fc.constantFrom('keyVault', 'containerRegistry', 'storageBlob', 'sqlDatabase', 'other'), subnet: idx, zone: fc.boolean(), pna: maybe(fc.boolean()) }), { maxLength: 2 }),
    onPrem: fc.array(fc.record({ space: fc.array(cidr, { maxLength: 2 }), gwSubnet: idx, type: fc.constantFrom('vpn', 'expressRoute'), zones }), { maxLength: 1 }),
    bastion: maybe(fc.record({ subnet: idx, sku: fc.constantFrom('Developer', 'Basic', 'Standard', 'Premium') })),
    agents: maybe(fc.record({ hosting: fc.constantFrom('microsoft-hosted', 'self-hosted'), subnet: idx, ips: fc.array(cidr, { maxLength: 2 }) })),
    access: fc.array(fc.constantFrom('admins-bastion', 'admins-internet', 'admins-vpn', 'cicd', 'gitops', 'command-invoke'), { maxLength: 3 }),
    egress: fc.array(fc.record({ name, fqdn: maybe(fc.constantFrom('api.stripe.com', '*.blob.core.windows.net', '', 'mcr.microsoft.com')), cidr: maybe(cidr), port: maybe(fc.integer({ min: 0, max: 70000 })), pe: fc.boolean() }), { maxLength: 3 }),
  }),
  review: maybe(fc.record({ rules: fc.dictionary(fc.constantFrom('structure/schema', 'address/isolated-vnet-overlap', 'nope/x'), fc.constantFrom('off', 'error', 'warning', 'info')), risk: fc.boolean() })),
  strayRef: fc.boolean(),
});

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

/** Picks plan[i % n], or undefined when the list is empty. */
function pick<T>(list: T[], i: number): T | undefined {
  return list.length ? list[i % list.length] : undefined;
}

/** Builds linked DSL objects from a plan (fresh objects on every call). */
export function build(p: Plan): Architecture {
  const any = <T>(v: unknown) => v as T;
  const strayPool: Subnet[] = [dsl.subnet({ name: 'stray', cidr: '10.99.0.0/24' })];
  const nsgs = p.nsgs.map((n) =>
    dsl.nsg({
      name: n.name,
      rules: n.rules.map((r, i) => ({ name: `r${i}`, direction: any(r.dir), access: any(r.access), priority: r.priority, protocol: 'tcp', source: r.src, destination: '*', ports: any(r.ports) })),
    }),
  );
  const nats = p.nats.map((n) => dsl.natGateway({ name: n.name, ...(n.publicIps !== undefined ? { publicIps: n.publicIps } : {}), ...(n.zones ? { zones: [...n.zones] } : {}), ...(n.idle !== undefined ? { idleTimeoutMinutes: n.idle } : {}) }));
  // Route tables reference firewalls, firewalls reference subnets: create subnets first, then patch.
  const routeTables = p.routeTables.map((r) => dsl.routeTable({ name: r.name, routes: [], ...(r.bgp !== undefined ? { bgpRoutePropagation: r.bgp } : {}) }));
  const subnets: Subnet[] = [];
  const vnets = p.vnets.map((v) =>
    dsl.vnet({
      name: v.name,
      region: v.region,
      addressSpace: v.addressSpace,
      ...(v.role ? { role: v.role } : {}),
      subnets: v.subnets.map((s) => {
        const sn = dsl.subnet({
          name: s.name,
          cidr: s.cidr,
          ...(s.purpose ? { purpose: s.purpose } : {}),
          ...(s.nsg !== undefined && pick(nsgs, s.nsg) ? { nsg: pick(nsgs, s.nsg)! } : {}),
          ...(s.routeTable !== undefined && pick(routeTables, s.routeTable) ? { routeTable: pick(routeTables, s.routeTable)! } : {}),
          ...(s.natGateway !== undefined && pick(nats, s.natGateway) ? { natGateway: pick(nats, s.natGateway)! } : {}),
          ...(s.defaultOutboundAccess !== undefined ? { defaultOutboundAccess: s.defaultOutboundAccess } : {}),
          ...(s.delegation ? { delegation: s.delegation } : {}),
        });
        subnets.push(sn);
        return sn;
      }),
    }),
  );
  const subnetAt = (i: number): Subnet => (p.strayRef && i === 7 ? strayPool[0]! : (pick(subnets, i) ?? strayPool[0]!));
  const firewalls = p.firewalls.map((f) =>
    dsl.azureFirewall({
      name: f.name,
      tier: any(f.tier),
      subnet: subnetAt(f.subnet),
      privateIp: f.ip,
      ...(f.publicIps !== undefined ? { publicIps: f.publicIps } : {}),
      ...(f.zones ? { zones: [...f.zones] } : {}),
      ...(f.dnsProxy !== undefined ? { dnsProxy: f.dnsProxy } : {}),
      ...(f.nat !== undefined && pick(nats, f.nat) ? { natGateway: pick(nats, f.nat)! } : {}),
    }),
  );
  const nva = dsl.nva({ name: 'nva', subnet: subnetAt(3), privateIp: '10.0.0.5' });
  p.routeTables.forEach((r, i) => {
    routeTables[i]!.routes = r.routes.map((x, j) => ({
      name: `route${j}`,
      prefix: x.prefix,
      nextHop:
        x.hop === 'fw'
          ? (pick(firewalls, x.ref) ?? { type: 'None' })
          : x.hop === 'nva'
            ? nva
            : x.hop === 'VirtualAppliance'
              ? { type: 'VirtualAppliance', address: x.ip }
              : any<dsl.RouteNextHop>({ type: x.hop }),
    }));
  });
  const clusters = p.clusters.map((c) => {
    const network = any<dsl.ClusterNetwork>({
      cni: c.cni,
      ...(c.dataplane ? { dataplane: c.dataplane } : {}),
      ...(c.networkPolicy ? { networkPolicy: c.networkPolicy } : {}),
      ...(c.podCidr ? { podCidr: c.podCidr } : {}),
      ...(c.serviceCidr ? { serviceCidr: c.serviceCidr } : {}),
      ...(c.dnsServiceIP ? { dnsServiceIP: c.dnsServiceIP } : {}),
    });
    const a = c.apiServer;
    const apiServer: dsl.ApiServer | undefined = !a
      ? undefined
      : a.mode === 'public'
        ? { mode: 'public', authorizedIpRanges: a.ranges }
        : a.mode === 'private'
          ? { mode: 'private', ...(a.dns ? { privateDnsZone: a.dns as 'system' | 'none' } : {}) }
          : { mode: 'vnet-integration', subnet: subnetAt(a.subnet), private: a.private, authorizedIpRanges: a.ranges };
    const o = c.outbound;
    const outbound: dsl.Outbound | undefined = !o
      ? undefined
      : o.type === 'loadBalancer' || o.type === 'managedNATGateway'
        ? ({ type: o.type, ...(o.ips !== undefined ? { outboundIps: o.ips } : {}) } as dsl.Outbound)
        : o.type === 'userAssignedNATGateway'
          ? { type: o.type, natGateway: pick(nats, o.ref) ?? any<dsl.NatGateway>(undefined) }
          : o.type === 'userDefinedRouting'
            ? { type: o.type, via: pick(firewalls, o.ref) ?? nva }
            : any<dsl.Outbound>({ type: o.type });
    const serviceMesh: dsl.ServiceMesh | undefined =
      c.mesh === 'none' ? { kind: 'none' } : c.mesh === 'istio-addon' ? { kind: 'istio-addon', mtls: 'STRICT' } : c.mesh === 'self-managed' ? { kind: 'self-managed', product: 'linkerd', mtls: 'PERMISSIVE' } : undefined;
    return dsl.cluster({
      name: c.name,
      region: 'westeurope',
      ...(c.tier ? { tier: c.tier } : {}),
      ...(c.kubernetesVersion ? { kubernetesVersion: c.kubernetesVersion } : {}),
      network,
      nodePools: c.pools.map((pl) =>
        dsl.nodePool({
          name: pl.name,
          mode: pl.mode,
          vmSize: 'Standard_D4ds_v5',
          subnet: subnetAt(pl.subnet),
          ...(pl.podSubnet !== undefined ? { podSubnet: subnetAt(pl.podSubnet) } : {}),
          ...(pl.count !== undefined ? { count: pl.count } : {}),
          ...(pl.minCount !== undefined ? { minCount: pl.minCount } : {}),
          ...(pl.maxCount !== undefined ? { maxCount: pl.maxCount } : {}),
          ...(pl.maxPods !== undefined ? { maxPods: pl.maxPods } : {}),
          ...(pl.zones ? { zones: [...pl.zones] } : {}),
          ...(pl.maxSurge !== undefined ? { maxSurge: any(pl.maxSurge) } : {}),
          ...(pl.os ? { os: pl.os } : {}),
          ...(pl.spot !== undefined ? { spot: pl.spot } : {}),
        }),
      ),
      ...(apiServer ? { apiServer } : {}),
      ...(outbound ? { outbound } : {}),
      ...(serviceMesh ? { serviceMesh } : {}),
    });
  });
  const x = p.extras;
  const zone = dsl.privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: vnets.slice(0, 1) });
  const privateEndpoints = x.pe.map((e, i) =>
    dsl.privateEndpoint({
      name: `pe-${i}`,
      subnet: subnetAt(e.subnet),
      target: dsl.paas({ name: `paas-${i}`, service: any(e.svc), ...(e.pna !== undefined ? { publicNetworkAccess: e.pna } : {}) }),
      ...(e.zone ? { dnsZone: zone } : {}),
    }),
  );
  const hybrid = x.onPrem.map((o, i) => {
    const site = dsl.onPremises({ name: `dc-${i}`, addressSpace: o.space });
    const gw = dsl.vnetGateway({ name: `vgw-${i}`, type: any(o.type), subnet: subnetAt(o.gwSubnet), ...(o.zones ? { zones: [...o.zones] } : {}) });
    return { site, gw, conn: dsl.hybridConnection({ name: `conn-${i}`, gateway: gw, remote: site }) };
  });
  const bastionHost = x.bastion ? dsl.bastion({ name: 'bas', subnet: subnetAt(x.bastion.subnet), sku: any(x.bastion.sku) }) : undefined;
  const agents = x.agents
    ? dsl.buildAgents({ name: 'agents', hosting: any(x.agents.hosting), egressIps: x.agents.ips, ...(x.agents.hosting === 'self-hosted' ? { subnet: subnetAt(x.agents.subnet) } : {}) })
    : undefined;
  const access: dsl.ControlPlaneAccess[] = x.access.flatMap((a): dsl.ControlPlaneAccess[] => {
    if (a === 'admins-bastion') return bastionHost ? [{ kind: 'admins', via: bastionHost }] : [];
    if (a === 'admins-internet') return [{ kind: 'admins', via: 'internet' }];
    if (a === 'admins-vpn') return hybrid[0] ? [{ kind: 'admins', via: hybrid[0].conn }] : [];
    if (a === 'cicd') return agents ? [{ kind: 'cicd', via: agents }] : [];
    if (a === 'gitops') return [{ kind: 'gitops', tool: 'flux' }];
    return [{ kind: 'command-invoke' }];
  });
  const egressDestinations: dsl.EgressDestination[] = x.egress.map((e) => ({
    name: e.name,
    ...(e.fqdn !== undefined ? { fqdn: e.fqdn } : {}),
    ...(e.cidr !== undefined ? { cidr: e.cidr } : {}),
    ...(e.port !== undefined ? { port: e.port } : {}),
    ...(e.pe && privateEndpoints[0] ? { privateEndpoint: privateEndpoints[0] } : {}),
  }));
  if (clusters[0]) {
    clusters[0].controlPlaneAccess = access;
    clusters[0].egressDestinations = egressDestinations;
  }
  const someCluster = (i: number) => pick(clusters, i) ?? any<dsl.Cluster>(p.strayRef ? 'aks-missing' : undefined);
  const hopResource = (via: string, ref: number): dsl.HopResource => {
    const sn = subnetAt(ref);
    switch (via) {
      case 'appGw':
        return dsl.applicationGateway({ name: `agw${ref}`, sku: ref % 2 ? 'WAF_v2' : 'Standard_v2', subnet: sn, frontend: 'public', management: 'standalone', ...(ref % 3 ? { waf: { mode: 'Prevention' } } : {}) });
      case 'frontDoor':
        return dsl.frontDoor({ name: `afd${ref}`, sku: ref % 2 ? 'Premium' : 'Standard' });
      case 'lb':
        return dsl.loadBalancer({ name: `lb${ref}`, visibility: ref % 2 ? 'internal' : 'public', subnet: sn, ...(pick(clusters, ref) ? { cluster: pick(clusters, ref)! } : {}) });
      case 'ic':
        return dsl.ingressController({ name: `ic${ref}`, type: 'nginx', cluster: someCluster(ref) });
      case 'agc':
        return dsl.appGatewayForContainers({ name: `agc${ref}`, deployment: 'managed', api: 'gateway-api', subnet: sn, frontend: 'public' });
      case 'apim':
        return dsl.apiManagement({ name: `apim${ref}`, sku: 'Premium', vnetMode: ref % 2 ? 'internal' : 'none', ...(ref % 2 ? { subnet: sn } : {}) });
      case 'pls':
        return dsl.privateLinkService({ name: `pls${ref}`, subnet: sn, loadBalancer: dsl.loadBalancer({ name: `plslb${ref}`, visibility: 'internal', subnet: sn }) });
      case 'fw':
        return pick(firewalls, ref) ?? nva;
      default:
        return any<dsl.HopResource>(ref % 2 ? undefined : 'missing-hop');
    }
  };
  const ingress = p.ingress.map((ip) =>
    dsl.ingressPath({
      name: ip.name,
      from: ip.from === 'internet' ? { kind: 'internet' } : ip.from === 'partner' ? { kind: 'partner', sourceRanges: ['203.0.113.0/24'] } : any({ kind: 'corporate', via: hybrid[0]?.conn }),
      hops: ip.hops.map((h) => ({ via: hopResource(h.via, h.ref), protocol: any(h.protocol), port: h.port, tls: any(h.tls), ...(h.preservesClientIp !== undefined ? { preservesClientIp: h.preservesClientIp } : {}) })),
      to: { cluster: someCluster(ip.cluster), service: 'web', protocol: any(ip.protocol), port: ip.port, ...(ip.tls ? { tls: ip.tls as 'terminate' | 'plain' } : {}) },
    }),
  );
  const peerings = p.peerings.flatMap(([a, b, fwd]) => {
    const from = pick(vnets, a);
    const to = pick(vnets, b);
    return from && to ? [dsl.peering({ from, to, allowForwardedTraffic: fwd })] : [];
  });
  return dsl.defineArchitecture({
    metadata: { title: p.title },
    network: {
      vnets,
      peerings,
      firewalls,
      nvas: [nva],
      privateDnsZones: [zone],
      privateEndpoints,
      onPremises: hybrid.map((h) => h.site),
      gateways: hybrid.map((h) => h.gw),
      hybridConnections: hybrid.map((h) => h.conn),
      ...(bastionHost ? { bastions: [bastionHost] } : {}),
      ...(agents ? { buildAgents: [agents] } : {}),
    },
    clusters,
    ingress,
    ...(p.review
      ? {
          review: {
            rules: p.review.rules as Record<string, dsl.RuleSetting>,
            ...(p.review.risk ? { acceptedRisks: [{ rule: 'structure/schema', justification: '<b>x</b>', owner: 'me', expires: '2026-12-31' as dsl.IsoDate }] } : {}),
          },
        }
      : {}),
  });
}

// ---- The property ---------------------------------------------------------------------------

let rules: Rule[];
beforeAll(async () => {
  rules = await loadRules();
});

async function run(arch: Architecture) {
  const { model, issues } = normalize(arch);
  const result = await validateModel(model, issues, { file: 'random.ts', asOf: AS_OF, rules });
  return { modelJson: JSON.stringify(model), result };
}

/** Runs each rule alone to name the one that throws (for a readable counter-example). */
async function throwingRule(arch: Architecture): Promise<string | undefined> {
  const { model, issues } = normalize(arch);
  for (const r of rules) {
    try {
      await validateModel(model, issues, { file: 'random.ts', asOf: AS_OF, rules: [r] });
    } catch (e) {
      return `${r.meta.id}: ${(e as Error).stack ?? String(e)}`;
    }
  }
  return undefined;
}

const RUNS = Number(process.env.AKSNET_PROPERTY_RUNS ?? 2000);

describe('random architectures', () => {
  // About 2,000 runs take ~25 s on an idle 2-core machine; the timeout leaves room for a busy one.
  it(`normalize + validate (all rules) never throw and are deterministic (${RUNS} runs)`, { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const arch = build(p);
        let first;
        try {
          first = await run(arch);
        } catch (e) {
          const culprit = await throwingRule(build(p)).catch((x: unknown) => `normalizer: ${String(x)}`);
          throw new Error(`pipeline threw: ${(e as Error).message}\n${culprit ?? (e as Error).stack}`);
        }
        const second = await run(build(p));
        expect(second.modelJson).toBe(first.modelJson);
        expect(second.result).toEqual(first.result);
        // Normalizing the same objects again must not depend on an earlier run (no mutation).
        expect(JSON.stringify(normalize(arch).model)).toBe(first.modelJson);
      }),
      { numRuns: RUNS, seed: Number(process.env.AKSNET_PROPERTY_SEED ?? 20261123), endOnFailure: true },
    );
  });
});

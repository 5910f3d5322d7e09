/**
 * Turns an architecture value (as written in the DSL) into the normalized model.
 *
 * The walk visits the architecture in a fixed order (VNets and their subnets first, then the other
 * network lists, clusters, ingress paths), so each part's canonical DSL path and id are the same on
 * every run. Parts reached only by reference are discovered on the way.
 */
import type {
  AgcResource,
  ApiServerModel,
  AppGatewayResource,
  AppliedDefault,
  ClusterNetworkModel,
  ClusterResource,
  CniMode,
  ControlPlaneAccessModel,
  Edge,
  EgressPathModel,
  Id,
  IngressHopModel,
  IngressPathModel,
  Model,
  ModelDecision,
  ModelMetadata,
  NormalizedNsgRule,
  NormalizedRoute,
  OutboundModel,
  Resource,
  ServiceMeshModel,
  TlsState,
  WafModel,
} from '../model/types.js';
import type { ReviewConfig, Protocol, TlsMode } from '../../dsl/types.js';
import { azureUsable, parseCidr, addressAt } from '../model/cidr.js';
import { HOP_KINDS, PAAS_SERVICES } from '../model/kinds.js';
import { Fields, isRecord, describe, type NormalizeIssue, type Sink } from './reader.js';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_MAX_PODS,
  DEFAULT_MAX_SURGE,
  DEFAULT_NODE_COUNT,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  POD_CIDR_CNIS,
  REASONS,
} from './defaults.js';

export interface NormalizeResult {
  model: Model;
  issues: NormalizeIssue[];
}

const PROTOCOLS: readonly Protocol[] = ['http', 'https', 'http2', 'grpc', 'grpcs', 'tcp', 'tls', 'udp'];
const TLS_MODES: readonly TlsMode[] = ['terminate', 'reencrypt', 'passthrough', 'plain', 'originate'];
const ENCRYPTED: readonly Protocol[] = ['https', 'grpcs', 'tls'];
const CNI_MODES: readonly CniMode[] = [
  'kubenet',
  'azure-overlay',
  'azure-nodesubnet',
  'azure-podsubnet-dynamic',
  'azure-podsubnet-static',
  'byo',
];

/** Parts of the DSL that become model elements, by their `kind` tag. */
type PartKind =
  | 'vnet'
  | 'subnet'
  | 'routeTable'
  | 'nsg'
  | 'natGateway'
  | 'ddosProtectionPlan'
  | 'privateDnsZone'
  | 'paas'
  | 'privateEndpoint'
  | 'onPremises'
  | 'vnetGateway'
  | 'hybridConnection'
  | 'bastion'
  | 'jumpBox'
  | 'buildAgents'
  | 'azureFirewall'
  | 'nva'
  | 'frontDoor'
  | 'applicationGateway'
  | 'agc'
  | 'apiManagement'
  | 'loadBalancer'
  | 'privateLinkService'
  | 'ingressController'
  | 'cluster'
  | 'nodePool';

interface Registered {
  id: Id;
  path: string;
}

class Normalizer {
  readonly sink: Sink = { issues: [], defaults: [] };
  private readonly seen = new Map<object, Registered>();
  private readonly usedIds = new Set<Id>();
  private readonly namesByKind = new Map<string, Map<string, string>>();
  private readonly resources = new Map<Id, Resource>();
  private readonly edges = new Map<Id, Edge>();
  /** Scope (VNet / cluster name) of subnets, node pools and ingress controllers known before they are visited. */
  private readonly scopes = new Map<object, string>();
  private readonly ingressPaths: IngressPathModel[] = [];
  private readonly egressPaths: EgressPathModel[] = [];
  private readonly access: ControlPlaneAccessModel[] = [];

  run(input: unknown): Model {
    const root = isRecord(input) ? input : {};
    if (!isRecord(input)) {
      this.sink.issues.push({ ruleId: 'structure/schema', message: `the architecture must be an object, got ${describe(input)}`, path: '' });
    }
    const arch = new Fields(root, '', this.sink);
    this.declare(root);
    const metadata = this.metadata(arch);
    const decisions = this.decisions(arch);
    const network = arch.sub('network', true);
    if (network) this.network(network);
    const clusters = arch.arr('clusters', true);
    clusters.forEach((c, i) => this.ref(c, ['cluster'], `clusters[${i}]`));
    arch.arr('ingress').forEach((p, i) => this.ingressPath(p, `ingress[${i}]`));
    for (const r of this.resources.values()) if (r.kind === 'cluster') this.clusterPaths(r);
    this.linkGatewaysToClusters();
    const review = this.review(arch);

    const resources = [...this.resources.values()].sort((a, b) => cmp(a.id, b.id));
    const edges = [...this.edges.values()].sort((a, b) => cmp(a.id, b.id));
    return {
      schemaVersion: 1,
      metadata,
      decisions,
      resources,
      edges,
      ingressPaths: this.ingressPaths,
      egressPaths: this.egressPaths,
      controlPlaneAccess: this.access,
      defaults: dedupeDefaults(this.sink.defaults),
      review,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Metadata, decisions, review

  private metadata(arch: Fields): ModelMetadata {
    const m = arch.sub('metadata', true);
    if (!m) return { title: 'Untitled architecture', status: 'draft', reviewers: [] };
    const date = m.optStr('date');
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) m.issue('date', `"date" must be YYYY-MM-DD, got "${date}"`);
    return stripUndefined({
      title: m.str('title', 'Untitled architecture'),
      description: m.optStr('description'),
      version: m.optStr('version'),
      owner: m.optStr('owner'),
      status: m.oneOf('status', ['draft', 'in-review', 'approved'] as const) ?? 'draft',
      environment: m.optStr('environment'),
      workload: m.optStr('workload'),
      reviewers: m.strArr('reviewers'),
      decisionRequested: m.optStr('decisionRequested'),
      date,
    });
  }

  private decisions(arch: Fields): ModelDecision[] {
    return arch.arr('decisions').flatMap((d, i) => {
      const path = `decisions[${i}]`;
      if (!isRecord(d)) {
        this.schema(path, `a decision must be an object, got ${describe(d)}`);
        return [];
      }
      const f = new Fields(d, path, this.sink);
      return [
        {
          id: f.optStr('id') ?? `ADR-${String(i + 1).padStart(3, '0')}`,
          title: f.str('title'),
          status: f.reqOneOf('status', ['proposed', 'accepted', 'superseded', 'rejected'] as const),
          context: f.str('context'),
          options: f.strArr('options'),
          decision: f.str('decision'),
          consequences: f.strArr('consequences'),
          source: { path },
        },
      ];
    });
  }

  private review(arch: Fields): ReviewConfig {
    const r = arch.sub('review');
    if (!r) return {};
    const out: ReviewConfig = {};
    const rules = r.sub('rules');
    if (rules) {
      const settings: Record<string, 'off' | 'error' | 'warning' | 'info'> = {};
      for (const key of Object.keys(rules.value).sort()) {
        const v = rules.oneOf(key, ['off', 'error', 'warning', 'info'] as const);
        if (v) settings[key] = v;
      }
      out.rules = settings;
    }
    const asOf = r.optStr('asOf');
    if (asOf !== undefined) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) out.asOf = asOf as ReviewConfig['asOf'];
      else r.issue('asOf', `"asOf" must be YYYY-MM-DD, got "${asOf}"`);
    }
    const risks = r.arr('acceptedRisks');
    if (risks.length) {
      out.acceptedRisks = risks.flatMap((x, i) => {
        const path = `${r.at('acceptedRisks')}[${i}]`;
        if (!isRecord(x)) {
          this.schema(path, `an accepted risk must be an object, got ${describe(x)}`);
          return [];
        }
        const f = new Fields(x, path, this.sink);
        const expires = f.str('expires');
        if (expires && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) f.issue('expires', `"expires" must be YYYY-MM-DD, got "${expires}"`);
        return [
          stripUndefined({
            rule: f.str('rule'),
            element: f.optStr('element'),
            justification: f.str('justification'),
            owner: f.str('owner'),
            expires: expires as `${number}-${number}-${number}`,
          }),
        ];
      });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Registration

  /** Where each part is declared; a part reached by reference first still gets its declaration path. */
  private readonly declared = new Map<object, string>();

  private declare(root: Record<string, unknown>): void {
    const put = (v: unknown, path: string): void => {
      if (isRecord(v) && !this.declared.has(v)) this.declared.set(v, path);
    };
    const list = (v: unknown, path: string, each?: (item: Record<string, unknown>, p: string) => void): void => {
      if (!Array.isArray(v)) return;
      v.forEach((item, i) => {
        put(item, `${path}[${i}]`);
        if (each && isRecord(item)) each(item, `${path}[${i}]`);
      });
    };
    const network = isRecord(root.network) ? root.network : {};
    list(network.vnets, 'network.vnets', (v, p) => list(v.subnets, `${p}.subnets`));
    for (const key of ['privateDnsZones', 'privateEndpoints', 'onPremises', 'gateways', 'hybridConnections', 'firewalls', 'nvas', 'bastions', 'jumpBoxes', 'buildAgents']) {
      list(network[key], `network.${key}`);
    }
    list(root.clusters, 'clusters', (c, p) => list(c.nodePools, `${p}.nodePools`));
  }

  private schema(path: string, message: string, element?: Id): void {
    this.sink.issues.push({ ruleId: 'structure/schema', message, path, element });
  }

  /**
   * Resolves a reference to a DSL part, registering and normalizing it on first sight.
   * Returns its id, or undefined when the value is not a part of an expected kind.
   */
  ref(value: unknown, kinds: readonly PartKind[], path: string): Id | undefined {
    if (!isRecord(value) || typeof value.kind !== 'string') {
      const hint = typeof value === 'string' ? ` (references are objects: pass the variable holding the ${kinds[0]}, not its name)` : '';
      const ruleId = typeof value === 'string' ? 'structure/unknown-reference' : 'structure/schema';
      this.sink.issues.push({ ruleId, message: `expected ${article(kinds)}, got ${describe(value)}${hint}`, path });
      return undefined;
    }
    if (!(kinds as readonly string[]).includes(value.kind)) {
      this.schema(path, `expected ${article(kinds)}, got ${describe(value)}`);
      return undefined;
    }
    const known = this.seen.get(value);
    if (known) return known.id;
    const kind = value.kind as PartKind;
    path = this.declared.get(value) ?? path;
    const f = new Fields(value, path, this.sink);
    const name = f.str('name', `unnamed-${kind}`);
    const id = this.allocateId(kind, name, this.scopes.get(value) ?? clusterScope(kind, value), path);
    this.seen.set(value, { id, path });
    const fields = new Fields(value, path, this.sink, id);
    this.normalizePart(kind, id, name, fields);
    return id;
  }

  private allocateId(kind: PartKind, name: string, scope: string | undefined, path: string): Id {
    const scoped = kind === 'subnet' || kind === 'nodePool' || kind === 'ingressController';
    const key = scoped ? `${scope ?? '?'}/${name}` : name;
    let names = this.namesByKind.get(kind);
    if (!names) this.namesByKind.set(kind, (names = new Map()));
    const firstPath = names.get(key);
    let id: Id = `${kind}:${key}`;
    if (firstPath !== undefined) {
      const where = scoped && scope ? ` in ${scope}` : '';
      this.sink.issues.push({
        ruleId: 'structure/duplicate-name',
        message: `two different ${kind} parts are both named "${name}"${where} (the first is at ${firstPath || 'the root'})`,
        path: `${path}.name`,
      });
      let n = 2;
      while (this.usedIds.has(`${id}#${n}`)) n++;
      id = `${id}#${n}`;
    } else {
      names.set(key, path);
    }
    this.usedIds.add(id);
    return id;
  }

  private add<R extends Resource>(r: R): R {
    this.resources.set(r.id, r);
    return r;
  }

  private edge(e: Omit<Edge, 'id'> & { id?: Id }): Id {
    const id = e.id ?? `${e.class}:${e.from}->${e.to}`;
    if (!this.edges.has(id)) this.edges.set(id, { ...e, id });
    return id;
  }

  private normalizePart(kind: PartKind, id: Id, name: string, f: Fields): void {
    switch (kind) {
      case 'vnet':
        return this.vnet(id, name, f);
      case 'subnet':
        return this.subnet(id, name, f);
      case 'routeTable':
        return this.routeTable(id, name, f);
      case 'nsg':
        return this.nsg(id, name, f);
      case 'natGateway': {
        let publicIps = f.num('publicIps', { min: 0, max: 16 });
        const prefix = f.num('publicIpPrefixLength', { min: 28, max: 31 });
        if (publicIps === undefined) publicIps = prefix === undefined ? f.defaulted('publicIps', 1, REASONS.natPublicIps) : 0;
        const sku = f.oneOf('sku', ['Standard', 'StandardV2'] as const) ?? f.defaulted('sku', 'Standard', 'Standard NAT gateway');
        this.add({
          id,
          kind: 'natGateway',
          name,
          source: { path: f.path },
          publicIps,
          ...(prefix !== undefined ? { publicIpPrefixLength: prefix } : {}),
          ...optional('publicIpAddresses', f.has('publicIpAddresses') ? f.strArr('publicIpAddresses') : undefined),
          publicAddressCount: publicIps + (prefix !== undefined ? 2 ** (32 - prefix) : 0),
          idleTimeoutMinutes: f.num('idleTimeoutMinutes', { min: 4, max: 120 }) ?? f.defaulted('idleTimeoutMinutes', 4, REASONS.natIdleTimeout),
          zones: f.zones('zones'),
          sku,
        });
        return;
      }
      case 'ddosProtectionPlan':
        this.add({ id, kind: 'ddosProtectionPlan', name, source: { path: f.path } });
        return;
      case 'privateDnsZone': {
        const links = f
          .arr('links')
          .map((v, i) => this.ref(v, ['vnet'], `${f.at('links')}[${i}]`))
          .filter(isId);
        this.add({ id, kind: 'privateDnsZone', name, source: { path: f.path }, links: uniqueSorted(links) });
        return;
      }
      case 'paas':
        this.add({
          id,
          kind: 'paas',
          name,
          source: { path: f.path },
          service: f.reqOneOf('service', PAAS_SERVICES),
          publicNetworkAccess: f.bool('publicNetworkAccess') ?? f.defaulted('publicNetworkAccess', true, 'PaaS services allow public network access unless disabled'),
          ...optional('sku', f.optStr('sku')),
        });
        return;
      case 'privateEndpoint': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        const target = this.ref(f.raw('target'), ['paas'], f.at('target'));
        const dnsZone = f.has('dnsZone') ? this.ref(f.raw('dnsZone'), ['privateDnsZone'], f.at('dnsZone')) : undefined;
        this.add({
          id,
          kind: 'privateEndpoint',
          name,
          parent: subnet,
          source: { path: f.path },
          subnet: subnet ?? '',
          target: target ?? '',
          ...optional('dnsZone', dnsZone),
        });
        if (target) this.edge({ from: id, to: target, class: 'private-link', label: 'Private Link', source: { path: f.path } });
        return;
      }
      case 'onPremises':
        this.add({ id, kind: 'onPremises', name, source: { path: f.path }, addressSpace: f.strArr('addressSpace', true) });
        return;
      case 'vnetGateway': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        this.add({
          id,
          kind: 'vnetGateway',
          name,
          parent: subnet,
          source: { path: f.path },
          type: f.reqOneOf('type', ['vpn', 'expressRoute'] as const),
          subnet: subnet ?? '',
          ...optional('sku', f.optStr('sku')),
          zones: f.zones('zones'),
          activeActive: f.bool('activeActive') ?? false,
        });
        return;
      }
      case 'hybridConnection': {
        const gateway = this.ref(f.raw('gateway'), ['vnetGateway'], f.at('gateway'));
        const remote = this.ref(f.raw('remote'), ['onPremises'], f.at('remote'));
        const gw = gateway ? this.resources.get(gateway) : undefined;
        const type = gw?.kind === 'vnetGateway' ? gw.type : 'vpn';
        this.add({
          id,
          kind: 'hybridConnection',
          name,
          source: { path: f.path },
          gateway: gateway ?? '',
          remote: remote ?? '',
          type,
          ...optional('bandwidthMbps', f.num('bandwidthMbps', { min: 1 })),
        });
        if (gateway && remote) {
          this.edge({ from: remote, to: gateway, class: 'hybrid', label: type === 'vpn' ? 'VPN' : 'ExpressRoute', source: { path: f.path } });
        }
        return;
      }
      case 'bastion': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        this.add({
          id,
          kind: 'bastion',
          name,
          parent: subnet,
          source: { path: f.path },
          subnet: subnet ?? '',
          sku: f.oneOf('sku', ['Developer', 'Basic', 'Standard', 'Premium'] as const) ?? f.defaulted('sku', 'Basic', REASONS.bastionSku),
        });
        return;
      }
      case 'jumpBox': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        this.add({ id, kind: 'jumpBox', name, parent: subnet, source: { path: f.path }, subnet: subnet ?? '' });
        return;
      }
      case 'buildAgents': {
        const hosting = f.reqOneOf('hosting', ['microsoft-hosted', 'self-hosted'] as const);
        const subnet = f.has('subnet') ? this.ref(f.raw('subnet'), ['subnet'], f.at('subnet')) : undefined;
        if (hosting === 'self-hosted' && !f.has('subnet')) f.issue('subnet', 'self-hosted build agents need the subnet they run in');
        this.add({
          id,
          kind: 'buildAgents',
          name,
          parent: subnet,
          source: { path: f.path },
          hosting,
          platform: f.oneOf('platform', ['github-actions', 'azure-devops', 'gitlab', 'other'] as const) ?? 'other',
          ...optional('subnet', subnet),
          egressIps: f.strArr('egressIps'),
        });
        return;
      }
      case 'azureFirewall': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        const nat = f.has('natGateway') ? this.ref(f.raw('natGateway'), ['natGateway'], f.at('natGateway')) : undefined;
        this.add({
          id,
          kind: 'azureFirewall',
          name,
          parent: subnet,
          source: { path: f.path },
          tier: f.reqOneOf('tier', ['Basic', 'Standard', 'Premium'] as const),
          subnet: subnet ?? '',
          privateIp: f.str('privateIp'),
          publicIps: f.num('publicIps', { min: 0, max: 250 }) ?? f.defaulted('publicIps', 1, REASONS.firewallPublicIps),
          ...optional('publicIpAddresses', f.has('publicIpAddresses') ? f.strArr('publicIpAddresses') : undefined),
          dnsProxy: f.bool('dnsProxy') ?? f.defaulted('dnsProxy', false, 'DNS proxy is off by default'),
          fqdnAllowRules: f.strArr('fqdnAllowRules'),
          aksFqdnTag: f.bool('aksFqdnTag') ?? false,
          zones: f.zones('zones'),
          threatIntel: f.oneOf('threatIntel', ['Off', 'Alert', 'Deny'] as const) ?? f.defaulted('threatIntel', 'Alert', REASONS.firewallThreatIntel),
          ...optional('natGateway', nat),
        });
        return;
      }
      case 'nva': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        this.add({
          id,
          kind: 'nva',
          name,
          parent: subnet,
          source: { path: f.path },
          subnet: subnet ?? '',
          privateIp: f.str('privateIp'),
          ...optional('vendor', f.optStr('vendor')),
          publicIps: f.num('publicIps', { min: 0 }) ?? 1,
          ...optional('publicIpAddresses', f.has('publicIpAddresses') ? f.strArr('publicIpAddresses') : undefined),
          zones: f.zones('zones'),
        });
        return;
      }
      case 'frontDoor':
        this.add({
          id,
          kind: 'frontDoor',
          name,
          source: { path: f.path },
          sku: f.reqOneOf('sku', ['Standard', 'Premium', 'Classic'] as const),
          ...optional('waf', this.waf(f)),
        });
        return;
      case 'applicationGateway': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        const gw: AppGatewayResource = {
          id,
          kind: 'applicationGateway',
          name,
          parent: subnet,
          source: { path: f.path },
          sku: f.reqOneOf('sku', ['Standard_v2', 'WAF_v2', 'Standard', 'WAF'] as const),
          subnet: subnet ?? '',
          frontend: f.reqOneOf('frontend', ['public', 'private', 'both'] as const),
          ...optional('privateIp', f.optStr('privateIp')),
          management: f.reqOneOf('management', ['agic-addon', 'agic-helm', 'standalone'] as const),
          ...optional('waf', this.waf(f)),
          zones: f.zones('zones'),
          minCapacity: f.num('minCapacity', { min: 0, max: 125 }) ?? f.defaulted('minCapacity', 0, REASONS.appGwCapacity),
          maxCapacity: f.num('maxCapacity', { min: 1, max: 125 }) ?? f.defaulted('maxCapacity', 10, REASONS.appGwCapacity),
          minTlsVersion: f.oneOf('minTlsVersion', ['1.0', '1.1', '1.2', '1.3'] as const) ?? f.defaulted('minTlsVersion', '1.2', REASONS.appGwTls),
          clusters: [],
        };
        this.add(gw);
        return;
      }
      case 'agc': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        const agc: AgcResource = {
          id,
          kind: 'agc',
          name,
          parent: subnet,
          source: { path: f.path },
          deployment: f.reqOneOf('deployment', ['managed', 'byo'] as const),
          api: f.reqOneOf('api', ['gateway-api', 'ingress-api'] as const),
          subnet: subnet ?? '',
          frontend: f.reqOneOf('frontend', ['public', 'private'] as const),
          ...optional('waf', this.waf(f)),
          clusters: [],
        };
        this.add(agc);
        return;
      }
      case 'apiManagement': {
        const subnet = f.has('subnet') ? this.ref(f.raw('subnet'), ['subnet'], f.at('subnet')) : undefined;
        const vnetMode = f.reqOneOf('vnetMode', ['none', 'external', 'internal'] as const);
        if (vnetMode !== 'none' && !subnet) f.issue('subnet', `API Management in ${vnetMode} VNet mode needs its subnet`);
        this.add({
          id,
          kind: 'apiManagement',
          name,
          parent: subnet,
          source: { path: f.path },
          sku: f.str('sku'),
          vnetMode,
          ...optional('subnet', subnet),
          zones: f.zones('zones'),
        });
        return;
      }
      case 'loadBalancer': {
        const subnet = f.has('subnet') ? this.ref(f.raw('subnet'), ['subnet'], f.at('subnet')) : undefined;
        const cluster = f.has('cluster') ? this.ref(f.raw('cluster'), ['cluster'], f.at('cluster')) : undefined;
        const visibility = f.reqOneOf('visibility', ['public', 'internal'] as const);
        this.add({
          id,
          kind: 'loadBalancer',
          name,
          parent: subnet,
          source: { path: f.path },
          visibility,
          sku: f.oneOf('sku', ['Standard', 'Basic'] as const) ?? f.defaulted('sku', 'Standard', REASONS.lbSku),
          ...optional('subnet', subnet),
          ...optional('privateIp', f.optStr('privateIp')),
          zones: f.zones('zones'),
          ...optional('cluster', cluster),
        });
        return;
      }
      case 'privateLinkService': {
        const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
        const lb = this.ref(f.raw('loadBalancer'), ['loadBalancer'], f.at('loadBalancer'));
        this.add({ id, kind: 'privateLinkService', name, parent: subnet, source: { path: f.path }, subnet: subnet ?? '', loadBalancer: lb ?? '' });
        return;
      }
      case 'ingressController': {
        const clusterId = this.ref(f.raw('cluster'), ['cluster'], f.at('cluster'));
        const type = f.reqOneOf('type', [
          'app-routing-nginx',
          'app-routing-gateway-api',
          'nginx',
          'traefik',
          'istio-gateway',
          'http-application-routing',
          'contour',
          'other',
        ] as const);
        const defaultReplicas = type === 'app-routing-nginx' || type === 'istio-gateway' || type === 'app-routing-gateway-api' ? 2 : 1;
        const defaultNs =
          type === 'app-routing-nginx' || type === 'app-routing-gateway-api'
            ? 'app-routing-system'
            : type === 'istio-gateway'
              ? 'aks-istio-ingress'
              : type === 'http-application-routing'
                ? 'kube-system'
                : 'ingress';
        this.add({
          id,
          kind: 'ingressController',
          name,
          parent: clusterId,
          source: { path: f.path },
          type,
          cluster: clusterId ?? '',
          replicas: f.num('replicas', { min: 0 }) ?? f.defaulted('replicas', defaultReplicas, REASONS.replicas),
          zoneSpread: f.bool('zoneSpread') ?? f.defaulted('zoneSpread', false, REASONS.zoneSpread),
          namespace: f.optStr('namespace') ?? f.defaulted('namespace', defaultNs, 'default namespace of this controller'),
        });
        return;
      }
      case 'cluster':
        return this.cluster(id, name, f);
      case 'nodePool':
        // Node pools are normalized by their cluster, which knows the CNI defaults.
        return;
    }
  }

  private waf(f: Fields): WafModel | undefined {
    const w = f.sub('waf');
    if (!w) return undefined;
    return stripUndefined({
      name: w.optStr('name'),
      mode: w.reqOneOf('mode', ['Detection', 'Prevention'] as const),
      managedRules: w.bool('managedRules') ?? w.defaulted('managedRules', true, 'managed rule sets are assumed enabled'),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Network

  private network(n: Fields): void {
    const vnets = n.arr('vnets', true);
    // Scopes of all subnets must be known before any subnet is visited by reference: a subnet of
    // the first VNet can reach one of a later VNet (route table → firewall → firewall subnet).
    for (const v of vnets) {
      if (isRecord(v) && Array.isArray(v.subnets) && typeof v.name === 'string') {
        for (const s of v.subnets) if (isRecord(s) && !this.scopes.has(s)) this.scopes.set(s, v.name);
      }
    }
    vnets.forEach((v, i) => this.ref(v, ['vnet'], `network.vnets[${i}]`));
    n.arr('peerings').forEach((p, i) => this.peering(p, `network.peerings[${i}]`));
    const lists: Array<[string, PartKind[]]> = [
      ['privateDnsZones', ['privateDnsZone']],
      ['privateEndpoints', ['privateEndpoint']],
      ['onPremises', ['onPremises']],
      ['gateways', ['vnetGateway']],
      ['hybridConnections', ['hybridConnection']],
      ['firewalls', ['azureFirewall']],
      ['nvas', ['nva']],
      ['bastions', ['bastion']],
      ['jumpBoxes', ['jumpBox']],
      ['buildAgents', ['buildAgents']],
    ];
    for (const [key, kinds] of lists) n.arr(key).forEach((v, i) => this.ref(v, kinds, `network.${key}[${i}]`));
  }

  private vnet(id: Id, name: string, f: Fields): void {
    const region = f.str('region');
    const addressSpace = f.strArr('addressSpace', true);
    const subnets = f
      .arr('subnets')
      .map((s, i) => this.ref(s, ['subnet'], `${f.at('subnets')}[${i}]`))
      .filter(isId);
    const ddos = f.has('ddosProtectionPlan') ? this.ref(f.raw('ddosProtectionPlan'), ['ddosProtectionPlan'], f.at('ddosProtectionPlan')) : undefined;
    const regionId = this.region(region, f.path);
    const role = f.oneOf('role', ['hub', 'spoke', 'standalone'] as const);
    this.add({
      id,
      kind: 'vnet',
      name,
      parent: regionId,
      source: { path: f.path },
      region,
      addressSpace,
      // Inferred later when peerings are known; recorded as a default then.
      role: role ?? 'standalone',
      ...optional('ddosProtectionPlan', ddos),
      dnsServers: f.strArr('dnsServers'),
      subnets,
    });
    if (!role) this.pendingRoles.push({ id, path: f.at('role') });
    for (const s of subnets) {
      const sub = this.resources.get(s);
      if (sub?.kind === 'subnet') {
        sub.vnet = id;
        sub.parent = id;
      }
    }
  }

  private readonly pendingRoles: Array<{ id: Id; path: string }> = [];

  private region(name: string, path: string): Id | undefined {
    if (!name) return undefined;
    const id = `region:${name}`;
    if (!this.resources.has(id)) this.add({ id, kind: 'region', name, source: { path } });
    return id;
  }

  private subnet(id: Id, name: string, f: Fields): void {
    const text = f.str('cidr');
    const parsed = parseCidr(text);
    if (!this.scopes.has(f.value)) {
      this.sink.issues.push({
        ruleId: 'structure/unknown-reference',
        message: `subnet "${name}" is referenced but is not in the subnets of any VNet in network.vnets`,
        path: f.path,
        element: id,
      });
    }
    const nsg = f.has('nsg') ? this.ref(f.raw('nsg'), ['nsg'], f.at('nsg')) : undefined;
    const rt = f.has('routeTable') ? this.ref(f.raw('routeTable'), ['routeTable'], f.at('routeTable')) : undefined;
    const nat = f.has('natGateway') ? this.ref(f.raw('natGateway'), ['natGateway'], f.at('natGateway')) : undefined;
    this.add({
      id,
      kind: 'subnet',
      name,
      source: { path: f.path },
      vnet: '',
      cidr: text,
      usableAddresses: parsed.ok ? azureUsable(parsed.range) : 0,
      ...optional(
        'purpose',
        f.oneOf('purpose', [
          'aks-nodes',
          'aks-pods',
          'aks-apiserver',
          'ingress',
          'application-gateway',
          'agc',
          'private-endpoints',
          'private-link-service',
          'firewall',
          'firewall-management',
          'gateway',
          'bastion',
          'jumpbox',
          'build-agents',
          'apim',
          'nva',
          'workload',
        ] as const),
      ),
      ...optional('nsg', nsg),
      ...optional('routeTable', rt),
      ...optional('natGateway', nat),
      ...optional('delegation', f.optStr('delegation')),
      defaultOutboundAccess: f.bool('defaultOutboundAccess') ?? f.defaulted('defaultOutboundAccess', true, REASONS.defaultOutboundAccess),
    });
  }

  private peering(value: unknown, path: string): void {
    if (!isRecord(value) || value.kind !== 'peering') {
      this.schema(path, `expected a peering object, got ${describe(value)}`);
      return;
    }
    const f = new Fields(value, path, this.sink);
    const from = this.ref(f.raw('from'), ['vnet'], f.at('from'));
    const to = this.ref(f.raw('to'), ['vnet'], f.at('to'));
    if (!from || !to) return;
    if (from === to) {
      f.issue('to', 'a VNet cannot be peered with itself');
      return;
    }
    this.edge({
      id: `peering:${from}<->${to}`,
      from,
      to,
      class: 'peering',
      label: value.allowGatewayTransit === true ? 'peering (gateway transit)' : 'peering',
      source: { path },
    });
  }

  private routeTable(id: Id, name: string, f: Fields): void {
    const routes: NormalizedRoute[] = f.arr('routes').flatMap((r, i) => {
      const path = `${f.at('routes')}[${i}]`;
      if (!isRecord(r)) {
        this.schema(path, `a route must be an object, got ${describe(r)}`);
        return [];
      }
      const rf = new Fields(r, path, this.sink, id);
      const prefix = rf.str('prefix');
      const hop = r.nextHop;
      const name = rf.optStr('name') ?? `route-${i + 1}`;
      if (isRecord(hop) && (hop.kind === 'azureFirewall' || hop.kind === 'nva')) {
        const target = this.ref(hop, ['azureFirewall', 'nva'], rf.at('nextHop'));
        const address = typeof hop.privateIp === 'string' ? hop.privateIp : undefined;
        return [stripUndefined({ name, prefix, nextHopType: 'VirtualAppliance' as const, nextHopAddress: address, nextHopResource: target })];
      }
      if (isRecord(hop) && typeof hop.type === 'string') {
        const hf = new Fields(hop, rf.at('nextHop'), this.sink, id);
        const type = hf.reqOneOf('type', ['VirtualAppliance', 'Internet', 'VirtualNetworkGateway', 'VnetLocal', 'None'] as const);
        const address = type === 'VirtualAppliance' ? hf.str('address') : undefined;
        return [stripUndefined({ name, prefix, nextHopType: type, nextHopAddress: address })];
      }
      rf.issue('nextHop', `"nextHop" must be a firewall, an NVA or { type: … }, got ${describe(hop)}`);
      return [];
    });
    this.add({
      id,
      kind: 'routeTable',
      name,
      source: { path: f.path },
      routes,
      bgpRoutePropagation: f.bool('bgpRoutePropagation') ?? true,
    });
  }

  private nsg(id: Id, name: string, f: Fields): void {
    const rules: NormalizedNsgRule[] = f.arr('rules').flatMap((r, i) => {
      const path = `${f.at('rules')}[${i}]`;
      if (!isRecord(r)) {
        this.schema(path, `an NSG rule must be an object, got ${describe(r)}`);
        return [];
      }
      const rf = new Fields(r, path, this.sink, id);
      const src = this.nsgEndpoint(rf, 'source');
      const dst = this.nsgEndpoint(rf, 'destination');
      return [
        stripUndefined({
          name: rf.str('name'),
          direction: rf.reqOneOf('direction', ['inbound', 'outbound'] as const),
          access: rf.reqOneOf('access', ['allow', 'deny'] as const),
          priority: rf.num('priority', { min: 100, max: 4096 }) ?? 4096,
          protocol: rf.oneOf('protocol', ['tcp', 'udp', 'icmp', '*'] as const) ?? '*',
          source: src.text,
          sourceSubnet: src.subnet,
          destination: dst.text,
          destinationSubnet: dst.subnet,
          ports: this.ports(rf),
        }),
      ];
    });
    this.add({ id, kind: 'nsg', name, source: { path: f.path }, rules, flowLogs: f.bool('flowLogs') ?? false });
  }

  private nsgEndpoint(f: Fields, key: 'source' | 'destination'): { text: string; subnet?: Id } {
    const v = f.raw(key);
    if (isRecord(v)) {
      const subnet = this.ref(v, ['subnet'], f.at(key));
      return { text: typeof v.cidr === 'string' ? v.cidr : '?', subnet };
    }
    if (typeof v === 'string' && v) return { text: v };
    f.issue(key, v === undefined ? `missing required field "${key}"` : `"${key}" must be a service tag, CIDR or subnet, got ${describe(v)}`);
    return { text: '?' };
  }

  private ports(f: Fields): Array<[number, number]> {
    const v = f.raw('ports');
    const items = Array.isArray(v) ? v : [v];
    const out: Array<[number, number]> = [];
    for (const item of items) {
      if (item === '*') out.push([0, 65535]);
      else if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 65535) out.push([item, item]);
      else if (typeof item === 'string' && /^\d+-\d+$/.test(item)) {
        const [a, b] = item.split('-').map(Number) as [number, number];
        if (a <= b && b <= 65535) out.push([a, b]);
        else f.issue('ports', `invalid port range "${item}"`);
      } else f.issue('ports', v === undefined ? 'missing required field "ports"' : `invalid port ${describe(item)}`);
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  // -------------------------------------------------------------------------------------------
  // Clusters

  private cluster(id: Id, name: string, f: Fields): void {
    const region = f.str('region');
    const netF = f.sub('network', true) ?? new Fields({ cni: 'azure-overlay' }, f.at('network'), this.sink, id);
    const network = this.clusterNetwork(netF);
    const poolsRaw = f.arr('nodePools', true);
    for (const p of poolsRaw) if (isRecord(p) && !this.scopes.has(p)) this.scopes.set(p, name);
    const pools = poolsRaw
      .map((p, i) => {
        const path = `${f.at('nodePools')}[${i}]`;
        const pid = this.ref(p, ['nodePool'], path);
        if (pid && isRecord(p) && !this.resources.has(pid)) this.nodePool(pid, p, path, id, network.cni);
        return pid;
      })
      .filter(isId);
    if (poolsRaw.length > 0 && !pools.some((p) => (this.resources.get(p) as { mode?: string } | undefined)?.mode === 'system')) {
      f.issue('nodePools', `cluster "${name}" has no system node pool; AKS requires at least one`);
    }
    const apiServer = this.apiServer(f, id);
    const outbound = this.outbound(f, id);
    const serviceMesh = this.serviceMesh(f);
    const endpointId = `apiServer:${name}`;
    const c: ClusterResource = {
      id,
      kind: 'cluster',
      name,
      parent: this.region(region, f.path),
      source: { path: f.path },
      region,
      tier: f.oneOf('tier', ['Free', 'Standard', 'Premium'] as const) ?? f.defaulted('tier', 'Free', REASONS.tier),
      ...optional('kubernetesVersion', f.optStr('kubernetesVersion')),
      network,
      nodePools: pools,
      apiServer,
      outbound,
      serviceMesh,
      managedVnet: f.bool('managedVnet') ?? false,
      apiServerEndpoint: endpointId,
    };
    this.add(c);
    const endpointSubnet =
      apiServer.mode === 'vnet-integration'
        ? apiServer.subnet
        : apiServer.mode === 'private'
          ? this.firstSystemPoolSubnet(pools)
          : undefined;
    this.add({
      id: endpointId,
      kind: 'apiServer',
      name: `${name} API server`,
      parent: endpointSubnet,
      source: { path: f.has('apiServer') ? f.at('apiServer') : f.path },
      cluster: id,
      exposure: apiServer.mode === 'public' || (apiServer.mode === 'vnet-integration' && !apiServer.private) ? 'public' : 'private',
      ...optional('subnet', endpointSubnet),
    });
    this.controlPlane(f, c);
    f.arr('egressDestinations').forEach((d, i) => this.egressDestination(d, `${f.at('egressDestinations')}[${i}]`, c));
  }

  private firstSystemPoolSubnet(pools: Id[]): Id | undefined {
    for (const p of pools) {
      const r = this.resources.get(p);
      if (r?.kind === 'nodePool' && r.mode === 'system') return r.subnet || undefined;
    }
    return undefined;
  }

  private clusterNetwork(n: Fields): ClusterNetworkModel {
    const cni = n.reqOneOf('cni', CNI_MODES);
    const dataplane = n.oneOf('dataplane', ['azure', 'cilium'] as const) ?? n.defaulted('dataplane', 'azure', REASONS.dataplane);
    const serviceCidr = n.optStr('serviceCidr') ?? n.defaulted('serviceCidr', DEFAULT_SERVICE_CIDR, REASONS.serviceCidr);
    const sc = parseCidr(serviceCidr);
    let dnsServiceIP = n.optStr('dnsServiceIP');
    if (dnsServiceIP === undefined) {
      const value = sc.ok && serviceCidr !== DEFAULT_SERVICE_CIDR ? addressAt(sc.range, 10) : DEFAULT_DNS_SERVICE_IP;
      dnsServiceIP = n.defaulted('dnsServiceIP', value, REASONS.dnsServiceIP);
    }
    let podCidr: string | undefined;
    if ((POD_CIDR_CNIS as readonly string[]).includes(cni)) {
      podCidr = n.optStr('podCidr') ?? (cni === 'byo' ? undefined : n.defaulted('podCidr', DEFAULT_POD_CIDR, REASONS.podCidr));
    } else if (n.has('podCidr')) {
      n.issue('podCidr', `"podCidr" does not apply to ${cni}: pods take their addresses from a subnet`);
    }
    const routeTable = cni === 'kubenet' && n.has('routeTable') ? this.ref(n.raw('routeTable'), ['routeTable'], n.at('routeTable')) : undefined;
    return stripUndefined({
      cni,
      dataplane,
      podCidr,
      serviceCidr,
      dnsServiceIP,
      networkPolicy: n.oneOf('networkPolicy', ['none', 'azure', 'calico', 'cilium'] as const) ?? n.defaulted('networkPolicy', 'none', REASONS.networkPolicy),
      defaultDeny: n.bool('defaultDeny') ?? n.defaulted('defaultDeny', false, REASONS.defaultDeny),
      loadBalancerSku: n.oneOf('loadBalancerSku', ['standard', 'basic'] as const) ?? n.defaulted('loadBalancerSku', 'standard', REASONS.loadBalancerSku),
      routeTable,
    });
  }

  private nodePool(id: Id, raw: Record<string, unknown>, path: string, cluster: Id, cni: CniMode): void {
    const f = new Fields(raw, path, this.sink, id);
    const name = typeof raw.name === 'string' ? raw.name : 'pool';
    const subnet = this.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
    const podSubnet = f.has('podSubnet') ? this.ref(f.raw('podSubnet'), ['subnet'], f.at('podSubnet')) : undefined;
    if ((cni === 'azure-podsubnet-dynamic' || cni === 'azure-podsubnet-static') && !f.has('podSubnet')) {
      f.issue('podSubnet', `node pool "${name}" needs a podSubnet with ${cni}`);
    }
    const minCount = f.num('minCount', { min: 0, max: 5000 });
    const maxCount = f.num('maxCount', { min: 0, max: 5000 });
    const autoscaling = minCount !== undefined || maxCount !== undefined;
    if (autoscaling && (minCount === undefined || maxCount === undefined)) {
      f.issue(minCount === undefined ? 'minCount' : 'maxCount', 'autoscaling needs both minCount and maxCount');
    }
    if (minCount !== undefined && maxCount !== undefined && minCount > maxCount) {
      f.issue('minCount', `minCount ${minCount} is greater than maxCount ${maxCount}`);
    }
    let count = f.num('count', { min: 0, max: 5000 });
    if (count === undefined) {
      count = minCount !== undefined ? f.defaulted('count', minCount, REASONS.countFromMin) : f.defaulted('count', DEFAULT_NODE_COUNT, REASONS.count);
    }
    const maxNodes = autoscaling ? Math.max(maxCount ?? count, count) : count;
    const maxPods = f.num('maxPods', { min: 1, max: 250 }) ?? f.defaulted('maxPods', DEFAULT_MAX_PODS[cni], REASONS.maxPods);
    const surgeRaw = f.raw('maxSurge');
    let maxSurge: string;
    if (surgeRaw === undefined) maxSurge = f.defaulted('maxSurge', DEFAULT_MAX_SURGE, REASONS.maxSurge);
    else if (typeof surgeRaw === 'number' && Number.isInteger(surgeRaw) && surgeRaw >= 0) maxSurge = String(surgeRaw);
    else if (typeof surgeRaw === 'string' && /^\d+(\.\d+)?%$/.test(surgeRaw)) maxSurge = surgeRaw;
    else {
      f.issue('maxSurge', `"maxSurge" must be a node count or a percentage like "33%", got ${describe(surgeRaw)}`);
      maxSurge = DEFAULT_MAX_SURGE;
    }
    const surgeNodes = maxSurge.endsWith('%') ? Math.max(1, Math.ceil((maxNodes * parseFloat(maxSurge)) / 100)) : Number(maxSurge);
    const zones = f.zones('zones');
    if (!f.has('zones')) f.defaulted('zones', 'none', REASONS.zones);
    this.add({
      id,
      kind: 'nodePool',
      name,
      parent: cluster,
      source: { path },
      cluster,
      mode: f.reqOneOf('mode', ['system', 'user'] as const),
      os: f.oneOf('os', ['Linux', 'Windows'] as const) ?? f.defaulted('os', 'Linux', REASONS.os),
      vmSize: f.str('vmSize'),
      count,
      ...optional('minCount', minCount),
      ...optional('maxCount', maxCount),
      autoscaling,
      maxNodes,
      maxPods,
      zones,
      subnet: subnet ?? '',
      ...optional('podSubnet', podSubnet),
      maxSurge,
      surgeNodes,
      spot: f.bool('spot') ?? false,
      nodePublicIp: f.bool('nodePublicIp') ?? false,
    });
  }

  private dnsZoneMode(f: Fields, key: string): 'system' | 'none' | Id {
    const v = f.raw(key);
    if (v === undefined) return f.defaulted(key, 'system', REASONS.privateDnsZone);
    if (v === 'system' || v === 'none') return v;
    return this.ref(v, ['privateDnsZone'], f.at(key)) ?? 'system';
  }

  private apiServer(f: Fields, cluster: Id): ApiServerModel {
    const a = f.sub('apiServer');
    if (!a) {
      f.defaulted('apiServer.mode', 'public', REASONS.apiServer);
      return { mode: 'public', authorizedIpRanges: [] };
    }
    const mode = a.reqOneOf('mode', ['public', 'private', 'vnet-integration'] as const);
    const ranges = a.strArr('authorizedIpRanges');
    void cluster;
    if (mode === 'public') return { mode, authorizedIpRanges: ranges };
    if (mode === 'private') {
      if (ranges.length) a.issue('authorizedIpRanges', 'authorized IP ranges apply only to a public API server; a private cluster rejects them');
      return {
        mode,
        privateDnsZone: this.dnsZoneMode(a, 'privateDnsZone'),
        publicFqdn: a.bool('publicFqdn') ?? a.defaulted('publicFqdn', true, REASONS.publicFqdn),
      };
    }
    const subnet = this.ref(a.raw('subnet'), ['subnet'], a.at('subnet'));
    const isPrivate = a.bool('private') ?? a.defaulted('private', false, 'public API server unless private is set');
    return {
      mode,
      subnet: subnet ?? '',
      private: isPrivate,
      authorizedIpRanges: ranges,
      privateDnsZone: isPrivate ? this.dnsZoneMode(a, 'privateDnsZone') : 'none',
    };
  }

  private outbound(f: Fields, cluster: Id): OutboundModel {
    const o = f.sub('outbound');
    if (!o) {
      f.defaulted('outbound.type', 'loadBalancer', REASONS.outbound);
      f.defaulted('outbound.outboundIps', 1, REASONS.outboundIps);
      return { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 0, idleTimeoutMinutes: 30 };
    }
    const type = o.reqOneOf('type', ['loadBalancer', 'managedNATGateway', 'userAssignedNATGateway', 'userDefinedRouting', 'none', 'block'] as const);
    switch (type) {
      case 'loadBalancer':
        return {
          type,
          outboundIps: o.num('outboundIps', { min: 1, max: 100 }) ?? o.defaulted('outboundIps', 1, REASONS.outboundIps),
          allocatedOutboundPorts: o.num('allocatedOutboundPorts', { min: 0, max: 64000 }) ?? o.defaulted('allocatedOutboundPorts', 0, REASONS.allocatedOutboundPorts),
          idleTimeoutMinutes: o.num('idleTimeoutMinutes', { min: 4, max: 100 }) ?? o.defaulted('idleTimeoutMinutes', 30, REASONS.lbIdleTimeout),
        };
      case 'managedNATGateway':
        return {
          type,
          outboundIps: o.num('outboundIps', { min: 1, max: 16 }) ?? o.defaulted('outboundIps', 1, REASONS.outboundIps),
          idleTimeoutMinutes: o.num('idleTimeoutMinutes', { min: 4, max: 120 }) ?? o.defaulted('idleTimeoutMinutes', 4, REASONS.natIdleTimeout),
        };
      case 'userAssignedNATGateway':
        return { type, natGateway: this.ref(o.raw('natGateway'), ['natGateway'], o.at('natGateway')) ?? '' };
      case 'userDefinedRouting':
        return { type, via: this.ref(o.raw('via'), ['azureFirewall', 'nva'], o.at('via')) ?? '' };
      default:
        void cluster;
        return { type };
    }
  }

  private serviceMesh(f: Fields): ServiceMeshModel {
    const m = f.sub('serviceMesh');
    if (!m) return { kind: f.defaulted('serviceMesh.kind', 'none', REASONS.serviceMesh) };
    const kind = m.reqOneOf('kind', ['none', 'istio-addon', 'self-managed'] as const);
    const modes = ['STRICT', 'PERMISSIVE', 'DISABLE'] as const;
    if (kind === 'none') return { kind };
    if (kind === 'istio-addon') return stripUndefined({ kind, mtls: m.reqOneOf('mtls', modes), revision: m.optStr('revision') });
    return { kind, product: m.str('product'), mtls: m.reqOneOf('mtls', modes) };
  }

  private controlPlane(f: Fields, c: ClusterResource): void {
    const endpoint = c.apiServerEndpoint;
    const publicEndpoint = c.apiServer.mode === 'public' || (c.apiServer.mode === 'vnet-integration' && !c.apiServer.private);
    const nodesId = `access:${c.name}/nodes`;
    this.access.push({
      id: nodesId,
      cluster: c.id,
      kind: 'nodes',
      from: c.id,
      overInternet: false,
      description: c.apiServer.mode === 'vnet-integration' ? 'nodes reach the API server on its VNet-integrated internal IP' : 'nodes reach the API server through the konnectivity tunnel',
      source: { path: f.path },
    });
    this.edge({ from: c.id, to: endpoint, class: 'management', protocol: 'tcp', port: 443, label: 'konnectivity :443', source: { path: f.path }, path: nodesId });
    f.arr('controlPlaneAccess').forEach((a, i) => {
      const path = `${f.at('controlPlaneAccess')}[${i}]`;
      if (!isRecord(a)) {
        this.schema(path, `an access path must be an object, got ${describe(a)}`);
        return;
      }
      const af = new Fields(a, path, this.sink, c.id);
      const kind = af.reqOneOf('kind', ['admins', 'cicd', 'gitops', 'command-invoke'] as const);
      const aid = `access:${c.name}/${kind}-${i + 1}`;
      const description = af.optStr('description');
      let from: Id = c.id;
      let via: Id | undefined;
      let overInternet = false;
      if (kind === 'admins') {
        const v = a.via;
        if (v === 'internet') {
          const client = this.client({ kind: 'internet', label: 'Administrators' }, `${path}.via`, `admins-${c.name}`);
          from = client;
          overInternet = true;
        } else {
          const target = this.ref(v, ['bastion', 'jumpBox', 'hybridConnection'], af.at('via'));
          if (target) {
            from = target;
            via = target;
            overInternet = publicEndpoint;
          }
        }
      } else if (kind === 'cicd') {
        const target = this.ref(a.via, ['buildAgents'], af.at('via'));
        if (target) {
          from = target;
          const agents = this.resources.get(target);
          overInternet = publicEndpoint || (agents?.kind === 'buildAgents' && agents.hosting === 'microsoft-hosted');
        }
      } else if (kind === 'gitops') {
        af.reqOneOf('tool', ['flux', 'argocd', 'other'] as const);
      }
      this.access.push(stripUndefined({ id: aid, cluster: c.id, kind, from, via, overInternet, description, source: { path } }));
      if (from !== c.id || kind === 'gitops' || kind === 'command-invoke') {
        const label = kind === 'gitops' ? 'GitOps (in-cluster)' : kind === 'command-invoke' ? 'command invoke' : 'kubectl :443';
        this.edge({ from, to: endpoint, class: 'management', protocol: 'https', port: 443, label, source: { path }, path: aid });
      }
    });
  }

  private egressDestination(d: unknown, path: string, c: ClusterResource): void {
    if (!isRecord(d)) {
      this.schema(path, `an egress destination must be an object, got ${describe(d)}`);
      return;
    }
    const f = new Fields(d, path, this.sink, c.id);
    const name = f.str('name');
    const id = `egressDestination:${c.name}/${name}`;
    if (this.resources.has(id)) {
      this.sink.issues.push({ ruleId: 'structure/duplicate-name', message: `egress destination "${name}" is listed twice for cluster ${c.name}`, path: f.at('name') });
      return;
    }
    const pe = f.has('privateEndpoint') ? this.ref(f.raw('privateEndpoint'), ['privateEndpoint'], f.at('privateEndpoint')) : undefined;
    if (!f.has('fqdn') && !f.has('cidr') && !pe) f.issue(undefined, `egress destination "${name}" needs an fqdn, a cidr or a privateEndpoint`);
    const cidrText = f.optStr('cidr');
    this.add({
      id,
      kind: 'egressDestination',
      name,
      parent: c.id,
      source: { path },
      cluster: c.id,
      ...optional('fqdn', f.optStr('fqdn')),
      ...optional('cidr', cidrText),
      port: f.num('port', { min: 1, max: 65535 }) ?? 443,
      protocol: f.oneOf('protocol', PROTOCOLS) ?? 'https',
      category: f.oneOf('category', ['aks-required', 'container-registry', 'package-feed', 'identity', 'monitoring', 'saas', 'partner', 'azure-paas', 'other'] as const) ?? 'other',
      ...optional('privateEndpoint', pe),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Paths

  /**
   * The client element of a path. Paths whose clients are alike (same kind, label, connection and
   * source ranges) share one element, so a design with two stamps shows its users once.
   */
  private client(value: unknown, path: string, key?: string): Id {
    const f = isRecord(value) ? new Fields(value, path, this.sink) : undefined;
    if (!f) {
      this.schema(path, `"from" must be a client object such as { kind: 'internet' }, got ${describe(value)}`);
    }
    const kind = f?.reqOneOf('kind', ['internet', 'corporate', 'partner'] as const) ?? 'internet';
    const label = f?.optStr('label') ?? (kind === 'internet' ? 'Internet users' : kind === 'corporate' ? 'Corporate users' : 'Partners');
    const via = kind === 'corporate' && f ? this.ref(f.raw('via'), ['hybridConnection'], f.at('via')) : undefined;
    const ranges = f?.strArr('sourceRanges') ?? [];
    const id = `client:${key ?? `${kind}/${label}${via ? `@${via}` : ''}${ranges.length ? `[${ranges.join(',')}]` : ''}`}`;
    if (this.resources.has(id)) return id;
    this.add({
      id,
      kind: 'client',
      name: label,
      source: { path },
      clientKind: kind,
      ...optional('via', via),
      sourceRanges: ranges,
    });
    return id;
  }

  private ingressPath(value: unknown, path: string): void {
    if (!isRecord(value) || value.kind !== 'ingressPath') {
      this.schema(path, `expected an ingressPath object, got ${describe(value)}`);
      return;
    }
    const f = new Fields(value, path, this.sink);
    const name = f.str('name', `path-${this.ingressPaths.length + 1}`);
    const pid = `ingressPath:${name}`;
    if (this.ingressPaths.some((p) => p.id === pid)) {
      this.sink.issues.push({ ruleId: 'structure/duplicate-name', message: `two ingress paths are named "${name}"`, path: f.at('name') });
      return;
    }
    const client = this.client(f.raw('from'), f.at('from'));
    const hops: IngressHopModel[] = [];
    f.arr('hops', true).forEach((h, i) => {
      const hpath = `${f.at('hops')}[${i}]`;
      if (!isRecord(h)) {
        this.schema(hpath, `a hop must be an object, got ${describe(h)}`);
        return;
      }
      const hf = new Fields(h, hpath, this.sink);
      const rid = this.ref(h.via, HOP_KINDS, hf.at('via'));
      if (!rid) return;
      const res = this.resources.get(rid)!;
      const protocol = hf.reqOneOf('protocol', PROTOCOLS);
      const port = hf.num('port', { min: 1, max: 65535 }) ?? (hf.has('port') ? 0 : (hf.issue('port', 'missing required field "port"'), 0));
      const tls = hf.reqOneOf('tls', TLS_MODES);
      const layer7 = isLayer7(res, tls);
      const preserves = hf.bool('preservesClientIp') ?? this.defaultPreserves(hf, res, tls);
      const waf = wafOf(res);
      hops.push(
        stripUndefined({
          step: hops.length + 1,
          resource: rid,
          resourceKind: res.kind,
          protocol,
          port,
          tls,
          preservesClientIp: preserves,
          layer7,
          waf,
          note: hf.optStr('note'),
          source: { path: hpath },
        }),
      );
    });
    const t = f.sub('to', true);
    const clusterId = t ? this.ref(t.raw('cluster'), ['cluster'], t.at('cluster')) : undefined;
    const cluster = clusterId ? (this.resources.get(clusterId) as ClusterResource) : undefined;
    const service = t?.str('service') ?? 'service';
    const namespace = t?.optStr('namespace') ?? 'default';
    const targetId = `workload:${cluster?.name ?? '?'}/${namespace}/${service}`;
    const targetProtocol = t?.reqOneOf('protocol', PROTOCOLS) ?? 'http';
    const targetPort = t?.num('port', { min: 1, max: 65535 }) ?? 80;
    if (t && !t.has('port')) t.issue('port', 'missing required field "port"');
    if (!this.resources.has(targetId)) {
      this.add({
        id: targetId,
        kind: 'workload',
        name: `${service} (${namespace})`,
        parent: clusterId,
        source: { path: f.at('to') },
        cluster: clusterId ?? '',
        namespace,
        service,
        port: targetPort,
        protocol: targetProtocol,
      });
    }
    // Edges: client -> hop1 -> ... -> workload, each carrying the receiving side's protocol:port.
    const chain: Array<{ id: Id; protocol: Protocol; port: number }> = [
      ...hops.map((h) => ({ id: h.resource, protocol: h.protocol, port: h.port })),
      { id: targetId, protocol: targetProtocol, port: targetPort },
    ];
    const edges: Id[] = [];
    let prev: Id = client;
    let prevTls: TlsMode | undefined;
    const meshStrict = cluster?.serviceMesh.kind !== 'none' && cluster?.serviceMesh.mtls === 'STRICT';
    chain.forEach((node, i) => {
      let state: TlsState = edgeTls(prevTls, node.protocol);
      const last = i === chain.length - 1;
      const prevHop = hops[i - 1];
      if (last && meshStrict && state === 'plaintext' && prevHop && this.resources.get(prevHop.resource)?.kind === 'ingressController') state = 'mtls';
      const eid = `ingress:${name}#${String(i + 1).padStart(2, '0')}`;
      this.edge({
        id: eid,
        from: prev,
        to: node.id,
        class: 'ingress',
        protocol: node.protocol,
        port: node.port,
        tls: state,
        label: `${node.protocol}:${node.port}`,
        path: pid,
        step: i + 1,
        source: { path: last ? f.at('to') : `${f.at('hops')}[${i}]` },
      });
      edges.push(eid);
      prev = node.id;
      prevTls = hops[i]?.tls;
    });
    const clientRes = this.resources.get(client);
    this.ingressPaths.push(
      stripUndefined({
        id: pid,
        name,
        description: f.optStr('description'),
        client,
        hops,
        target: targetId,
        cluster: clusterId ?? '',
        internetFacing: clientRes?.kind === 'client' && clientRes.clientKind !== 'corporate',
        edges,
        source: { path },
      }),
    );
  }

  private defaultPreserves(f: Fields, res: Resource, tls: TlsMode): boolean {
    const value = res.kind === 'loadBalancer' ? true : res.kind === 'nva' ? true : false;
    void tls;
    return f.defaulted('preservesClientIp', value, REASONS.preservesClientIp);
  }

  private linkGatewaysToClusters(): void {
    for (const p of this.ingressPaths) {
      for (const h of p.hops) {
        const r = this.resources.get(h.resource);
        if ((r?.kind === 'applicationGateway' || r?.kind === 'agc') && p.cluster && !r.clusters.includes(p.cluster)) {
          r.clusters.push(p.cluster);
          r.clusters.sort(cmp);
        }
      }
    }
    // VNet roles: a VNet holding a firewall or gateway subnet and peered is a hub; other peered VNets are spokes.
    const peered = new Set<Id>();
    for (const e of this.edges.values()) if (e.class === 'peering') (peered.add(e.from), peered.add(e.to));
    for (const { id, path } of this.pendingRoles) {
      const v = this.resources.get(id);
      if (v?.kind !== 'vnet') continue;
      const names = v.subnets.map((s) => this.resources.get(s)?.name);
      const hubLike = names.includes('AzureFirewallSubnet') || names.includes('GatewaySubnet');
      const role = peered.has(id) ? (hubLike ? 'hub' : 'spoke') : 'standalone';
      v.role = role;
      this.sink.defaults.push({ element: id, path, value: role, reason: REASONS.vnetRole });
    }
  }

  private clusterPaths(c: ClusterResource): void {
    const hops: Id[] = [];
    const edges: Id[] = [];
    let publicIps = 0;
    const src = { path: c.source.path };
    const pools = c.nodePools.map((p) => this.resources.get(p)).filter((p): p is Extract<Resource, { kind: 'nodePool' }> => p?.kind === 'nodePool');
    const subnets = uniqueSorted(pools.map((p) => p.subnet).filter(Boolean));
    const o = c.outbound;
    const pathId = `egressPath:${c.name}`;
    const link = (from: Id, to: Id, label: string): void => {
      const id = `egress:${c.name}#${String(edges.length + 1).padStart(2, '0')}`;
      this.edge({ id, from, to, class: 'egress', label, path: pathId, step: edges.length + 1, source: src });
      edges.push(id);
    };
    let last: Id = c.id;
    hops.push(c.id);
    if (o.type === 'loadBalancer') {
      const lbId = `loadBalancer:${c.name}/kubernetes`;
      this.add({ id: lbId, kind: 'loadBalancer', name: 'kubernetes (outbound)', parent: c.id, source: src, visibility: 'public', sku: c.network.loadBalancerSku === 'basic' ? 'Basic' : 'Standard', zones: [], cluster: c.id });
      link(last, lbId, 'SNAT');
      hops.push(lbId);
      last = lbId;
      publicIps = o.outboundIps;
    } else if (o.type === 'managedNATGateway') {
      const natId = `natGateway:${c.name}/managed`;
      this.add({ id: natId, kind: 'natGateway', name: `${c.name} managed NAT`, parent: c.id, source: src, publicIps: o.outboundIps, publicAddressCount: o.outboundIps, idleTimeoutMinutes: o.idleTimeoutMinutes, zones: [], sku: 'Standard' });
      link(last, natId, 'SNAT');
      hops.push(natId);
      last = natId;
      publicIps = o.outboundIps;
    } else if (o.type === 'userAssignedNATGateway' && o.natGateway) {
      link(last, o.natGateway, 'SNAT');
      hops.push(o.natGateway);
      last = o.natGateway;
      const nat = this.resources.get(o.natGateway);
      publicIps = nat?.kind === 'natGateway' ? nat.publicAddressCount : 0;
    } else if (o.type === 'userDefinedRouting' && o.via) {
      const rts = uniqueSorted(
        subnets.map((s) => this.resources.get(s)).flatMap((s) => (s?.kind === 'subnet' && s.routeTable ? [s.routeTable] : [])),
      );
      for (const rt of rts) {
        link(last, rt, '0.0.0.0/0 UDR');
        hops.push(rt);
        last = rt;
      }
      link(last, o.via, rts.length ? 'next hop' : '0.0.0.0/0');
      hops.push(o.via);
      last = o.via;
      const dev = this.resources.get(o.via);
      if (dev?.kind === 'azureFirewall') {
        const nat = dev.natGateway ? this.resources.get(dev.natGateway) : undefined;
        if (nat?.kind === 'natGateway') {
          link(last, nat.id, 'SNAT');
          hops.push(nat.id);
          last = nat.id;
          publicIps = nat.publicAddressCount;
        } else publicIps = dev.publicIps;
      } else if (dev?.kind === 'nva') publicIps = dev.publicIps;
    }
    const destinations: Id[] = [];
    const privateEndpoints: Id[] = [];
    const dests = [...this.resources.values()].filter((r): r is Extract<Resource, { kind: 'egressDestination' }> => r.kind === 'egressDestination' && r.cluster === c.id);
    const reachesInternet = o.type !== 'none' && o.type !== 'block';
    if (reachesInternet) {
      if (!this.resources.has('internet')) this.add({ id: 'internet', kind: 'internet', name: 'Internet', source: { path: '' } });
      link(last, 'internet', `${publicIps} public IP${publicIps === 1 ? '' : 's'}`);
      hops.push('internet');
    }
    for (const d of dests) {
      destinations.push(d.id);
      if (d.privateEndpoint) {
        privateEndpoints.push(d.privateEndpoint);
        this.edge({ id: `private-link:${c.name}->${d.privateEndpoint}`, from: c.id, to: d.privateEndpoint, class: 'private-link', label: 'private endpoint', path: pathId, source: d.source });
      } else if (reachesInternet) {
        this.edge({ id: `egress:${c.name}->${d.id}`, from: 'internet', to: d.id, class: 'egress', protocol: d.protocol, port: d.port, label: `${d.protocol}:${d.port}`, path: pathId, source: d.source });
      }
    }
    this.egressPaths.push({
      id: pathId,
      cluster: c.id,
      outboundType: o.type,
      hops,
      publicIps,
      destinations: destinations.sort(cmp),
      privateEndpoints: uniqueSorted(privateEndpoints),
      edges,
      source: { path: c.source.path + '.outbound' },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isLayer7(res: Resource, tls: TlsMode): boolean {
  switch (res.kind) {
    case 'frontDoor':
    case 'applicationGateway':
    case 'agc':
    case 'apiManagement':
      return true;
    case 'ingressController':
      return tls !== 'passthrough';
    default:
      return false;
  }
}

function wafOf(res: Resource): 'Detection' | 'Prevention' | undefined {
  if (res.kind === 'frontDoor' || res.kind === 'applicationGateway' || res.kind === 'agc') return res.waf?.mode;
  return undefined;
}

/** TLS state on the edge into a hop, from what the previous hop did with TLS and what this hop receives. */
function edgeTls(prev: TlsMode | undefined, protocol: Protocol): TlsState {
  if (prev === 'passthrough') return 'passthrough';
  if (prev === 'terminate' || prev === 'plain') return 'plaintext';
  if (prev === 'reencrypt' || prev === 'originate') return 'tls';
  return ENCRYPTED.includes(protocol) ? 'tls' : 'plaintext';
}

/** An ingress controller is scoped by the name of the cluster it runs in, like a node pool. */
function clusterScope(kind: PartKind, value: Record<string, unknown>): string | undefined {
  if (kind !== 'ingressController' || !isRecord(value.cluster)) return undefined;
  return typeof value.cluster.name === 'string' ? value.cluster.name : undefined;
}

function isId(v: Id | undefined): v is Id {
  return typeof v === 'string' && v.length > 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueSorted(ids: Id[]): Id[] {
  return [...new Set(ids)].sort(cmp);
}

function article(kinds: readonly string[]): string {
  return kinds.map((k) => `${/^[aeiou]/i.test(k) ? 'an' : 'a'} ${k} object`).join(' or ');
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Drops undefined-valued keys so JSON output and equality checks are stable. */
function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

function dedupeDefaults(list: AppliedDefault[]): AppliedDefault[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.element}|${d.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Normalizes an architecture value into the model plus the structural issues found on the way. */
export function normalize(input: unknown): NormalizeResult {
  const n = new Normalizer();
  const model = n.run(input);
  return { model, issues: n.sink.issues };
}

export type { NormalizeIssue } from './reader.js';

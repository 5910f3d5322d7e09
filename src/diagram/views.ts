/**
 * View derivation: which elements and edges each diagram shows, and how they nest. No positions
 * here; ELK places everything.
 */
import { accessClient } from '../model/access.js';
import { HOP_KINDS } from '../model/kinds.js';
import { partOrder } from '../model/order.js';
import { ModelQuery } from '../model/query.js';
import { publicAddressesOf, snatAllowList, snatSourceText, snatTotalText } from '../model/snat.js';
import { outboundInvalid } from '../model/egress.js';
import type {
  ClusterResource,
  Edge,
  FrontDoorOriginModel,
  Id,
  IngressPathModel,
  Model,
  Resource,
  ResourceOf,
  WafManagedRuleSetModel,
  WafModel,
} from '../model/types.js';
import { iconKey } from '../render/icons.js';
import type { BoxStyle, EdgeStyle, ViewEdge, ViewGraph, ViewName, ViewNode } from './graph.js';

/** Display names of resource kinds. */
export const KIND_NAMES: Record<string, string> = {
  region: 'Region',
  vnet: 'Virtual network',
  subnet: 'Subnet',
  routeTable: 'Route table',
  nsg: 'Network security group',
  natGateway: 'NAT gateway',
  ddosProtectionPlan: 'DDoS protection plan',
  privateDnsZone: 'Private DNS zone',
  paas: 'Azure PaaS',
  privateEndpoint: 'Private endpoint',
  onPremises: 'On-premises network',
  vnetGateway: 'VNet gateway',
  hybridConnection: 'Hybrid connection',
  bastion: 'Azure Bastion',
  jumpBox: 'Jump box',
  buildAgents: 'Build agents',
  azureFirewall: 'Azure Firewall',
  nva: 'Network virtual appliance',
  frontDoor: 'Azure Front Door',
  applicationGateway: 'Application Gateway',
  agc: 'App Gateway for Containers',
  apiManagement: 'API Management',
  loadBalancer: 'Load balancer',
  privateLinkService: 'Private Link service',
  ingressController: 'Ingress controller',
  cluster: 'AKS cluster',
  nodePool: 'Node pool',
  apiServer: 'API server',
  client: 'Client',
  workload: 'Pods',
  egressDestination: 'Destination',
  internet: 'Internet',
  publicIp: 'Public IP',
  firewallPolicy: 'Firewall policy',
  trafficManager: 'Traffic Manager',
};

const PAAS_NAMES: Record<string, string> = {
  keyVault: 'Key Vault',
  containerRegistry: 'Container Registry',
  storageBlob: 'Storage (blob)',
  storageFile: 'Storage (files)',
  sqlDatabase: 'SQL Database',
  postgresql: 'PostgreSQL',
  cosmosDb: 'Cosmos DB',
  serviceBus: 'Service Bus',
  eventHubs: 'Event Hubs',
  redis: 'Redis',
  monitor: 'Azure Monitor',
  other: 'PaaS service',
};

/** Kinds drawn with a west in-port and an east out-port in flow views. */
const GATEWAY_KINDS = new Set<string>([
  ...HOP_KINDS,
  'natGateway',
  'routeTable',
  'vnetGateway',
  'bastion',
  'jumpBox',
]);

const TITLES: Record<ViewName, string> = {
  overview: 'Overview: topology with ingress and egress flows',
  topology: 'Network topology',
  ingress: 'Ingress paths (north-south, inbound)',
  egress: 'Egress paths (north-south, outbound)',
  'control-plane': 'Control-plane access',
};

const DESCRIPTIONS: Record<ViewName, string> = {
  overview: 'Regions, virtual networks and subnets with the cluster, gateways, firewall and private endpoints; ingress and egress flows drawn as numbered steps, explained in the numbered legend below the picture.',
  topology: 'Regions, virtual networks, subnets and the resources placed in them, with peerings, hybrid links and private endpoints to PaaS services.',
  ingress: 'Every ingress path from its client to the pods, hops numbered in order, each edge labelled with protocol, port and TLS state.',
  egress: 'Outbound traffic from the node pools through route tables and egress devices to the internet, and private endpoints as the non-internet path.',
  'control-plane': 'The API server endpoint and every path that reaches it: nodes, administrators, CI/CD agents and GitOps.',
};

/** Builds a view graph: containers created on demand, shared hops drawn once (also used by `overview.ts`). */
export class Builder {
  private readonly nodes = new Map<string, ViewNode>();
  private readonly edges = new Map<string, ViewEdge>();

  constructor(
    readonly q: ModelQuery,
    readonly view: ViewName,
    /** Whether region containers are drawn (topology; flow views of multi-region designs). */
    readonly regions: boolean,
    /** Whether clusters show their node pools. */
    readonly pools = true,
  ) {}

  readonly hints: Array<{ from: string; to: string }> = [];

  /** Spreads unconnected sibling boxes over columns: box i links invisibly to box i + rows. */
  grid(ids: string[], rows: number): void {
    for (let i = 0; i + rows < ids.length; i++) this.hints.push({ from: ids[i]!, to: ids[i + rows]! });
  }

  readonly grids: Array<{ ids: string[]; aspect?: number }> = [];

  /** Spreads sibling boxes over columns chosen by their sizes when they are measured (see render/grid.ts). */
  gridBySize(ids: string[], aspect?: number): void {
    if (ids.length > 1) this.grids.push({ ids, ...(aspect !== undefined ? { aspect } : {}) });
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  node(n: ViewNode): string {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
    return n.id;
  }

  private readonly signatures = new Set<string>();

  edge(e: ViewEdge): void {
    if (e.from === e.to || !this.nodes.has(e.from) || !this.nodes.has(e.to)) return;
    // Paths that share a hop (one Front Door for two stamps) share its edge instead of drawing it twice.
    const sig = JSON.stringify([e.from, e.to, e.style, e.label ?? '', e.tls ?? '', e.step ?? 0]);
    if (this.signatures.has(sig)) return;
    this.signatures.add(sig);
    if (!this.edges.has(e.id)) this.edges.set(e.id, e);
  }

  /** A model edge as a view edge. */
  modelEdge(e: Edge, style: EdgeStyle, extra: Partial<ViewEdge> = {}): void {
    const label = e.label ?? (e.protocol && e.port ? `${e.protocol}:${e.port}` : undefined);
    this.edge({
      id: e.id,
      from: e.from,
      to: e.to,
      style,
      ...(label ? { label } : {}),
      ...(e.tls ? { tls: e.tls } : {}),
      ...(e.step !== undefined && style === 'ingress' ? { step: e.step } : {}),
      ...extra,
    });
  }

  zone(id: string, label: string, details: string[] = [], layer?: 'first' | 'last'): string {
    return this.node({ id, kind: 'zone', label, details, style: 'zone', ...(layer ? { layer } : {}) });
  }

  region(name: string): string | undefined {
    if (!this.regions) return undefined;
    const id = `region:${name}`;
    return this.node({ id, kind: 'region', label: `Region ${name}`, details: [], style: 'region', element: this.q.get(id) ? id : undefined });
  }

  vnet(v: ResourceOf<'vnet'>): string {
    if (this.has(v.id)) return v.id;
    const parent = this.region(v.region);
    const role = v.role === 'standalone' ? 'VNet' : `${v.role} VNet`;
    return this.node({
      id: v.id,
      kind: 'vnet',
      label: v.name,
      details: [
        `${role} · ${v.addressSpace.join(', ')}`,
        // The topology states what protects the network; flow views keep VNet boxes to their address space.
        ...(this.view === 'topology' && v.ddosProtectionPlan ? [`DDoS plan ${this.q.name(v.ddosProtectionPlan)}`] : []),
      ],
      style: 'vnet',
      ...(parent ? { parent } : {}),
      element: v.id,
    });
  }

  subnet(s: ResourceOf<'subnet'>): string {
    if (this.has(s.id)) return s.id;
    const v = this.q.getAs(s.vnet, 'vnet');
    const parent = v ? this.vnet(v) : undefined;
    const attached = [s.nsg, s.routeTable, s.natGateway].map((a) => (a ? this.q.name(a) : undefined)).filter((x): x is string => !!x);
    const details = [`${s.cidr} · ${s.usableAddresses} usable`];
    if (attached.length) details.push(attached.join(' · '));
    const podsOf = [...new Set(this.q.all('nodePool').filter((p) => p.podSubnet === s.id).map((p) => this.q.name(p.cluster)))];
    if (podsOf.length) details.push(`pod IPs of ${podsOf.join(', ')}`);
    return this.node({ id: s.id, kind: 'subnet', label: s.name, details, style: 'subnet', ...(parent ? { parent } : {}), element: s.id });
  }

  /** Where a cluster box goes: its node subnet when all pools share one, else the VNet, else the region. */
  clusterParent(c: ClusterResource): string | undefined {
    // Pods in subnets of their own (Azure CNI pod subnet) put the cluster in more than one subnet: it is drawn in
    // its VNet, not inside the node subnet, where its pods are not.
    // Only where the view draws pods (the workloads an ingress path ends at): elsewhere the cluster box holds its
    // node pools, which are in the node subnet, and the topology draws the pod subnet as a box of its own.
    const pods = this.view === 'ingress' || this.view === 'overview' ? this.q.podSubnets(c.id) : [];
    const subnets = [...new Map([...this.q.nodeSubnets(c.id), ...pods].map((x) => [x.id, x])).values()];
    if (subnets.length === 1) return this.subnet(subnets[0]!);
    const vnets = [...new Set(subnets.map((s) => s.vnet))];
    const v = vnets.length === 1 ? this.q.getAs(vnets[0], 'vnet') : undefined;
    if (v) return this.vnet(v);
    return this.region(c.region);
  }

  cluster(c: ClusterResource, pools = this.pools): string {
    if (this.has(c.id)) return c.id;
    const parent = this.clusterParent(c);
    const net = c.network;
    const pods = this.q.podSubnets(c.id);
    const podText = net.podCidr ? ` · pods ${net.podCidr}` : pods.length ? ` · pods in ${pods.map((x) => x.name).join(', ')}` : '';
    const details = [`${c.tier} tier${c.kubernetesVersion ? ` · Kubernetes ${c.kubernetesVersion}` : ''}`, `CNI ${net.cni} · ${net.dataplane}${podText}`];
    this.node({ id: c.id, kind: 'cluster', label: c.name, details, style: 'cluster', ...(parent ? { parent } : {}), element: c.id });
    if (pools) {
      for (const p of this.q.pools(c.id)) {
        const scale = p.autoscaling ? `${p.minCount ?? '?'}–${p.maxCount ?? p.maxNodes} nodes` : `${p.count} nodes`;
        this.node({
          id: p.id,
          kind: 'nodePool',
          label: p.name,
          details: [`${p.mode} pool · ${p.vmSize}`, `${scale} · ${p.os}${p.zones?.length ? ` · zones ${p.zones.join(',')}` : ''}`],
          style: 'leaf',
          parent: c.id,
          icon: 'nodePool',
          element: p.id,
        });
      }
    }
    return c.id;
  }

  /** The view parent of a model resource, creating containers on the way. */
  placeOf(r: Resource): string | undefined {
    if (r.kind === 'cluster') return this.clusterParent(r);
    const parent = this.q.get(r.parent);
    if (!parent) {
      // A public load balancer declared for a cluster's Service has no parent of its own: it stands where AKS's own
      // public load balancer does, in its cluster's region.
      const owner = r.kind === 'loadBalancer' && r.visibility === 'public' ? this.q.getAs(r.cluster, 'cluster') : undefined;
      return owner ? this.region(owner.region) : undefined;
    }
    if (parent.kind === 'subnet') return this.subnet(parent);
    if (parent.kind === 'vnet') return this.vnet(parent);
    if (parent.kind === 'cluster') {
      // A public load balancer has no address in any subnet: it stands outside the VNets, as a declared one does
      // (in its region's box when the view draws regions).
      if (r.kind === 'loadBalancer' && r.visibility === 'public') return this.region((parent as ClusterResource).region);
      // Other AKS-managed outbound devices sit beside the cluster, not inside it.
      if (r.kind === 'loadBalancer' || r.kind === 'natGateway') return this.clusterParent(parent);
      return this.cluster(parent);
    }
    if (parent.kind === 'region') return this.region(parent.name);
    return undefined;
  }

  /** Adds a leaf for a model resource at its place. */
  leaf(r: Resource, opts: { parent?: string | null; details?: string[]; layer?: 'first' | 'last'; ports?: boolean; style?: BoxStyle; label?: string } = {}): string {
    if (this.has(r.id)) return r.id;
    const parent = opts.parent === null ? undefined : (opts.parent ?? this.placeOf(r));
    return this.node({
      id: r.id,
      kind: r.kind,
      label: opts.label ?? r.name,
      details: opts.details ?? details(r, this.q),
      style: opts.style ?? 'leaf',
      ...(parent ? { parent } : {}),
      ...(opts.layer ? { layer: opts.layer } : {}),
      ...(opts.ports ?? (this.view !== 'topology' && GATEWAY_KINDS.has(r.kind)) ? { ports: true } : {}),
      icon: iconKey(r as Parameters<typeof iconKey>[0]),
      element: r.id,
    });
  }

  build(): ViewGraph {
    return {
      view: this.view,
      title: TITLES[this.view],
      description: DESCRIPTIONS[this.view],
      nodes: inPartOrder([...this.nodes.values()], this.q),
      edges: [...this.edges.values()],
      ...(this.hints.length ? { hints: this.hints } : {}),
      ...(this.grids.length ? { grids: this.grids } : {}),
      // Several stamps or spokes: ELK keeps them in the shared part order.
      ...([...this.nodes.values()].filter((n) => n.kind === 'cluster').length > 1 ? { keepOrder: true } : {}),
    };
  }
}

/**
 * The view's regions, VNets and clusters in the design's one order (`partOrder`), each kind in the slots its
 * boxes already hold, so a stamp or spoke keeps its place in every view whatever order the view met it in.
 */
export function inPartOrder(nodes: ViewNode[], q: ModelQuery): ViewNode[] {
  const { rank } = partOrder(q);
  const key = (n: ViewNode): number =>
    rank.get(n.kind === 'region' ? n.id.slice('region:'.length) : n.id) ?? Number.MAX_SAFE_INTEGER;
  const out = [...nodes];
  for (const kind of ['region', 'vnet', 'cluster']) {
    const slots = out.flatMap((n, i) => (n.kind === kind ? [i] : []));
    const sorted = slots.map((i) => out[i]!).sort((a, b) => key(a) - key(b));
    slots.forEach((slot, j) => (out[slot] = sorted[j]!));
  }
  return out;
}

/** The origins of a Front Door's routes, each once (by target, else by name). */
export function frontDoorOrigins(fd: ResourceOf<'frontDoor'>): FrontDoorOriginModel[] {
  const seen = new Map<string, FrontDoorOriginModel>();
  for (const route of fd.routes) {
    for (const o of route.origins) {
      const key = o.target ?? `name:${o.name}`;
      if (!seen.has(key)) seen.set(key, o);
    }
  }
  return [...seen.values()];
}

const ORIGIN_KINDS: Record<FrontDoorOriginModel['originKind'], string> = {
  'application-gateway': 'App Gateway',
  agc: 'App Gateway for Containers',
  'private-link-service': 'Private Link service',
  'internal-load-balancer': 'internal LB via Private Link',
  'public-ip': 'public IP',
  'app-service': 'App Service',
  storage: 'Storage',
  other: 'origin',
};

/** One origin of a Front Door route in words: kind, and Private Link or public with its lockdown. */
export function originText(o: FrontDoorOriginModel): string {
  const names = (o.lockdown ?? []).map((l) => (l === 'x-azure-fdid' ? 'X-Azure-FDID' : 'service tag'));
  const lock = o.lockdown === undefined ? 'lockdown not stated' : names.length ? names.join(' + ') : 'no lockdown';
  return `${ORIGIN_KINDS[o.originKind]} · ${o.connection === 'private-link' ? 'Private Link' : `public, ${lock}`}`;
}

/** A public IP resource in one line: SKU, zones and DDoS IP Protection, each only when the design states it. */
export function publicIpText(p: ResourceOf<'publicIp'>): string {
  const zones = p.zones === undefined ? '' : p.zones.length ? ` · zones ${p.zones.join(',')}` : ' · no zone';
  const ddos =
    p.ddosIpProtection === undefined ? '' : p.ddosIpProtection ? ' · DDoS IP Protection' : ' · no DDoS IP Protection';
  return `${p.name}${p.address ? ` ${p.address}` : ''} · ${p.sku}${zones}${ddos}`;
}

/** Lines naming public IP resources (at most two, then a count). */
function publicIpLines(ids: Id[], q: ModelQuery): string[] {
  const pips = ids.map((id) => q.getAs(id, 'publicIp')).filter((p): p is ResourceOf<'publicIp'> => !!p);
  const shown = pips.slice(0, pips.length > 2 ? 1 : 2).map(publicIpText);
  return pips.length > shown.length ? [...shown, `+${pips.length - shown.length} more public IPs`] : shown;
}

/** The rule source of a firewall: its policy (tier, threat intelligence, IDPS) or classic rules. */
function firewallRulesLine(r: ResourceOf<'azureFirewall'>, q: ModelQuery): string {
  const p = q.getAs(r.policy, 'firewallPolicy');
  const idps = r.idps ?? p?.idps;
  const modes = `threat intel ${r.threatIntel}${idps ? ` · IDPS ${idps}` : ''}`;
  if (p) return `policy ${p.name}${p.tier ? ` (${p.tier})` : ''} · ${modes}`;
  if (r.ruleModel === 'classic') return `classic rules · ${modes}`;
  return modes;
}

/** Visibility, auto-approval and the NAT IP subnet of a Private Link service. */
function plsLines(r: ResourceOf<'privateLinkService'>, q: ModelQuery): string[] {
  const subs = (n: number) => `${n} subscription${n === 1 ? '' : 's'}`;
  const vis =
    r.visibility === undefined
      ? 'visibility not stated'
      : r.visibility === '*'
        ? 'visible to all (*)'
        : `visible to ${subs(r.visibility.length)}`;
  const auto = r.autoApproval.length ? `auto-approves ${subs(r.autoApproval.length)}` : 'manual approval';
  return [`${vis} · ${auto}`, `${r.natIpCount} NAT IP${r.natIpCount === 1 ? '' : 's'} in ${q.name(r.subnet)}`];
}

const RULE_SETS: Record<WafManagedRuleSetModel['type'], string> = {
  OWASP: 'OWASP',
  Microsoft_DefaultRuleSet: 'DRS',
  Microsoft_BotManagerRuleSet: 'Bot Manager',
};

/**
 * What a WAF runs, when the design says: its managed rule sets (with their action), custom rules, and whether it is
 * the legacy in-gateway configuration rather than a WAF policy. Nothing is added for facts the design leaves out.
 */
export function wafLines(w: WafModel | undefined): string[] {
  if (!w) return [];
  const sets = (w.managedRuleSets ?? []).map(
    (r) => `${RULE_SETS[r.type]} ${r.version}${r.action ? ` (${r.action})` : ''}`,
  );
  const n = w.customRules?.length ?? 0;
  const custom = n ? [`${n} custom rule${n === 1 ? '' : 's'}`] : [];
  const legacy = w.source === 'legacy-config' ? ['legacy WAF config'] : [];
  const parts = [...legacy, ...sets, ...custom];
  return parts.length ? [parts.join(' · ')] : [];
}

/** The public addresses of an egress device, counted as the SNAT allow-list counts them. */
function ipsOf(r: ResourceOf<'natGateway'> | ResourceOf<'azureFirewall'> | ResourceOf<'nva'>, q: ModelQuery): string {
  return snatSourceText(publicAddressesOf(q.model, r));
}

/** Secondary label lines of a leaf. */
export function details(r: Resource, q: ModelQuery): string[] {
  const kind = KIND_NAMES[r.kind] ?? r.kind;
  switch (r.kind) {
    case 'azureFirewall':
      return [
        `${kind}${r.tier ? ` ${r.tier}` : ''}`,
        `${r.privateIp ?? 'IP not stated'} · ${ipsOf(r, q)}`,
        firewallRulesLine(r, q),
      ];
    case 'nva':
      return [`${kind}${r.vendor ? ` (${r.vendor})` : ''}`, `${r.privateIp} · ${ipsOf(r, q)}`];
    case 'applicationGateway':
      return [
        `${kind} ${r.sku}`,
        `${r.frontend} frontend${r.waf ? ` · WAF ${r.waf.mode}` : ''}`,
        ...wafLines(r.waf),
        ...publicIpLines(r.publicIp ? [r.publicIp] : [], q),
      ];
    case 'agc':
      return [kind, `${r.frontend} frontend · ${r.api}${r.waf ? ` · WAF ${r.waf.mode}` : ''}`, ...wafLines(r.waf)];
    case 'frontDoor': {
      const origins = frontDoorOrigins(r);
      const shown = origins.slice(0, origins.length > 3 ? 2 : 3).map((o) => `→ ${o.name}: ${originText(o)}`);
      if (origins.length > shown.length) shown.push(`+${origins.length - shown.length} more origins`);
      const tls = r.minTlsVersion ? ` · TLS ≥ ${r.minTlsVersion}` : '';
      return [`${kind} ${r.sku}${tls}`, ...(r.waf ? [`WAF ${r.waf.mode}`] : []), ...wafLines(r.waf), ...shown];
    }
    case 'publicIp': {
      const zones = r.zones === undefined ? [] : [r.zones.length ? `zones ${r.zones.join(',')}` : 'no zone'];
      const ddos =
        r.ddosIpProtection === undefined ? [] : [r.ddosIpProtection ? 'DDoS IP Protection' : 'no DDoS IP Protection'];
      const facts = [...zones, ...ddos];
      return [`${kind} ${r.sku}${r.address ? ` · ${r.address}` : ''}`, ...(facts.length ? [facts.join(' · ')] : [])];
    }
    case 'trafficManager':
      return [kind, `${r.routingMethod} routing · ${r.endpoints.length} endpoint${r.endpoints.length === 1 ? '' : 's'}`];
    case 'apiManagement':
      return [`${kind} ${r.sku}`, `VNet mode ${r.vnetMode}`];
    case 'loadBalancer':
      return [`${r.visibility === 'internal' ? 'Internal' : 'Public'} ${r.sku} load balancer`, ...(r.privateIp ? [r.privateIp] : [])];
    case 'natGateway':
      return [
        kind,
        // An AKS-managed NAT gateway's idle timeout is its cluster's outbound setting, which may be invalid.
        `${ipsOf(r, q)} · ${outboundInvalid(q, r.parent, 'idleTimeoutMinutes') ? 'idle timeout invalid' : `idle ${r.idleTimeoutMinutes} min`}`,
        ...publicIpLines(r.publicIpResources, q),
      ];
    case 'bastion':
      return [`${kind} ${r.sku}`];
    case 'vnetGateway':
      return [r.type === 'vpn' ? 'VPN gateway' : 'ExpressRoute gateway', ...(r.sku ? [r.sku] : [])];
    case 'buildAgents':
      return [kind, `${r.hosting} · ${r.platform}`];
    case 'privateEndpoint':
      return [kind, `→ ${q.name(r.target)}`];
    case 'paas':
      return [
        PAAS_NAMES[r.service] ?? r.service,
        `public access ${r.publicNetworkAccess === undefined ? 'not stated' : r.publicNetworkAccess ? 'enabled' : 'disabled'}`,
      ];
    case 'onPremises':
      return [kind, r.addressSpace.join(', ')];
    case 'ingressController':
      return [`${kind} (${r.type})`, `ns ${r.namespace} · ${r.replicas === undefined ? 'replicas not stated' : `${r.replicas} replicas`}`];
    case 'workload':
      return [`Pods · ns ${r.namespace}`, `${r.protocol}:${r.port}`];
    case 'client':
      return [r.clientKind === 'internet' ? 'Internet clients' : r.clientKind === 'corporate' ? 'Corporate network' : 'Partner network', ...(r.sourceRanges.length ? [r.sourceRanges.join(', ')] : [])];
    case 'egressDestination':
      return [r.fqdn ?? r.cidr ?? kind, `${r.protocol}:${r.port} · ${r.category}`];
    case 'routeTable': {
      const def = r.routes.find((x) => x.prefix === '0.0.0.0/0');
      return [kind, def ? `0.0.0.0/0 → ${def.nextHopResource ? q.name(def.nextHopResource) : (def.nextHopAddress ?? def.nextHopType)}` : `${r.routes.length} routes`];
    }
    case 'privateLinkService':
      return [kind, `LB ${q.name(r.loadBalancer)}`, ...plsLines(r, q)];
    case 'privateDnsZone':
      return [kind];
    case 'jumpBox':
      return [kind];
    case 'internet':
      return [];
    case 'apiServer': {
      const a = q.getAs(r.cluster, 'cluster')?.apiServer;
      const zone = a && a.mode !== 'public' && (a.mode === 'private' || a.private) ? a.privateDnsZone : undefined;
      const dns =
        zone === undefined
          ? []
          : [
              zone === 'system'
                ? 'DNS: AKS-managed zone (system)'
                : zone === 'none'
                  ? 'DNS: no private zone (none)'
                  : `DNS: ${q.name(zone)}`,
            ];
      return [`${r.exposure === 'public' ? 'Public' : 'Private'} API server endpoint`, ...dns];
    }
    default:
      return [kind];
  }
}

/**
 * A cluster's node pools side by side, up to about four in a row (a pool box is about four times as wide as it is
 * tall, so this keeps the pools' grid about square): a stack of pools made the subnet holding them the tallest box.
 */
const POOL_ASPECT = 4;

function topology(q: ModelQuery): ViewGraph {
  const b = new Builder(q, 'topology', true);
  const m = q.model;
  const onPrem = q.all('onPremises');
  if (onPrem.length) {
    const zone = b.zone('zone:on-premises', 'On-premises');
    for (const o of onPrem) b.leaf(o, { parent: zone });
  }
  const global = [...q.all('trafficManager'), ...q.all('frontDoor'), ...q.all('apiManagement').filter((a) => !a.subnet)];
  if (global.length) {
    const zone = b.zone('zone:global', 'Global edge');
    for (const r of global) b.leaf(r, { parent: zone });
  }
  const order = partOrder(q);
  const vnets = order.vnets;
  for (const v of vnets) {
    b.vnet(v);
    const subs: string[] = [];
    for (const s of v.subnets) {
      const sub = q.getAs(s, 'subnet');
      if (sub) subs.push(b.subnet(sub));
    }
    // The subnets over as many columns as print the whole picture largest (render/grid.ts).
    b.gridBySize(subs);
  }
  // Many spokes of one hub: columns of about √n spokes instead of one endless column.
  for (const hub of vnets.filter((v) => v.role === 'hub')) {
    const spokes = q
      .peers(hub.id)
      .filter((v) => v.role !== 'hub' && v.region === hub.region)
      .map((v) => v.id)
      .sort((a, b) => (order.rank.get(a) ?? 0) - (order.rank.get(b) ?? 0));
    if (spokes.length > 4) b.grid(spokes, Math.ceil(Math.sqrt(spokes.length)));
  }
  for (const c of order.clusters) {
    b.cluster(c);
    b.gridBySize(q.pools(c.id).map((p) => p.id).filter((id) => b.has(id)), POOL_ASPECT);
  }
  for (const r of m.resources) {
    const parent = q.get(r.parent);
    if (parent?.kind === 'subnet') b.leaf(r);
  }
  // Public load balancers have no address in a subnet: AKS's own outbound one and one a public Service gets. They
  // stand in their cluster's region, outside the VNets, and say which cluster they serve (no edge shows it here).
  for (const lb of q.all('loadBalancer')) {
    if (b.has(lb.id)) continue;
    const served = lb.cluster ? q.getAs(lb.cluster, 'cluster') : undefined;
    b.leaf(lb, { details: [...details(lb, q), ...(served ? [`for ${served.name}`] : [])] });
    // Beside its cluster's VNet, not above or below it (ELK stacks boxes without edges in one column, which made a
    // one-VNet topology print portrait).
    const home = served ? q.nodeSubnets(served.id)[0]?.vnet : undefined;
    if (home && b.has(home) && q.getAs(home, 'vnet')?.region === served?.region) b.hints.push({ from: home, to: lb.id });
  }
  privateDns(b);
  standalonePublicIps(b);
  const pes = q.all('privateEndpoint');
  const paas = q.all('paas');
  if (paas.length) {
    // In the last column, with the private DNS zones: both hang off the VNets on the right, one column for both.
    const zone = b.zone('zone:paas', 'Azure PaaS', ['reached over private endpoints'], 'last');
    for (const p of paas) b.leaf(p, { parent: zone });
  }
  // The two right-hand columns stacked, or side by side when that prints the picture larger.
  if (b.has('zone:paas') && b.has('zone:private-dns')) b.gridBySize(['zone:paas', 'zone:private-dns']);
  for (const e of m.edges) {
    // A chip that only names the line's class (a plain peering, a private endpoint's Private Link to its service)
    // says what the line's style and the legend say: left off, it gives back the column of width each took. A
    // peering with gateway transit keeps its chip.
    if (e.class === 'peering') b.modelEdge(unnamed(e, 'peering'), 'peering', { undirected: true });
    else if (e.class === 'hybrid') b.modelEdge(e, 'hybrid');
    else if (e.class === 'private-link' && pes.some((p) => p.id === e.from)) {
      b.modelEdge(unnamed(e, 'Private Link'), 'private-link');
    }
  }
  for (const fd of q.all('frontDoor')) frontDoorEdges(b, fd);
  for (const tm of q.all('trafficManager')) {
    // DNS-based: Traffic Manager answers with an endpoint; clients then connect to it directly.
    for (const ep of tm.endpoints) {
      const to = ep.target ? drawnOwner(b, ep.target) : undefined;
      if (!to) continue;
      b.edge({ id: `endpoint:${tm.id}->${to}`, from: tm.id, to, style: 'ingress', label: `endpoint ${ep.name}` });
    }
  }
  return b.build();
}

/** The edge without its label when the label is only `name` (the class its line style and the legend show). */
function unnamed(e: Edge, name: string): Edge {
  if (e.label !== name) return e;
  const rest = { ...e };
  delete rest.label;
  return rest;
}

/** Up to two names, then a count: "pe-a, pe-b" / "pe-a +3 more". */
function someNames(names: string[]): string {
  const shown = names.slice(0, names.length > 2 ? 1 : 2);
  return `${shown.join(', ')}${names.length > shown.length ? ` +${names.length - shown.length} more` : ''}`;
}

/**
 * Private DNS zones in a column of their own (they are global), each with what it serves (private endpoints, an
 * API server) and a link edge to every VNet it is linked to. A private cluster's AKS-managed (`system`) zone is
 * not a part of the design: its API server box names it instead, so a 20-spoke design does not grow 20 zone boxes.
 */
function privateDns(b: Builder): void {
  const q = b.q;
  const zones = q.all('privateDnsZone');
  if (zones.length === 0) return;
  const column = b.zone('zone:private-dns', 'Private DNS zones', ['global · linked to VNets'], 'last');
  const apiZoneOf = (c: ClusterResource): string | undefined =>
    c.apiServer.mode === 'public' ? undefined : c.apiServer.privateDnsZone;
  const link = (zone: string, vnet: Id): void => {
    if (!b.has(vnet)) return;
    b.edge({ id: `dns-link:${zone}->${vnet}`, from: zone, to: vnet, style: 'dns-link', undirected: true });
  };
  for (const z of zones) {
    const pes = q.all('privateEndpoint').filter((p) => p.dnsZone === z.id).map((p) => p.name);
    const apis = q.all('cluster').filter((c) => apiZoneOf(c) === z.id).map((c) => `${c.name} API server`);
    const serves = [...apis, ...pes];
    const d = [
      KIND_NAMES.privateDnsZone!,
      serves.length ? `for ${someNames(serves)}` : 'serves no declared endpoint',
      ...(z.links === undefined ? ['VNet links not stated'] : z.links.length === 0 ? ['linked to no VNet'] : []),
    ];
    b.leaf(z, { parent: column, details: d });
    for (const v of z.links ?? []) link(z.id, v);
  }
}

/** Public IP resources that nothing in the design uses, so "created but not attached" can be seen. */
function standalonePublicIps(b: Builder): void {
  const q = b.q;
  const used = new Set<Id>([
    ...q.all('applicationGateway').flatMap((a) => (a.publicIp ? [a.publicIp] : [])),
    ...q.all('natGateway').flatMap((n) => n.publicIpResources),
  ]);
  const loose = q.all('publicIp').filter((p) => !used.has(p.id));
  if (loose.length === 0) return;
  const column = b.zone('zone:public-ips', 'Public IP addresses', ['not attached to a drawn resource']);
  for (const p of loose) b.leaf(p, { parent: column });
}

/** The drawn box for an element: itself, or the Application Gateway whose box lists it (an attached public IP). */
function drawnOwner(b: Builder, id: Id): Id | undefined {
  return b.has(id) ? id : b.q.all('applicationGateway').find((a) => a.publicIp === id && b.has(a.id))?.id;
}

/**
 * Front Door's edges to its origins: the origins of its routes when the design states them, otherwise the next hop
 * after Front Door on every ingress path through it. Private Link origins are drawn as Private Link.
 */
function frontDoorEdges(b: Builder, fd: ResourceOf<'frontDoor'>): void {
  const q = b.q;
  const origins = frontDoorOrigins(fd);
  if (origins.length) {
    for (const o of origins) {
      const to = o.target ? drawnOwner(b, o.target) : undefined;
      if (!to) continue;
      const style = o.connection === 'private-link' ? 'private-link' : 'ingress';
      const label = `origin ${ORIGIN_KINDS[o.originKind]}${o.connection === 'private-link' ? '' : ' (public)'}`;
      b.edge({ id: `origin:${fd.id}->${to}`, from: fd.id, to, style, label });
    }
    return;
  }
  for (const p of q.model.ingressPaths) {
    const i = p.hops.findIndex((h) => h.resource === fd.id);
    const next = i >= 0 ? p.hops[i + 1] : undefined;
    if (!next || !b.has(next.resource)) continue;
    const kind = q.get(next.resource)?.kind;
    const style = kind === 'privateLinkService' ? 'private-link' : 'ingress';
    const label = `origin ${KIND_NAMES[kind ?? ''] ?? 'hop'}`;
    b.edge({ id: `origin:${fd.id}->${next.resource}`, from: fd.id, to: next.resource, style, label });
  }
}

/** What a hybrid connection's edges are labelled: the kind of link it is. */
function linkLabel(conn: ResourceOf<'hybridConnection'>): string {
  return conn.type === 'vpn' ? 'VPN' : 'ExpressRoute';
}

/**
 * Where a corporate client's traffic enters Azure: the VNet gateway its hybrid connection ends on. A flow view draws
 * the client → gateway leg (labelled VPN or ExpressRoute, as the control-plane view labels it) and the path's first
 * hop from the gateway; the model's path keeps client → hop 1, its first segment.
 */
export function hybridEntry(
  q: ModelQuery,
  p: IngressPathModel,
): { gateway: ResourceOf<'vnetGateway'>; label: string; connection: string } | undefined {
  const client = q.getAs(p.client, 'client');
  const conn = client?.via ? q.getAs(client.via, 'hybridConnection') : undefined;
  const gateway = conn ? q.getAs(conn.gateway, 'vnetGateway') : undefined;
  if (!conn || !gateway) return undefined;
  return { gateway, label: linkLabel(conn), connection: conn.name };
}

/**
 * Draws an ingress path's first segment (client → hop 1) through the gateway of the client's hybrid connection, when
 * it has one: client → gateway (the connection) and gateway → hop 1 (the model's edge, with its step). Returns
 * whether it did; the caller draws the segment as it is otherwise.
 */
export function drawHybridEntry(
  b: Builder,
  q: ModelQuery,
  p: IngressPathModel,
  e: Edge,
  opts: { edge?: Partial<ViewEdge>; gatewayDetails?: string[]; entryStep?: number } = {},
): boolean {
  const entry = e.from === p.client ? hybridEntry(q, p) : undefined;
  if (!entry) return false;
  const gw = b.leaf(entry.gateway, opts.gatewayDetails ? { details: opts.gatewayDetails } : {});
  b.edge({
    id: `${e.id}:entry`,
    from: e.from,
    to: gw,
    style: 'ingress',
    label: entry.label,
    ...(e.tls ? { tls: e.tls } : {}),
    ...(opts.entryStep !== undefined ? { step: opts.entryStep } : {}),
  });
  b.modelEdge(e, 'ingress', { from: gw, ...opts.edge });
  return true;
}

function ingress(q: ModelQuery): ViewGraph | undefined {
  const m = q.model;
  if (m.ingressPaths.length === 0) return undefined;
  const b = new Builder(q, 'ingress', multiRegion(q), false);
  const paths = byClusterOrder(q, m.ingressPaths);
  // A hop on several paths is one box: when the paths have it treat TLS differently (a controller terminating one
  // path's TLS and re-encrypting another's), the box says which path gets which instead of the first path's mode.
  const tlsByHop = new Map<string, Array<{ path: string; tls: string }>>();
  for (const p of paths) for (const h of p.hops) tlsByHop.set(h.resource, [...(tlsByHop.get(h.resource) ?? []), { path: p.name, tls: h.tls }]);
  const tlsOf = (resource: string, first: string): string => {
    const all = tlsByHop.get(resource) ?? [];
    const modes = [...new Set(all.map((x) => x.tls))];
    if (modes.length < 2) return first;
    return modes.map((t) => `${t} (${all.filter((x) => x.tls === t).map((x) => x.path).join(', ')})`).join(', ');
  };
  for (const p of paths) {
    const client = q.get(p.client);
    if (client) b.leaf(client, { parent: null, layer: 'first', style: 'actor' });
    for (const h of p.hops) {
      const r = q.get(h.resource);
      if (!r) continue;
      const d = details(r, q);
      const dnat = h.dnat ? ` · DNAT → ${h.dnat.translatedAddress ?? h.dnat.translatedFqdn ?? '?'}:${h.dnat.translatedPort}` : '';
      b.leaf(r, { details: [...d.slice(0, 1), `${h.layer7 ? 'L7' : 'L4'} · TLS ${tlsOf(h.resource, h.tls)}${h.waf ? ` · WAF ${h.waf}` : ''}${dnat}`] });
    }
    const c = q.getAs(p.cluster, 'cluster');
    if (c) b.cluster(c, false);
    const target = q.get(p.target);
    if (target) b.leaf(target);
  }
  for (const p of paths) {
    for (const id of p.edges) {
      const e = edgeIndex(m).byId.get(id);
      // The entry leg is part of the path's first segment: it carries that segment's number.
      if (e && !drawHybridEntry(b, q, p, e, e.step !== undefined ? { entryStep: e.step } : {})) b.modelEdge(e, 'ingress');
    }
  }
  return b.build();
}

function egress(q: ModelQuery): ViewGraph | undefined {
  const m = q.model;
  if (m.egressPaths.length === 0) return undefined;
  const b = new Builder(q, 'egress', multiRegion(q));
  const subnets = q.all('subnet');
  /**
   * A route table or NAT gateway is not inside any VNet: it is associated with subnets. It goes in a
   * VNet only when every subnet using it is in that VNet; a shared one stands outside and lists its
   * associations, so no spoke seems to carry another spoke's traffic.
   */
  const attachedVnet = (id: Id): string | undefined => {
    const users = subnets.filter((x) => x.routeTable === id || x.natGateway === id);
    const vnets = [...new Set(users.map((x) => x.vnet))];
    const v = vnets.length === 1 ? q.getAs(vnets[0], 'vnet') : undefined;
    return v ? b.vnet(v) : undefined;
  };
  const associations = (id: Id): string[] => {
    const users = subnets.filter((x) => x.routeTable === id || x.natGateway === id).map((x) => x.name);
    if (users.length <= 1) return [];
    const shown = users.slice(0, users.length > 3 ? 2 : 3);
    return [`on ${shown.join(', ')}${users.length > shown.length ? ` +${users.length - shown.length} more` : ''}`];
  };
  const paths = byClusterOrder(q, m.egressPaths);
  // The SNAT addresses a partner must allow-list, from the one model function the narrative also uses.
  const snat = snatAllowList(m);
  const snatDetails = (): string[] => {
    const out = [`${snatTotalText(snat)} for SNAT`];
    if (snat.sources.length > 1) {
      out.push(`(${snat.sources.map((s) => `${s.invalid ? 'invalid count' : s.addresses} via ${q.name(s.device)}`).join(', ')})`);
    }
    return out;
  };
  const snatLabel = (device: Id): string | undefined => {
    const s = snat.sources.find((x) => x.device === device);
    return s ? snatSourceText(s) : undefined;
  };
  // A destination several clusters use is drawn once; each cluster gets its own edge to it, named after it.
  const clusterCount = new Set(paths.map((p) => p.cluster)).size;
  const destKey = (d: ResourceOf<'egressDestination'>): string =>
    `${d.fqdn ?? d.cidr ?? d.name}|${d.protocol}|${d.port}`;
  const sharedDest = new Map<string, Id>();
  const destNode = new Map<Id, Id>();
  for (const p of paths) {
    for (const did of p.destinations) {
      const d = q.getAs(did, 'egressDestination');
      if (!d || d.privateEndpoint) continue;
      const k = destKey(d);
      if (!sharedDest.has(k)) sharedDest.set(k, d.id);
      destNode.set(d.id, sharedDest.get(k)!);
    }
  }
  const users = new Map<Id, Set<string>>();
  for (const [d, node] of destNode) {
    const set = users.get(node) ?? new Set<string>();
    set.add(q.name(q.getAs(d, 'egressDestination')?.cluster));
    users.set(node, set);
  }
  const usersOf = (node: Id): string[] => [...(users.get(node) ?? [])];
  for (const p of paths) {
    const c = q.getAs(p.cluster, 'cluster');
    if (!c) continue;
    b.cluster(c);
    // Pods with a way out of their own (a pod subnet's route or NAT gateway) leave through other boxes than the nodes.
    for (const hop of [...p.hops, ...(p.podEgress ?? []).flatMap((pe) => pe.hops)]) {
      if (hop === c.id) continue;
      const r = q.get(hop);
      if (!r) {
        b.node({ id: hop, kind: 'unknown', label: hop, details: [], style: 'leaf', icon: 'generic' });
        continue;
      }
      if (r.kind === 'internet') b.leaf(r, { parent: null, style: 'actor', details: snatDetails() });
      else if (r.kind === 'routeTable' || (r.kind === 'natGateway' && !r.parent)) {
        const parent = attachedVnet(r.id);
        // Inside one VNet the subnets already name the table; a shared table names its subnets.
        const assoc = parent ? [] : associations(r.id);
        const d = details(r, q);
        b.leaf(r, { ...(parent ? { parent } : { parent: null }), ...(assoc.length ? { details: [...d, ...assoc] } : {}) });
      } else b.leaf(r);
    }
    // The outbound type's NAT gateway that no node subnet is associated with carries nothing: drawn, without a line.
    const orphan = q.getAs(p.unassociatedNatGateway, 'natGateway');
    if (orphan) {
      const parent = attachedVnet(orphan.id);
      b.leaf(orphan, { ...(parent ? { parent } : { parent: null }), details: [...details(orphan, q), `not associated with ${c.name}'s node subnet: no egress`] });
    }
    const viaPe = new Map<Id, string[]>();
    for (const did of p.destinations) {
      const d = q.getAs(did, 'egressDestination');
      if (!d) continue;
      if (d.privateEndpoint) {
        const list = viaPe.get(d.privateEndpoint) ?? [];
        list.push(d.name);
        viaPe.set(d.privateEndpoint, list);
      } else if (destNode.get(d.id) === d.id) {
        const users = clusterCount > 1 ? usersOf(d.id) : [];
        const used = users.length > 1 ? { details: [...details(d, q), `used by ${someNames(users)}`] } : {};
        b.leaf(d, { parent: null, label: d.name, ...used });
      }
    }
    for (const pid of p.privateEndpoints) {
      const pe = q.getAs(pid, 'privateEndpoint');
      if (!pe) continue;
      b.leaf(pe);
      const target = q.getAs(pe.target, 'paas');
      if (target) {
        const zone = b.zone('zone:paas', 'Azure PaaS', ['private, no internet path']);
        const used = viaPe.get(pid);
        b.leaf(target, { parent: zone, details: [...details(target, q).slice(0, 1), ...(used ? [`for ${used.join(', ')}`] : [])] });
      }
    }
  }
  for (const p of paths) {
    for (const e of m.edges) {
      if (e.path !== p.id && !p.edges.includes(e.id)) continue;
      const shared = destNode.get(e.to);
      if (shared !== undefined) {
        // Per-cluster edge to a destination node that may stand for the same destination of several clusters.
        const who = clusterCount > 1 ? ` · ${q.name(p.cluster)}` : '';
        b.modelEdge(e, 'egress', { to: shared, ...(e.label || who ? { label: `${e.label ?? ''}${who}` } : {}) });
        continue;
      }
      const snatText = e.to === 'internet' ? snatLabel(e.from) : undefined;
      b.modelEdge(e, e.class === 'private-link' ? 'private-link' : 'egress', snatText ? { label: snatText } : {});
    }
    for (const pid of p.privateEndpoints) {
      for (const e of m.edges) if (e.class === 'private-link' && e.from === pid) b.modelEdge(e, 'private-link');
    }
  }
  return b.build();
}

/** Authorized IP ranges, one per line (at most five, then a count). */
function ranges(list: string[]): string[] {
  if (list.length === 0) return ['no authorized IP ranges'];
  const shown = list.slice(0, list.length > 5 ? 4 : 5);
  const out = shown.map((r, i) => (i === 0 ? `authorized: ${r}` : `  ${r}`));
  if (list.length > shown.length) out.push(`  +${list.length - shown.length} more`);
  return out;
}

function apiDetails(c: ClusterResource, q: ModelQuery): string[] {
  const a = c.apiServer;
  if (a.mode === 'public') return ['public endpoint', ...ranges(a.authorizedIpRanges)];
  const zone = (z: string) => (z === 'system' ? 'system-managed DNS zone' : z === 'none' ? 'no private DNS zone' : `DNS ${q.name(z)}`);
  if (a.mode === 'private') return ['private endpoint', `${zone(a.privateDnsZone)}${a.publicFqdn ? ' · public FQDN' : ''}`];
  return [
    `VNet-integrated (${q.name(a.subnet)})`,
    ...(a.private ? [zone(a.privateDnsZone)] : ['public endpoint', ...ranges(a.authorizedIpRanges)]),
  ];
}

const ACCESS_LABELS: Record<string, string> = {
  bastion: 'https:443 (Bastion)',
  jumpBox: 'ssh/rdp',
};

/** Paths (ingress or egress) in the design's cluster order, keeping their own order within a cluster. */
function byClusterOrder<P extends { cluster?: Id }>(q: ModelQuery, paths: P[]): P[] {
  const { rank } = partOrder(q);
  const r = (p: P): number => (p.cluster ? (rank.get(p.cluster) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);
  return [...paths].sort((a, b) => r(a) - r(b));
}

/** Flow views draw region boxes only when the design spans regions: there they tell the stamps apart. */
function multiRegion(q: ModelQuery): boolean {
  return new Set(q.all('vnet').map((v) => v.region)).size > 1;
}

function controlPlane(q: ModelQuery): ViewGraph | undefined {
  const m = q.model;
  const clusters = partOrder(q).clusters;
  if (clusters.length === 0) return undefined;
  const b = new Builder(q, 'control-plane', multiRegion(q), false);
  for (const c of clusters) {
    const api = q.getAs(c.apiServerEndpoint, 'apiServer');
    let apiId: string;
    if (api) {
      const parent = api.subnet || q.get(api.parent)?.kind === 'subnet' ? undefined : b.zone('zone:aks-managed', 'AKS-managed (Azure)');
      apiId = b.leaf(api, { label: api.name, details: apiDetails(c, q), ...(parent ? { parent } : {}) });
    } else {
      apiId = b.node({ id: c.apiServerEndpoint, kind: 'apiServer', label: `${c.name} API server`, details: apiDetails(c, q), style: 'leaf', icon: 'apiServer' });
    }
    b.cluster(c, false);
    for (const a of m.controlPlaneAccess.filter((x) => x.cluster === c.id)) {
      const onPath = (edgeIndex(m).byPath.get(a.id) ?? []).map((i) => m.edges[i]!);
      const modelEdges = onPath.filter((e) => e.class === 'management');
      const suffix = a.overInternet ? ' · internet' : '';
      let from = a.from;
      if (a.kind === 'gitops') {
        from = b.node({ id: `gitops:${a.id}`, kind: 'gitops', label: 'GitOps agent', details: a.description ? [a.description] : [], style: 'leaf', parent: c.id, icon: 'workload' });
      } else if (a.kind === 'command-invoke') {
        from = b.node({ id: `actor:${a.id}`, kind: 'actor', label: 'az aks command invoke', details: a.description ? [a.description] : [], style: 'actor', layer: 'first', icon: 'client:corporate' });
        // No network path into the VNet: the CLI calls the runCommand API of Azure Resource Manager, and AKS
        // runs the command in a pod inside the cluster (aks-command namespace), which talks to the API server.
        // https://learn.microsoft.com/rest/api/aks/managed-clusters/run-command
        const zone = b.zone('zone:azure-management', 'Azure management plane');
        const arm = b.node({ id: 'arm', kind: 'azureResourceManager', label: 'Azure Resource Manager', details: ['management.azure.com', 'runCommand API'], style: 'leaf', parent: zone });
        b.edge({ id: `access:${a.id}:arm`, from, to: arm, style: 'management', label: `https:443 (Azure API)${suffix}` });
        b.edge({ id: `access:${a.id}:run`, from: arm, to: c.id, style: 'management', label: 'runs a command pod' });
        continue;
      } else if (from !== c.id) {
        const r = q.get(from);
        if (r?.kind === 'client') b.leaf(r, { parent: null, style: 'actor', layer: 'first', details: a.description ? [a.description] : details(r, q) });
        else if (r) b.leaf(r);
      }
      if (a.kind === 'admins' && q.get(from)?.kind !== 'client') {
        const actor = b.node({ id: `actor:${a.id}`, kind: 'actor', label: 'Administrators', details: a.description ? [a.description] : [], style: 'actor', layer: 'first', icon: 'client:corporate' });
        // Through Bastion, administrators open a session to the VM that runs kubectl: actor → Bastion → VM → API server.
        const client = accessClient(q, a);
        const entry = client.kind === 'session' ? client.bastion : q.get(from);
        if (client.kind === 'session') b.leaf(client.bastion);
        // A hybrid connection is one or the other: name the one it is.
        const label = entry?.kind === 'hybridConnection' ? linkLabel(entry) : (ACCESS_LABELS[entry?.kind ?? ''] ?? 'access');
        b.edge({ id: `access:${a.id}:actor`, from: actor, to: entry?.id ?? from, style: 'management', label });
        if (client.kind === 'session') {
          const hop = modelEdges.find((x) => x.from === client.bastion.id && x.to === from);
          b.edge({ id: hop?.id ?? `access:${a.id}:session`, from: client.bastion.id, to: from, style: 'management', label: hop?.label ?? 'RDP/SSH session' });
        }
      }
      // Hybrid access enters through the VNet gateway the connection ends on, as the topology draws it:
      // client → connection → gateway (in the hub) → API server, never straight from the connection.
      const conn = q.getAs(from, 'hybridConnection');
      const gw = conn ? q.getAs(conn.gateway, 'vnetGateway') : undefined;
      if (conn && gw) {
        const gwId = b.leaf(gw);
        b.edge({ id: `access:${a.id}:gateway`, from, to: gwId, style: 'management', label: linkLabel(conn) });
        from = gwId;
      }
      const e = modelEdges.find((x) => x.from === a.from) ?? modelEdges[0];
      // The nodes' edge carries its label from the model (per API server mode), so the narrative and the drawing agree.
      // Over the internet the GitOps agent's box in the cluster says where it runs; the label keeps room for "· internet".
      const label = a.kind === 'gitops' ? (a.overInternet ? 'https:443' : 'https:443 (in-cluster)') : (e?.label ?? 'https:443');
      b.edge({ id: e && e.from === from ? e.id : `access:${a.id}`, from, to: apiId, style: 'management', label: label + suffix });
    }
  }
  return b.build();
}

/** Model edges by id and by path (positions, in model order), once per model: flow views look them up per path. */
interface EdgeIndex {
  byId: Map<string, Edge>;
  byPath: Map<string, number[]>;
}
const edgeIndexes = new WeakMap<Model, EdgeIndex>();
function edgeIndex(m: Model): EdgeIndex {
  let ix = edgeIndexes.get(m);
  if (ix) return ix;
  ix = { byId: new Map(), byPath: new Map() };
  m.edges.forEach((e, i) => {
    if (!ix!.byId.has(e.id)) ix!.byId.set(e.id, e);
    if (e.path !== undefined) ix!.byPath.set(e.path, [...(ix!.byPath.get(e.path) ?? []), i]);
  });
  edgeIndexes.set(m, ix);
  return ix;
}

/** Derives a view graph; undefined when the view has nothing to show. */
export function deriveView(model: Model, view: ViewName): ViewGraph | undefined {
  // The overview lives in its own module, which builds on this one: see diagram/derive.ts.
  const q = new ModelQuery(model);
  switch (view) {
    case 'topology': {
      const g = topology(q);
      return g.nodes.length ? g : undefined;
    }
    case 'ingress':
      return ingress(q);
    case 'egress':
      return egress(q);
    case 'control-plane':
      return controlPlane(q);
  }
}


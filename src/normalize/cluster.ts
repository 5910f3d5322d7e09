/** Clusters: container networking, node pools, API server exposure, outbound type, mesh and access paths. */
import type { ApiServerModel, ClusterNetworkModel, ClusterResource, CniMode, Id, OutboundModel, ServiceMeshModel } from '../model/types.js';
import { addressAt, parseCidr } from '../model/cidr.js';
import { CNI_MODES, PROTOCOLS } from '../model/kinds.js';
import { Fields, describe, isRecord } from './reader.js';
import { surgeNodesFor } from '../model/capacity.js';
import { DEFAULT_DNS_SERVICE_IP, DEFAULT_MAX_PODS, DEFAULT_MAX_SURGE, DEFAULT_NODE_COUNT, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, POD_CIDR_CNIS, REASONS } from './defaults.js';
import { isId, optional, stripUndefined } from './util.js';
import type { NormalizeContext } from './context.js';
import { clientElement } from './paths.js';

export function readCluster(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const region = f.str('region');
  const netF = f.sub('network', true) ?? new Fields({ cni: 'azure-overlay' }, f.at('network'), n.sink, id);
  const network = readClusterNetwork(n, netF);
  const poolsRaw = f.arr('nodePools', true);
  for (const p of poolsRaw) if (isRecord(p) && !n.scopes.has(p)) n.scopes.set(p, name);
  const pools = poolsRaw
    .map((p, i) => {
      const path = `${f.at('nodePools')}[${i}]`;
      const pid = n.ref(p, ['nodePool'], path);
      if (pid && isRecord(p) && !n.resources.has(pid)) readNodePool(n, pid, p, path, id, network.cni);
      return pid;
    })
    .filter(isId);
  if (poolsRaw.length > 0 && !pools.some((p) => (n.resources.get(p) as { mode?: string } | undefined)?.mode === 'system')) {
    f.issue('nodePools', `cluster "${name}" has no system node pool; AKS requires at least one`);
  }
  const apiServer = readApiServer(n, f, id);
  const outbound = readOutbound(n, f, id);
  const serviceMesh = readServiceMesh(n, f);
  const endpointId = `apiServer:${name}`;
  const c: ClusterResource = {
    id,
    kind: 'cluster',
    name,
    parent: n.region(region, f.path),
    source: { path: f.path },
    region,
    tier: f.oneOf('tier', ['Free', 'Standard', 'Premium'] as const) ?? f.defaulted('tier', 'Free', REASONS.tier),
    // Left out, AKS creates the cluster on its default version of that day, which then ages: the version that runs
    // is unknown, not "the newest".
    ...optional(
      'kubernetesVersion',
      f.has('kubernetesVersion') ? f.optStr('kubernetesVersion') : f.unknown('kubernetesVersion', 'control plane Kubernetes version'),
    ),
    ...optional('identity', readIdentity(f, apiServer)),
    network,
    nodePools: pools,
    apiServer,
    outbound,
    serviceMesh,
    managedVnet: f.bool('managedVnet') ?? false,
    addons: readAddons(f),
    networkIsolated: f.bool('networkIsolated') ?? false,
    ...(f.has('bootstrapRegistry')
      ? optional('bootstrapRegistry', n.ref(f.raw('bootstrapRegistry'), ['paas'], f.at('bootstrapRegistry')))
      : {}),
    ingressControllers: [],
    apiServerEndpoint: endpointId,
  };
  if (c.networkIsolated && outbound.type !== 'none' && outbound.type !== 'block' && f.has('outbound')) {
    f.issue('outbound', `a network-isolated cluster has outbound type "none" or "block", not "${outbound.type}"`);
  }
  // Outbound none or block exists only on a network-isolated cluster, so a design that uses one and leaves the flag out
  // has not said whether the cluster is isolated: that is unknown, not "not isolated".
  if ((outbound.type === 'none' || outbound.type === 'block') && !f.has('networkIsolated')) {
    f.unknown('networkIsolated', 'whether the cluster is network-isolated (networkIsolated)');
  }
  n.add(c);
  // Controllers declared on the cluster (possibly on no ingress path); path hops add theirs later.
  f.arr('ingressControllers').forEach((v, i) => {
    const ic = n.ref(v, ['ingressController'], `${f.at('ingressControllers')}[${i}]`);
    const r = ic ? n.resources.get(ic) : undefined;
    if (r?.kind === 'ingressController' && r.cluster !== id) f.issue('ingressControllers', `ingress controller "${r.name}" belongs to another cluster`);
    if (ic && !c.ingressControllers.includes(ic)) c.ingressControllers.push(ic);
  });
  const endpointSubnet =
    apiServer.mode === 'vnet-integration'
      ? apiServer.subnet
      : apiServer.mode === 'private'
        ? firstPoolSubnet(n, pools)
        : undefined;
  n.add({
    id: endpointId,
    kind: 'apiServer',
    name: `${name} API server`,
    parent: endpointSubnet,
    source: { path: f.has('apiServer') ? f.at('apiServer') : f.path },
    cluster: id,
    exposure: apiServer.mode === 'public' || (apiServer.mode === 'vnet-integration' && !apiServer.private) ? 'public' : 'private',
    ...optional('subnet', endpointSubnet),
  });
  // A private API server is reached only from connected networks: left out, how administrators and pipelines get
  // there is unknown (rules ask for it), not "no way in". A stated list, even an empty one, is the design's answer.
  const privateEndpoint = apiServer.mode === 'private' || (apiServer.mode === 'vnet-integration' && apiServer.private);
  if (privateEndpoint && !f.has('controlPlaneAccess')) {
    f.unknown('controlPlaneAccess', 'access paths of administrators and deployments to the private API server');
  }
  readControlPlane(n, f, c);
  f.arr('egressDestinations').forEach((d, i) => readEgressDestination(n, d, `${f.at('egressDestinations')}[${i}]`, c));
}

/**
 * The control plane's identity. Left out, it is unknown where it matters (a private DNS zone of the design's own, which
 * needs a user-assigned identity with two roles), and simply absent elsewhere: no rule reads it there.
 */
function readIdentity(f: Fields, apiServer: ApiServerModel): ClusterResource['identity'] {
  const g = f.sub('identity');
  if (!g) {
    const ownZone =
      (apiServer.mode === 'private' || (apiServer.mode === 'vnet-integration' && apiServer.private)) &&
      apiServer.privateDnsZone !== 'system' &&
      apiServer.privateDnsZone !== 'none';
    if (ownZone && !f.has('identity')) f.unknown('identity', 'the control plane identity (identity: user-assigned, with its roles)');
    return undefined;
  }
  const type = g.reqOneOf('type', ['system-assigned', 'user-assigned', 'service-principal'] as const);
  if (!g.has('roles')) return { type };
  const roles = g.strArr('roles').filter((r, i) => {
    if (r === 'Network Contributor' || r === 'Private DNS Zone Contributor') return true;
    g.issue(`roles`, `roles[${i}] must be "Network Contributor" or "Private DNS Zone Contributor", got "${r}"`);
    return false;
  }) as Array<'Network Contributor' | 'Private DNS Zone Contributor'>;
  return { type, roles: [...new Set(roles)].sort() };
}

/**
 * Where AKS puts a private cluster's API server endpoint: the subnet of the first node pool in the cluster's
 * configuration, whatever its mode (https://learn.microsoft.com/azure/aks/private-clusters). Reordering the pools can
 * move the endpoint on the next stop/start.
 */
export function firstPoolSubnet(n: NormalizeContext, pools: Id[]): Id | undefined {
  const r = pools[0] === undefined ? undefined : n.resources.get(pools[0]);
  return r?.kind === 'nodePool' ? r.subnet || undefined : undefined;
}

export function readClusterNetwork(n: NormalizeContext, nf: Fields): ClusterNetworkModel {
  const cni = nf.reqOneOf('cni', CNI_MODES);
  const dataplane = nf.oneOf('dataplane', ['azure', 'cilium'] as const) ?? nf.defaulted('dataplane', 'azure', REASONS.dataplane);
  const serviceCidr = nf.optStr('serviceCidr') ?? nf.defaulted('serviceCidr', DEFAULT_SERVICE_CIDR, REASONS.serviceCidr);
  const sc = parseCidr(serviceCidr);
  let dnsServiceIP = nf.optStr('dnsServiceIP');
  if (dnsServiceIP === undefined) {
    const value = sc.ok && serviceCidr !== DEFAULT_SERVICE_CIDR ? addressAt(sc.range, 10) : DEFAULT_DNS_SERVICE_IP;
    dnsServiceIP = nf.defaulted('dnsServiceIP', value, REASONS.dnsServiceIP);
  }
  let podCidr: string | undefined;
  if ((POD_CIDR_CNIS as readonly string[]).includes(cni)) {
    podCidr = nf.optStr('podCidr') ?? (cni === 'byo' ? undefined : nf.defaulted('podCidr', DEFAULT_POD_CIDR, REASONS.podCidr));
  } else if (nf.has('podCidr')) {
    nf.issue('podCidr', `"podCidr" does not apply to ${cni}: pods take their addresses from a subnet`);
  }
  const routeTable = cni === 'kubenet' && nf.has('routeTable') ? n.ref(nf.raw('routeTable'), ['routeTable'], nf.at('routeTable')) : undefined;
  return stripUndefined({
    cni,
    dataplane,
    podCidr,
    serviceCidr,
    dnsServiceIP,
    networkPolicy: nf.oneOf('networkPolicy', ['none', 'azure', 'calico', 'cilium'] as const) ?? nf.defaulted('networkPolicy', 'none', REASONS.networkPolicy),
    defaultDeny: nf.has('defaultDeny') ? nf.bool('defaultDeny') : nf.unknown('defaultDeny', 'whether workload namespaces get a default-deny policy', 'no default deny'),
    fqdnFiltering: nf.bool('fqdnFiltering'),
    loadBalancerSku: nf.oneOf('loadBalancerSku', ['standard', 'basic'] as const) ?? nf.defaulted('loadBalancerSku', 'standard', REASONS.loadBalancerSku),
    loadBalancerBackendPoolType: nf.oneOf('loadBalancerBackendPoolType', ['nodeIPConfiguration', 'nodeIP'] as const),
    routeTable,
  });
}

export function readNodePool(n: NormalizeContext, id: Id, raw: Record<string, unknown>, path: string, cluster: Id, cni: CniMode): void {
  const f = new Fields(raw, path, n.sink, id);
  const name = typeof raw.name === 'string' ? raw.name : 'pool';
  const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
  const podSubnetCni = cni === 'azure-podsubnet-dynamic' || cni === 'azure-podsubnet-static';
  // Resolved even where it does not apply, so the subnet is still checked; left out of the model then, as podCidr is.
  let podSubnet = f.has('podSubnet') ? n.ref(f.raw('podSubnet'), ['subnet'], f.at('podSubnet')) : undefined;
  if (podSubnetCni && !f.has('podSubnet')) {
    f.issue('podSubnet', `node pool "${name}" needs a podSubnet with ${cni}`);
  } else if (!podSubnetCni && cni !== 'byo' && f.has('podSubnet')) {
    // Mirrors podCidr with a pod-subnet CNI: AKS takes a pod subnet only with Azure CNI pod subnet.
    const from = cni === 'azure-nodesubnet' ? 'the node subnet' : 'the cluster\'s podCidr';
    f.issue('podSubnet', `"podSubnet" does not apply to ${cni}: pods take their addresses from ${from}`);
    podSubnet = undefined;
  }
  const minCount = f.num('minCount', { min: 0, max: 5000 });
  const maxCount = f.num('maxCount', { min: 0, max: 5000 });
  const autoscaling = minCount !== undefined || maxCount !== undefined;
  // A maximum alone is a common way to write an autoscaled pool; its minimum is then unknown.
  if (minCount !== undefined && maxCount === undefined && !f.has('maxCount')) {
    f.issue('maxCount', 'autoscaling needs maxCount when minCount is given');
  }
  if (autoscaling && minCount === undefined && !f.has('minCount')) f.unknown('minCount', 'autoscaler minimum node count');
  if (minCount !== undefined && maxCount !== undefined && minCount > maxCount) {
    f.issue('minCount', `minCount ${minCount} is greater than maxCount ${maxCount}`);
  }
  let count = f.num('count', { min: 0, max: 5000 });
  if (count === undefined) {
    if (minCount !== undefined) count = f.defaulted('count', minCount, REASONS.countFromMin);
    else if (maxCount !== undefined && maxCount < DEFAULT_NODE_COUNT) count = f.defaulted('count', maxCount, REASONS.countFromMax);
    else count = f.defaulted('count', DEFAULT_NODE_COUNT, REASONS.count);
  }
  const maxNodes = autoscaling ? Math.max(maxCount ?? count, count) : count;
  // Values outside AKS's 10 to 250 are findings of cni/max-pods-range (at the line), not load errors.
  const maxPods = f.num('maxPods', { min: 1 }) ?? f.defaulted('maxPods', DEFAULT_MAX_PODS[cni], REASONS.maxPods);
  const surgeRaw = f.raw('maxSurge');
  let maxSurge: string;
  if (surgeRaw === undefined) maxSurge = f.defaulted('maxSurge', DEFAULT_MAX_SURGE, REASONS.maxSurge);
  else if (typeof surgeRaw === 'number' && Number.isInteger(surgeRaw) && surgeRaw >= 0) maxSurge = String(surgeRaw);
  else if (typeof surgeRaw === 'string' && /^\d+(\.\d+)?%$/.test(surgeRaw)) maxSurge = surgeRaw;
  else {
    f.invalid('maxSurge', `"maxSurge" must be a node count or a percentage like "33%", got ${describe(surgeRaw)}`);
    maxSurge = DEFAULT_MAX_SURGE;
  }
  const surgeNodes = surgeNodesFor(maxSurge, maxNodes);
  const zones = f.optZones('zones');
  n.add({
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
    ...optional('zones', zones),
    subnet: subnet ?? '',
    ...optional('podSubnet', podSubnet),
    maxSurge,
    surgeNodes,
    spot: f.bool('spot') ?? f.defaulted('spot', false, REASONS.spot),
    nodePublicIp: f.bool('nodePublicIp') ?? f.defaulted('nodePublicIp', false, REASONS.nodePublicIp),
    ...optional('osSku', readOsSku(f)),
    ...optional('orchestratorVersion', readVersion(f, 'orchestratorVersion')),
    ...optional('maxUnavailable', readCountOrPercent(f, 'maxUnavailable')),
  });
}

export function readDnsZoneMode(n: NormalizeContext, f: Fields, key: string): 'system' | 'none' | Id {
  const v = f.raw(key);
  if (v === undefined) return f.defaulted(key, 'system', REASONS.privateDnsZone);
  if (v === 'system' || v === 'none') return v;
  return n.ref(v, ['privateDnsZone'], f.at(key)) ?? 'system';
}

export function readApiServer(n: NormalizeContext, f: Fields, cluster: Id): ApiServerModel {
  const a = f.sub('apiServer');
  if (!a) {
    f.defaulted('apiServer.mode', 'public', REASONS.apiServer);
    return { mode: 'public', authorizedIpRanges: [] };
  }
  const mode = a.reqOneOf('mode', ['public', 'private', 'vnet-integration'] as const);
  const ranges = a.strArr('authorizedIpRanges');
  void cluster;
  if (mode === 'public') {
    const konnectivity = a.bool('konnectivity');
    return { mode, authorizedIpRanges: ranges, ...(konnectivity !== undefined ? { konnectivity } : {}) };
  }
  if (mode === 'private') {
    if (ranges.length) a.issue('authorizedIpRanges', 'authorized IP ranges apply only to a public API server; a private cluster rejects them');
    return {
      mode,
      privateDnsZone: readDnsZoneMode(n, a, 'privateDnsZone'),
      publicFqdn: a.bool('publicFqdn') ?? a.defaulted('publicFqdn', true, REASONS.publicFqdn),
    };
  }
  const subnet = n.ref(a.raw('subnet'), ['subnet'], a.at('subnet'));
  const isPrivate = a.bool('private') ?? a.defaulted('private', false, REASONS.apiServerPrivate);
  // A private VNet-integrated API server has no public endpoint to restrict, as with mode 'private'.
  if (isPrivate && ranges.length) a.issue('authorizedIpRanges', 'authorized IP ranges apply only to a public API server; a private cluster rejects them');
  return {
    mode,
    subnet: subnet ?? '',
    private: isPrivate,
    authorizedIpRanges: isPrivate ? [] : ranges,
    privateDnsZone: isPrivate ? readDnsZoneMode(n, a, 'privateDnsZone') : 'none',
  };
}

export function readOutbound(n: NormalizeContext, f: Fields, cluster: Id): OutboundModel {
  const o = f.sub('outbound');
  if (!o) {
    f.defaulted('outbound.type', 'loadBalancer', REASONS.outbound);
    f.defaulted('outbound.outboundIps', 1, REASONS.outboundIps);
    return { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 0, idleTimeoutMinutes: 30 };
  }
  const type = o.reqOneOf('type', ['loadBalancer', 'managedNATGateway', 'managedNATGatewayV2', 'userAssignedNATGateway', 'userDefinedRouting', 'none', 'block'] as const);
  switch (type) {
    case 'loadBalancer':
      return {
        type,
        outboundIps: o.num('outboundIps', { min: 1, max: 100 }) ?? o.defaulted('outboundIps', 1, REASONS.outboundIps),
        // The cluster's own API (ManagedClusterLoadBalancerProfile) takes 0–64,000 ports per node and 4–120 idle
        // minutes, and the ports must be a multiple of 8 (configure-load-balancer-standard). The design states that
        // profile, so its range applies, not the 4–100 the load balancer article gives for rules made directly.
        allocatedOutboundPorts:
          o.num('allocatedOutboundPorts', { min: 0, max: 64000, multipleOf: 8 }) ?? o.defaulted('allocatedOutboundPorts', 0, REASONS.allocatedOutboundPorts),
        idleTimeoutMinutes: o.num('idleTimeoutMinutes', { min: 4, max: 120 }) ?? o.defaulted('idleTimeoutMinutes', 30, REASONS.lbIdleTimeout),
      };
    case 'managedNATGateway':
    case 'managedNATGatewayV2':
      return {
        type,
        outboundIps: o.num('outboundIps', { min: 1, max: 16 }) ?? o.defaulted('outboundIps', 1, REASONS.outboundIps),
        idleTimeoutMinutes: o.num('idleTimeoutMinutes', { min: 4, max: 120 }) ?? o.defaulted('idleTimeoutMinutes', 4, REASONS.natIdleTimeout),
      };
    case 'userAssignedNATGateway':
      return { type, natGateway: n.ref(o.raw('natGateway'), ['natGateway'], o.at('natGateway')) ?? '' };
    case 'userDefinedRouting':
      return { type, via: n.ref(o.raw('via'), ['azureFirewall', 'nva'], o.at('via')) ?? '' };
    default:
      void cluster;
      return { type };
  }
}

export function readServiceMesh(n: NormalizeContext, f: Fields): ServiceMeshModel {
  const m = f.sub('serviceMesh');
  if (!m) {
    // The add-on's revision is only there when the add-on is: "no mesh" would contradict the revision rules read.
    if (typeof f.sub('addons')?.value.istioRevision === 'string') {
      const kind = f.defaulted('serviceMesh.kind', 'istio-addon', REASONS.meshFromIstioRevision);
      return { kind, mtls: f.unknown('serviceMesh.mtls', 'mesh-wide mTLS mode') };
    }
    return { kind: f.defaulted('serviceMesh.kind', 'none', REASONS.serviceMesh) };
  }
  const kind = m.reqOneOf('kind', ['none', 'istio-addon', 'self-managed'] as const);
  const modes = ['STRICT', 'PERMISSIVE', 'DISABLE'] as const;
  if (kind === 'none') return { kind };
  const mtls = m.has('mtls') ? m.oneOf('mtls', modes) : m.unknown('mtls', 'mesh-wide mTLS mode');
  if (kind === 'istio-addon') {
    const revision = m.optStr('revision');
    if (revision !== undefined && !ASM_REVISION.test(revision)) m.issue('revision', `"revision" must look like "asm-1-25", got "${revision}"`);
    return stripUndefined({ kind, mtls, revision });
  }
  return stripUndefined({ kind, product: m.str('product'), mtls });
}

export function readControlPlane(n: NormalizeContext, f: Fields, c: ClusterResource): void {
  const endpoint = c.apiServerEndpoint;
  const publicEndpoint = c.apiServer.mode === 'public' || (c.apiServer.mode === 'vnet-integration' && !c.apiServer.private);
  // With a public endpoint, kubelet and in-cluster agents call the public FQDN from the cluster's egress IPs (which is
  // why authorized IP ranges must include them); a VNet-integrated API server is reached on its internal IP even when
  // its public endpoint is on. https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
  const inClusterOverInternet = c.apiServer.mode === 'public';
  const nodesId = `access:${c.name}/nodes`;
  const nodes = nodeAccess(c);
  n.access.push({
    id: nodesId,
    cluster: c.id,
    kind: 'nodes',
    from: c.id,
    overInternet: inClusterOverInternet,
    description: nodes.description,
    source: { path: f.path },
  });
  n.edge({ from: c.id, to: endpoint, class: 'management', protocol: 'tcp', port: 443, label: nodes.label, source: { path: f.path }, path: nodesId });
  f.arr('controlPlaneAccess').forEach((a, i) => {
    const path = `${f.at('controlPlaneAccess')}[${i}]`;
    if (!isRecord(a)) {
      n.schema(path, `an access path must be an object, got ${describe(a)}`);
      return;
    }
    const af = new Fields(a, path, n.sink, c.id);
    const kind = af.reqOneOf('kind', ['admins', 'cicd', 'gitops', 'command-invoke'] as const);
    const aid = `access:${c.name}/${kind}-${i + 1}`;
    const description = af.optStr('description');
    let from: Id = c.id;
    let via: Id | undefined;
    let overInternet = false;
    let tool: 'flux' | 'argocd' | 'other' | undefined;
    // Bastion only opens an RDP/SSH session to a VM; kubectl runs on that VM, never on Bastion.
    // https://learn.microsoft.com/azure/bastion/vnet-peering
    let session: Id | undefined;
    let hostUnstated = false;
    if (kind === 'admins') {
      const v = a.via;
      if (v === 'internet') {
        const client = clientElement(n, { kind: 'internet', label: 'Administrators' }, `${path}.via`, `admins-${c.name}`);
        from = client;
        overInternet = true;
      } else {
        const target = n.ref(v, ['bastion', 'jumpBox', 'hybridConnection'], af.at('via'));
        if (target) {
          from = target;
          via = target;
          overInternet = publicEndpoint;
        }
        const bastion = target !== undefined && n.resources.get(target)?.kind === 'bastion';
        if (af.has('jumpBox')) {
          if (target !== undefined && !bastion) af.issue('jumpBox', '"jumpBox" names the VM reached through a Bastion; "via" is not a Bastion');
          const vm = n.ref(a.jumpBox, ['jumpBox'], af.at('jumpBox'));
          if (vm && bastion) {
            from = vm;
            session = vm;
          }
        } else if (bastion) {
          af.unknown('jumpBox', `which VM administrators open through Bastion ${n.resources.get(target)?.name ?? target} and run kubectl on`);
          hostUnstated = true;
        }
      }
    } else if (kind === 'cicd') {
      const target = n.ref(a.via, ['buildAgents'], af.at('via'));
      if (target) {
        from = target;
        const agents = n.resources.get(target);
        overInternet = publicEndpoint || (agents?.kind === 'buildAgents' && agents.hosting === 'microsoft-hosted');
      }
    } else if (kind === 'gitops') {
      tool = af.reqOneOf('tool', ['flux', 'argocd', 'other'] as const);
      overInternet = inClusterOverInternet;
    }
    n.access.push(stripUndefined({ id: aid, cluster: c.id, kind, from, via, tool, overInternet, description, source: { path } }));
    if (session && via) {
      n.edge({ from: via, to: session, class: 'management', protocol: 'tcp', label: 'RDP/SSH session', source: { path }, path: aid });
    }
    if (from !== c.id || kind === 'gitops' || kind === 'command-invoke') {
      const label =
        kind === 'gitops'
          ? 'GitOps (in-cluster)'
          : kind === 'command-invoke'
            ? 'command invoke'
            : hostUnstated
              ? 'kubectl host not stated'
              : 'kubectl :443';
      n.edge({ from, to: endpoint, class: 'management', protocol: 'https', port: 443, label, source: { path }, path: aid });
    }
  });
}

/**
 * How the nodes reach the API server, per mode. Kubelet calls the API server itself; the konnectivity tunnel the
 * nodes open carries the other direction (API server → kubelet: exec, logs, webhooks), so it does not name this edge.
 * With VNet Integration there is no tunnel: nodes reach the API server's internal IP directly.
 * https://learn.microsoft.com/azure/aks/api-server-vnet-integration
 */
function nodeAccess(c: ClusterResource): { label: string; description: string } {
  const a = c.apiServer;
  const tunnel = "; the konnectivity tunnel the nodes open carries the API server's calls back to them";
  switch (a.mode) {
    case 'vnet-integration':
      return { label: 'kubelet :443 (internal IP)', description: 'kubelet reaches the API server directly on its VNet-integrated internal IP, with no tunnel' };
    case 'private':
      return { label: 'kubelet :443 (private IP)', description: `kubelet reaches the API server through its private endpoint${tunnel}` };
    case 'public':
      return {
        // The drawing adds "· internet"; an edge label longer than this is cut short.
        label: 'kubelet :443',
        description: `kubelet reaches the API server's public endpoint from the cluster's egress IPs${a.konnectivity === false ? '' : tunnel}`,
      };
  }
}

export function readEgressDestination(n: NormalizeContext, d: unknown, path: string, c: ClusterResource): void {
  if (!isRecord(d)) {
    n.schema(path, `an egress destination must be an object, got ${describe(d)}`);
    return;
  }
  // Without a name there is no element of its own: the problem is the cluster's.
  const name = new Fields(d, path, n.sink, c.id).str('name');
  const id = `egressDestination:${c.name}/${name}`;
  if (n.resources.has(id)) {
    n.sink.issues.push({ ruleId: 'structure/duplicate-name', message: `egress destination "${name}" is listed twice for cluster ${c.name}`, path: `${path}.name` });
    return;
  }
  // A field stated wrongly (a port given as text) is the destination's: it holds the verdicts on the destination that
  // read it, not every verdict on the cluster.
  const f = new Fields(d, path, n.sink, id);
  n.ownElements.set(d, id);
  const pe = f.has('privateEndpoint') ? n.ref(f.raw('privateEndpoint'), ['privateEndpoint'], f.at('privateEndpoint')) : undefined;
  if (!f.has('fqdn') && !f.has('cidr') && !pe) f.issue(undefined, `egress destination "${name}" needs an fqdn, a cidr or a privateEndpoint`);
  const cidrText = f.optStr('cidr');
  n.add({
    id,
    kind: 'egressDestination',
    name,
    parent: c.id,
    source: { path },
    cluster: c.id,
    ...optional('fqdn', f.optStr('fqdn')),
    ...optional('cidr', cidrText),
    port: f.num('port', { min: 1, max: 65535 }) ?? (f.has('port') ? 443 : f.defaulted('port', 443, REASONS.egressPort)),
    protocol: f.oneOf('protocol', PROTOCOLS) ?? (f.has('protocol') ? 'https' : f.defaulted('protocol', 'https', REASONS.egressPort)),
    category: f.oneOf('category', ['aks-required', 'container-registry', 'package-feed', 'identity', 'monitoring', 'saas', 'partner', 'azure-paas', 'other'] as const) ?? 'other',
    ...optional('privateEndpoint', pe),
  });
}

const OS_SKUS = ['Ubuntu', 'AzureLinux', 'AzureLinux3', 'Ubuntu2204', 'Ubuntu2404', 'Windows2019', 'Windows2022', 'Windows2025', 'WindowsAnnual'];

function readOsSku(f: Fields): string | undefined {
  const v = f.optStr('osSku');
  if (v !== undefined && !OS_SKUS.includes(v)) f.issue('osSku', `"osSku" must be one of ${OS_SKUS.map((s) => `"${s}"`).join(', ')}, got "${v}"`);
  const os = f.raw('os');
  if (v?.startsWith('Windows') && os !== 'Windows') f.issue('osSku', `OS SKU ${v} needs os: 'Windows'`);
  if (v && !v.startsWith('Windows') && os === 'Windows') f.issue('osSku', `OS SKU ${v} is a Linux SKU but os is 'Windows'`);
  return v;
}

/** A Kubernetes version written `1.33` or `1.33.2`. */
function readVersion(f: Fields, key: string): string | undefined {
  const v = f.optStr(key);
  if (v !== undefined && !/^1\.\d{1,2}(\.\d{1,3})?$/.test(v)) f.issue(key, `"${key}" must be a Kubernetes version like "1.33" or "1.33.2", got "${v}"`);
  return v;
}

/** A node count (`1`) or a percentage (`'10%'`), as written. */
function readCountOrPercent(f: Fields, key: string): string | undefined {
  const v = f.raw(key);
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\d+(\.\d+)?%$/.test(v) && parseFloat(v) <= 100) return v;
  f.issue(key, `"${key}" must be a node count or a percentage like "10%", got ${describe(v)}`);
  return undefined;
}

const ASM_REVISION = /^asm-1-\d{1,2}$/;

function readAddons(f: Fields): ClusterResource['addons'] {
  const a = f.sub('addons');
  const mesh = f.sub('serviceMesh');
  const meshRevision = mesh?.value.kind === 'istio-addon' && typeof mesh.value.revision === 'string' ? mesh.value.revision : undefined;
  const istioRevision = a?.optStr('istioRevision');
  if (istioRevision !== undefined && !ASM_REVISION.test(istioRevision)) {
    a?.issue('istioRevision', `"istioRevision" must look like "asm-1-25", got "${istioRevision}"`);
  }
  else if (istioRevision && meshRevision && istioRevision !== meshRevision) {
    a?.issue('istioRevision', `addons.istioRevision ${istioRevision} differs from serviceMesh.revision ${meshRevision}`);
  }
  const meshKind = mesh?.value.kind;
  if (istioRevision !== undefined && typeof meshKind === 'string' && meshKind !== 'istio-addon') {
    a?.issue(
      'istioRevision',
      `addons.istioRevision ${istioRevision} means the Istio-based service mesh add-on is installed, ` +
        `but serviceMesh.kind is "${meshKind}"; state kind 'istio-addon' or remove the revision`,
    );
  }
  const revision = istioRevision ?? meshRevision;
  return stripUndefined({
    openServiceMesh: a?.bool('openServiceMesh') ?? false,
    aadPodIdentity: a?.bool('aadPodIdentity') ?? false,
    httpApplicationRouting: a?.bool('httpApplicationRouting') ?? false,
    appRouting: a?.bool('appRouting') ?? false,
    istioRevision: revision,
  });
}

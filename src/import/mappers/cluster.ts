/** Mapper for AKS managed clusters and their agent pools. */
import type { Mapper, ImportContext } from '../context.js';
import { regionOf, zonesOf } from '../context.js';
import { Decl, type Value } from '../design.js';
import { lastName, type AzureResource, type JNode } from '../resource.js';
import { applianceByIp } from './network.js';
import { cidr, containsIp } from '../../model/cidr.js';

export const clusterMapper: Mapper = {
  type: 'microsoft.containerservice/managedclusters',
  command: 'az aks show',
  map(ctx, r) {
    const n = r.node;
    const region = regionOf(r.location);
    if (!region) throw n.error('the cluster has no "location"');
    const np = n.at('networkProfile');
    if (!np) throw n.error('the cluster has no networkProfile');
    const d = ctx.design.add('cluster', r.name, [r.id], `cluster:${r.name}`);
    d.comments.push(r.id);
    const inline = n.list('agentPoolProfiles');
    const names = new Set(inline.map((p) => (p.str('name') ?? '').toLowerCase()));
    const children = ctx
      .children('microsoft.containerservice/managedclusters/agentpools', r.id)
      .filter((c) => !names.has(c.name.toLowerCase()));
    children.forEach((c) => ctx.use(c));
    const poolNodes = [...inline, ...children.map((c) => c.node)];
    if (poolNodes.length === 0) throw n.error('the cluster has no agentPoolProfiles');
    const podSubnet = poolNodes.some((p) => p.str('podSubnetID'));
    const pools = poolNodes.map((p) => pool(ctx, r, p, children.find((c) => c.node === p)?.name));
    const tier = n.str('sku.tier');
    const version = n.str('kubernetesVersion')?.split('.').slice(0, 2).join('.');
    d.spec = {
      name: r.name,
      region,
      ...(tier === 'Free' || tier === 'Standard' || tier === 'Premium' ? { tier } : {}),
      ...(version ? { kubernetesVersion: version } : {}),
      ...identityField(ctx, r),
      network: network(ctx, r.id, np, podSubnet, poolNodes),
      nodePools: pools,
      apiServer: apiServer(ctx, n),
      ...outboundField(ctx, r, np, pools),
    };
    const mesh = istio(ctx, r);
    const addons = addonsOf(n, mesh.revision);
    const isolated = networkIsolated(n);
    d.spec = {
      ...d.spec,
      ...(mesh.value ? { serviceMesh: mesh.value } : {}),
      ...(addons ? { addons } : {}),
      ...(isolated !== undefined ? { networkIsolated: isolated } : {}),
    };
    return d;
  },
};

/**
 * The control plane's identity: a managed identity (`identity.type`) or, when `servicePrincipalProfile.clientId` is
 * not `msi`, a service principal. Role assignments live elsewhere in Azure, so `roles` is left unknown with a TODO.
 */
function identityField(ctx: ImportContext, r: AzureResource): { identity?: Value } {
  const n = r.node;
  const client = n.str('servicePrincipalProfile.clientId');
  const kind = n.str('identity.type')?.toLowerCase();
  const type =
    client && client.toLowerCase() !== 'msi'
      ? 'service-principal'
      : kind === 'userassigned'
        ? 'user-assigned'
        : kind === 'systemassigned'
          ? 'system-assigned'
          : undefined;
  if (!type) return {};
  if (type !== 'system-assigned') {
    ctx.todos.push(`${r.name}: the roles granted to the cluster's identity are not in its JSON; add identity.roles by hand`);
  }
  return { identity: { type } };
}

/**
 * The Istio add-on: its revision is in Azure's JSON (`serviceMeshProfile.istio.revisions`), its mTLS
 * mode is not (a PeerAuthentication inside the cluster), so `mtls` is left unknown with a TODO.
 */
function istio(ctx: ImportContext, r: AzureResource): { value?: Value; revision?: string } {
  const n = r.node;
  if (n.str('serviceMeshProfile.mode')?.toLowerCase() !== 'istio') return {};
  const revisions = n.strings('serviceMeshProfile.istio.revisions');
  if (revisions.length > 1) {
    ctx.note(
      r.id,
      'serviceMeshProfile.istio.revisions',
      `${revisions.join(', ')} are installed (a canary upgrade); the DSL takes one revision`,
    );
  }
  const revision = revisions.length === 1 ? revisions[0] : undefined;
  ctx.todos.push(`${r.name}: the Istio add-on's mTLS mode is not in Azure's JSON; add serviceMesh.mtls by hand`);
  return { value: { kind: 'istio-addon', ...(revision ? { revision } : {}) }, revision };
}

/** Add-ons Azure's JSON lists (an add-on it does not list stays unknown rather than "off"). */
function addonsOf(n: JNode, istioRevision: string | undefined): Record<string, Value> | undefined {
  const profile = (name: string) => n.at(`addonProfiles.${name}`)?.bool('enabled');
  const osm = profile('openServiceMesh');
  const http = profile('httpApplicationRouting');
  const pod = n.bool('podIdentityProfile.enabled');
  const web = n.bool('ingressProfile.webAppRouting.enabled');
  const out: Record<string, Value> = {
    ...(osm !== undefined ? { openServiceMesh: osm } : {}),
    ...(pod !== undefined ? { aadPodIdentity: pod } : {}),
    ...(http !== undefined ? { httpApplicationRouting: http } : {}),
    ...(web !== undefined ? { appRouting: web } : {}),
    ...(istioRevision ? { istioRevision } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A network-isolated cluster pulls its bootstrap images from a private ACR cache
 * (`bootstrapProfile.artifactSource: Cache`) and has outbound type none or block.
 */
function networkIsolated(n: JNode): boolean | undefined {
  const source = n.str('bootstrapProfile.artifactSource');
  if (!source) return undefined;
  const outbound = n.str('networkProfile.outboundType');
  return source === 'Cache' && (outbound === 'none' || outbound === 'block');
}

function network(ctx: ImportContext, id: string, np: JNode, podSubnet: boolean, pools: JNode[]): Record<string, Value> {
  const plugin = np.str('networkPlugin')?.toLowerCase();
  const mode = np.str('networkPluginMode')?.toLowerCase();
  const staticAlloc = pools.some((p) => p.str('podIPAllocationMode')?.toLowerCase() === 'staticblock');
  const cni =
    plugin === 'kubenet'
      ? 'kubenet'
      : plugin === 'none'
        ? 'byo'
        : mode === 'overlay'
          ? 'azure-overlay'
          : podSubnet
            ? staticAlloc
              ? 'azure-podsubnet-static'
              : 'azure-podsubnet-dynamic'
            : plugin === 'azure'
              ? 'azure-nodesubnet'
              : undefined;
  if (!cni) throw np.error(`unknown networkPlugin ${JSON.stringify(np.str('networkPlugin') ?? null)}`);
  const dataplane = np.str('networkDataplane')?.toLowerCase();
  const policy = np.str('networkPolicy')?.toLowerCase();
  const podCidr = cni === 'kubenet' || cni === 'azure-overlay' || cni === 'byo' ? np.str('podCidr') : undefined;
  const lbSku = np.str('loadBalancerSku')?.toLowerCase();
  const pool = backendPoolType(ctx, id, np);
  return {
    cni,
    ...(dataplane === 'azure' || dataplane === 'cilium' ? { dataplane } : {}),
    ...(podCidr ? { podCidr } : {}),
    ...(np.str('serviceCidr') ? { serviceCidr: np.str('serviceCidr') } : {}),
    ...(np.str('dnsServiceIP') ? { dnsServiceIP: np.str('dnsServiceIP') } : {}),
    // Azure omits networkPolicy when none is installed: that absence is itself the fact.
    networkPolicy: policy === 'azure' || policy === 'calico' || policy === 'cilium' ? policy : 'none',
    ...(lbSku === 'standard' || lbSku === 'basic' ? { loadBalancerSku: lbSku } : {}),
    ...(pool ? { loadBalancerBackendPoolType: pool } : {}),
  };
}

/** `loadBalancerProfile.backendPoolType` (Azure writes `NodeIPConfiguration` / `NodeIP`); absent stays unknown. */
function backendPoolType(ctx: ImportContext, id: string, np: JNode): 'nodeIPConfiguration' | 'nodeIP' | undefined {
  const at = np.at('loadBalancerProfile.backendPoolType');
  if (!at || at.value === null) return undefined;
  const v = typeof at.value === 'string' ? at.value.toLowerCase() : undefined;
  if (v === 'nodeipconfiguration') return 'nodeIPConfiguration';
  if (v === 'nodeip') return 'nodeIP';
  ctx.note(
    id,
    'networkProfile.loadBalancerProfile.backendPoolType',
    `${JSON.stringify(at.value)} is no backend pool type the DSL knows (nodeIPConfiguration, nodeIP); left unknown`,
  );
  return undefined;
}

function pool(ctx: ImportContext, c: AzureResource, p: JNode, childName?: string): Decl {
  const name = p.str('name') ?? childName;
  if (!name) throw p.error('the agent pool has no name');
  const sub = p.at('vnetSubnetID');
  if (!sub || typeof sub.value !== 'string') {
    throw p.error(
      `agent pool ${name} has no vnetSubnetID (AKS-managed VNet); aksnet import needs the cluster's own VNet`,
    );
  }
  const info = ctx.subnet(sub.value, sub, `the subnet of agent pool ${name},`);
  ctx.useSubnet(info, 'aks-nodes', 70);
  const podSub = p.at('podSubnetID');
  const podInfo = podSub && typeof podSub.value === 'string' ? ctx.subnet(podSub.value, podSub) : undefined;
  if (podInfo) ctx.useSubnet(podInfo, 'aks-pods', 70);
  const d = ctx.design.add('nodePool', name, [`${c.id}/agentPools/${name}`], `nodePool:${c.name}/${name}`);
  const auto = p.bool('enableAutoScaling') === true;
  const surge = p.str('upgradeSettings.maxSurge');
  const unavailable = p.str('upgradeSettings.maxUnavailable');
  const os = p.str('osType');
  const osSku = p.str('osSKU');
  // The DSL writes Kubernetes minor versions, as for the cluster.
  const version = p.str('orchestratorVersion')?.split('.').slice(0, 2).join('.');
  d.spec = {
    name,
    mode: p.str('mode')?.toLowerCase() === 'system' ? 'system' : 'user',
    ...(os === 'Linux' || os === 'Windows' ? { os } : {}),
    vmSize: p.str('vmSize') ?? '',
    // With the autoscaler on, Azure's count is today's node count, not a design value.
    ...(!auto && p.num('count') !== undefined ? { count: p.num('count') } : {}),
    ...(auto && p.num('minCount') !== undefined ? { minCount: p.num('minCount') } : {}),
    ...(auto && p.num('maxCount') !== undefined ? { maxCount: p.num('maxCount') } : {}),
    ...(p.num('maxPods') !== undefined ? { maxPods: p.num('maxPods') } : {}),
    ...(zonesOf(p, 'availabilityZones') ? { zones: zonesOf(p, 'availabilityZones') } : {}),
    subnet: info.decl,
    ...(podInfo ? { podSubnet: podInfo.decl } : {}),
    ...(surge ? { maxSurge: /^\d+$/.test(surge) ? Number(surge) : surge } : {}),
    ...(unavailable ? { maxUnavailable: /^\d+$/.test(unavailable) ? Number(unavailable) : unavailable } : {}),
    ...(osSku ? { osSku } : {}),
    ...(version ? { orchestratorVersion: version } : {}),
    ...(p.str('scaleSetPriority') ? { spot: p.str('scaleSetPriority') === 'Spot' } : {}),
    ...(p.bool('enableNodePublicIP') !== undefined ? { nodePublicIp: p.bool('enableNodePublicIP') } : {}),
  };
  if (!p.str('vmSize')) throw p.error(`agent pool ${name} has no vmSize`);
  return d;
}

function apiServer(ctx: ImportContext, n: JNode): Record<string, Value> {
  const a = n.at('apiServerAccessProfile');
  const zone = a?.str('privateDNSZone');
  const zoneMode: Value | undefined =
    zone === undefined
      ? undefined
      : zone.toLowerCase() === 'system' || zone.toLowerCase() === 'none'
        ? zone.toLowerCase()
        : privateZone(ctx, zone);
  const ranges = a?.strings('authorizedIPRanges') ?? [];
  if (a?.bool('enableVnetIntegration')) {
    const sub = a.at('subnetId');
    if (!sub || typeof sub.value !== 'string')
      throw a.error('API Server VNet Integration is on but apiServerAccessProfile.subnetId is missing');
    const info = ctx.subnet(sub.value, sub);
    ctx.useSubnet(info, 'aks-apiserver', 90);
    const priv = a.bool('enablePrivateCluster') === true;
    return {
      mode: 'vnet-integration',
      subnet: info.decl,
      private: priv,
      ...(ranges.length > 0 ? { authorizedIpRanges: ranges } : {}),
      ...(priv && zoneMode ? { privateDnsZone: zoneMode } : {}),
    };
  }
  if (a?.bool('enablePrivateCluster')) {
    const fqdn = a.bool('enablePrivateClusterPublicFQDN');
    return {
      mode: 'private',
      ...(zoneMode ? { privateDnsZone: zoneMode } : {}),
      ...(fqdn !== undefined ? { publicFqdn: fqdn } : {}),
    };
  }
  return { mode: 'public', ...(ranges.length > 0 ? { authorizedIpRanges: ranges } : {}) };
}

function privateZone(ctx: ImportContext, id: string): Decl {
  const z = ctx.find(id);
  const d = z ? ctx.part(z) : undefined;
  if (d) return d;
  return ctx.stub(id, () => {
    const name = lastName(id);
    const s = ctx.design.add('privateDnsZone', name, [id], `privateDnsZone:${name}`);
    s.comments.push(id);
    s.spec = { name };
    ctx.note(
      id,
      'virtualNetworkLinks',
      `the cluster's private DNS zone ${name} is not in the input; its links are unknown`,
    );
    return s;
  });
}

function outboundField(
  ctx: ImportContext,
  c: AzureResource,
  np: JNode,
  pools: Decl[],
): { outbound?: Record<string, Value> } {
  const o = outbound(ctx, c, np, pools);
  return o ? { outbound: o } : {};
}

function outbound(ctx: ImportContext, c: AzureResource, np: JNode, pools: Decl[]): Record<string, Value> | undefined {
  const type = np.str('outboundType') ?? 'loadBalancer';
  const at = np.at('outboundType') ?? np;
  switch (type) {
    case 'loadBalancer': {
      const lb = np.at('loadBalancerProfile');
      const ips = lb?.num('managedOutboundIPs.count') ?? (lb?.list('outboundIPs.publicIPs').length || undefined);
      const prefixes = lb?.list('outboundIPPrefixes.publicIPPrefixes') ?? [];
      if (prefixes.length > 0) {
        // The DSL counts outbound addresses; a prefix's size is on the prefix resource, and a prefix is
        // no count of separate addresses, so it is said rather than turned into a number.
        ctx.note(
          c.id,
          'networkProfile.loadBalancerProfile.outboundIPPrefixes',
          `${prefixes.length} public IP prefix(es) (${prefixes.map((p) => lastName(p.str('id') ?? '?')).join(', ')}) ` +
            'give the outbound load balancer its addresses; the DSL has no outbound IP prefix, so outboundIps ' +
            (ips === undefined ? 'is left unknown' : 'counts only the other addresses'),
        );
      }
      return {
        type,
        ...(ips !== undefined ? { outboundIps: ips } : {}),
        ...(lb?.num('allocatedOutboundPorts') !== undefined
          ? { allocatedOutboundPorts: lb.num('allocatedOutboundPorts') }
          : {}),
        ...(lb?.num('idleTimeoutInMinutes') !== undefined
          ? { idleTimeoutMinutes: lb.num('idleTimeoutInMinutes') }
          : {}),
      };
    }
    case 'managedNATGateway':
    case 'managedNATGatewayV2': {
      const ng = np.at('natGatewayProfile');
      return {
        type,
        ...(ng?.num('managedOutboundIPProfile.count') !== undefined
          ? { outboundIps: ng.num('managedOutboundIPProfile.count') }
          : {}),
        ...(ng?.num('idleTimeoutInMinutes') !== undefined
          ? { idleTimeoutMinutes: ng.num('idleTimeoutInMinutes') }
          : {}),
      };
    }
    case 'userAssignedNATGateway': {
      const nat = pools.map((p) => (p.spec.subnet as Decl).spec.natGateway).find((x) => x !== undefined);
      if (!nat)
        throw at.error('outboundType is userAssignedNATGateway but no node subnet in the input has a NAT gateway');
      return { type, natGateway: nat };
    }
    case 'userDefinedRouting': {
      const via = udrAppliance(ctx, pools);
      if (!via && ctx.lenient) {
        ctx.note(
          c.id,
          'networkProfile.outboundType',
          'userDefinedRouting, but no node subnet routes 0.0.0.0/0 to an appliance in the input',
        );
        return undefined;
      }
      if (!via) {
        throw at.error(
          `outboundType is userDefinedRouting but no route table on ${c.name}'s node subnets sends 0.0.0.0/0 ` +
            'to an Azure Firewall in the input; add the outputs of `az network route-table list` and ' +
            '`az network firewall list`',
        );
      }
      return { type, via };
    }
    case 'none':
    case 'block':
      return { type };
    default:
      throw at.error(`unknown outboundType ${JSON.stringify(type)}`);
  }
}

/** The firewall a node subnet's default route points at. */
function udrAppliance(ctx: ImportContext, pools: Decl[]): Decl | undefined {
  for (const p of pools) {
    const rt = (p.spec.subnet as Decl).spec.routeTable as Decl | undefined;
    const routes = (rt?.spec.routes ?? []) as Array<Record<string, Value>>;
    const def = routes.find((x) => x.prefix === '0.0.0.0/0');
    const hop = def?.nextHop;
    if (hop instanceof Decl) return hop;
    const addr =
      hop && typeof hop === 'object' && !Array.isArray(hop) ? (hop as Record<string, Value>).address : undefined;
    if (typeof addr === 'string') return applianceByIp(ctx, addr) ?? nvaAt(ctx, addr);
  }
  return undefined;
}

/**
 * A next hop that is no firewall in the input is a network virtual appliance at that address; Azure
 * shows its address and, through the subnet ranges, its subnet, but not what it is.
 */
function nvaAt(ctx: ImportContext, ip: string): Decl | undefined {
  const info = [...ctx.subnets.values()].find((s) => {
    const range = cidr(s.cidr);
    return range !== undefined && containsIp(range, ip);
  });
  if (!info) return undefined;
  return ctx.stub(`nva:${ip}`, () => {
    const name = `nva-${ip.replace(/\./g, '-')}`;
    const d = ctx.design.add('nva', name, [], `nva:${name}`);
    d.comments.push(
      `TODO(aksnet import): the default route sends traffic to ${ip}, which is no Azure Firewall in the input; ` +
        'name the appliance',
    );
    ctx.useSubnet(info, 'nva', 60);
    d.spec = { name, subnet: info.decl, privateIp: ip };
    ctx.todos.push(`${name}: the node subnets' default route goes to ${ip}, which is no Azure Firewall in the input`);
    return d;
  });
}

export const agentPoolDetail: Mapper = {
  type: 'microsoft.containerservice/managedclusters/agentpools',
  command: 'az aks nodepool list',
};

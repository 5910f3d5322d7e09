/** Mappers for Application Gateway (with its WAF policy), load balancers and Private Link Services. */
import type { Mapper, ImportContext } from '../context.js';
import { providerPath, zonesOf } from '../context.js';
import type { Decl, Value } from '../design.js';
import { publicIpPart } from './network.js';
import { legacyWaf, wafPolicy } from './waf.js';
import { lastName, parentId, type AzureResource, type JNode } from '../resource.js';

const APPGW_SKUS = ['Standard_v2', 'WAF_v2', 'Standard', 'WAF'];
/** Minimum TLS version of Application Gateway's predefined TLS policies. */
const TLS_POLICY: Record<string, '1.0' | '1.1' | '1.2'> = {
  AppGwSslPolicy20150501: '1.0',
  AppGwSslPolicy20170401: '1.1',
  AppGwSslPolicy20170401S: '1.2',
  AppGwSslPolicy20220101: '1.2',
  AppGwSslPolicy20220101S: '1.2',
};
const TLS_VERSION: Record<string, '1.0' | '1.1' | '1.2' | '1.3'> = {
  TLSv1_0: '1.0',
  TLSv1_1: '1.1',
  TLSv1_2: '1.2',
  TLSv1_3: '1.3',
};

export const appGatewayMapper: Mapper = {
  type: 'microsoft.network/applicationgateways',
  command: 'az network application-gateway list',
  map(ctx, r) {
    const n = r.node;
    const tier = n.str('sku.tier');
    const sku = tier && APPGW_SKUS.includes(tier) ? tier : undefined;
    if (!sku) throw n.error('the Application Gateway has no sku.tier (Standard_v2, WAF_v2, Standard or WAF)');
    const sub = n.list('gatewayIPConfigurations')[0]?.ref('subnet');
    if (!sub) throw n.error('the Application Gateway has no gatewayIPConfigurations[0].subnet');
    const info = ctx.subnet(sub.value as string, sub);
    ctx.useSubnet(info, 'application-gateway', 100);
    const fronts = n.list('frontendIPConfigurations');
    const pub = fronts.some((f) => f.ref('publicIPAddress'));
    const priv = fronts.find((f) => f.str('privateIPAddress') && !f.ref('publicIPAddress'));
    const frontend = pub && priv ? 'both' : pub ? 'public' : priv ? 'private' : undefined;
    if (!frontend)
      throw n.error('the Application Gateway has no frontendIPConfigurations with a public or private address');
    const d = ctx.design.add('applicationGateway', r.name, [r.id], `applicationGateway:${r.name}`);
    d.comments.push(r.id);
    const waf = wafOf(ctx, r);
    const pipId = fronts.map((f) => f.ref('publicIPAddress')?.value).find((x): x is string => typeof x === 'string');
    const publicIp = pipId ? publicIpPart(ctx, pipId) : undefined;
    const auto = n.at('autoscaleConfiguration');
    const capacity = n.num('sku.capacity');
    const min = auto?.num('minCapacity') ?? capacity;
    const max = auto ? auto.num('maxCapacity') : capacity;
    const policyName = n.str('sslPolicy.policyName');
    const tls =
      TLS_VERSION[n.str('sslPolicy.minProtocolVersion') ?? ''] ?? (policyName ? TLS_POLICY[policyName] : undefined);
    d.spec = {
      name: r.name,
      sku,
      subnet: info.decl,
      frontend,
      ...(priv ? { privateIp: priv.str('privateIPAddress') } : {}),
      management: managementOf(ctx, r),
      ...waf,
      ...(publicIp ? { publicIp } : {}),
      ...(zonesOf(n) ? { zones: zonesOf(n) } : {}),
      ...(min !== undefined ? { minCapacity: min } : {}),
      ...(max !== undefined ? { maxCapacity: max } : {}),
      ...(tls ? { minTlsVersion: tls } : {}),
    };
    return d;
  },
};

/** AGIC add-on when a cluster's ingressApplicationGateway add-on points at it; AGIC Helm when AGIC's tag is set. */
function managementOf(ctx: ImportContext, r: AzureResource): string {
  for (const c of ctx.ofType('microsoft.containerservice/managedclusters')) {
    const addon = c.node.at('addonProfiles')?.value;
    if (typeof addon !== 'object' || addon === null) continue;
    const key = Object.keys(addon).find((k) => k.toLowerCase() === 'ingressapplicationgateway');
    const cfg = key ? c.node.at(`addonProfiles.${key}`) : undefined;
    const id = cfg?.str('config.effectiveApplicationGatewayId') ?? cfg?.str('config.applicationGatewayId');
    if (cfg?.bool('enabled') && id && lastName(id).toLowerCase() === r.name.toLowerCase()) return 'agic-addon';
  }
  const tags =
    r.node.value && typeof r.node.value === 'object' ? (r.node.value as Record<string, unknown>).tags : undefined;
  if (tags && typeof tags === 'object' && 'managed-by-k8s-ingress' in tags) return 'agic-helm';
  return 'standalone';
}

/** The gateway's WAF: its policy, else the legacy in-gateway configuration. */
function wafOf(ctx: ImportContext, r: AzureResource): { waf?: Value; webApplicationFirewallConfiguration?: Value } {
  const ref = r.node.ref('firewallPolicy');
  if (ref) {
    const p = ctx.use(ctx.find(ref.value as string));
    if (!p) {
      ctx.note(
        r.id,
        'firewallPolicy',
        `WAF policy ${lastName(ref.value as string)} is not in the input ` +
          '(az network application-gateway waf-policy list)',
      );
      ctx.todos.push(`${r.name}: its WAF policy was not in the input; add waf: { mode } by hand`);
      return {};
    }
    const waf = wafPolicy(ctx, p);
    return waf ? { waf } : {};
  }
  const legacy = legacyWaf(r.node.at('webApplicationFirewallConfiguration'));
  return legacy ? { webApplicationFirewallConfiguration: legacy } : {};
}

export const wafPolicyDetail: Mapper = {
  type: 'microsoft.network/applicationgatewaywebapplicationfirewallpolicies',
  command: 'az network application-gateway waf-policy list',
};

export const loadBalancerMapper: Mapper = {
  type: 'microsoft.network/loadbalancers',
  command: 'az network lb list',
  map(ctx, r) {
    const n = r.node;
    const fronts = n.list('frontendIPConfigurations');
    const internal = fronts.find((f) => f.ref('subnet') || (f.str('privateIPAddress') && !f.ref('publicIPAddress')));
    const visibility = internal ? 'internal' : 'public';
    const owner = clusterOfNodeGroup(ctx, r);
    if (!internal && owner && r.name.toLowerCase() === 'kubernetes' && outboundType(ctx, owner) === 'loadBalancer') {
      // The normalizer draws this one from the cluster's outbound settings; a second part would double it.
      ctx.note(r.id, 'loadBalancer', "AKS's outbound load balancer is described by the cluster's outbound settings");
      return undefined;
    }
    const d = ctx.design.add('loadBalancer', r.name, [r.id], `loadBalancer:${r.name}`);
    d.comments.push(r.id);
    const sub = internal?.ref('subnet');
    const info = sub ? ctx.subnet(sub.value as string, sub) : undefined;
    // A subnet used only by an internal LB frontend is an ingress subnet; node subnets outrank it.
    if (info) ctx.useSubnet(info, 'ingress', 40);
    const sku = n.str('sku.name');
    const cluster = owner;
    d.spec = {
      name: r.name,
      visibility,
      ...(sku === 'Standard' || sku === 'Basic' ? { sku } : {}),
      ...(info ? { subnet: info.decl } : {}),
      ...(internal?.str('privateIPAddress') ? { privateIp: internal.str('privateIPAddress') } : {}),
      ...(internal && zonesOf(internal) ? { zones: zonesOf(internal) } : {}),
      ...(cluster ? { cluster } : {}),
    };
    return d;
  },
};

function outboundType(ctx: ImportContext, cluster: Decl): string {
  const r = ctx.resources.find(
    (x) => x.type === 'microsoft.containerservice/managedclusters' && x.id === cluster.azureIds[0],
  );
  return r?.node.str('networkProfile.outboundType') ?? 'loadBalancer';
}

/** The cluster whose node resource group holds the resource (AKS creates its LBs there). */
export function clusterOfNodeGroup(ctx: ImportContext, r: AzureResource): Decl | undefined {
  const rg = (r.resourceGroup ?? '').toLowerCase();
  const clusters = ctx.ofType('microsoft.containerservice/managedclusters');
  for (const c of clusters) {
    if (rg && c.node.str('nodeResourceGroup')?.toLowerCase() === rg) return ctx.part(c);
  }
  // Without a resource group (ARM templates), AKS's documented LB names `kubernetes` and
  // `kubernetes-internal` identify it, when exactly one imported cluster has its nodes in that VNet.
  if (rg || !/^kubernetes(-internal)?$/i.test(r.name)) return undefined;
  const sub = r.node
    .list('frontendIPConfigurations')
    .map((f) => f.ref('subnet')?.value)
    .find((x): x is string => typeof x === 'string');
  const vnetOf = (id: string) => providerPath(parentId(id));
  const mine = clusters.filter((c) =>
    c.node.list('agentPoolProfiles').some((p) => {
      const s = p.str('vnetSubnetID');
      return s !== undefined && (!sub || vnetOf(s) === vnetOf(sub));
    }),
  );
  return mine.length === 1 ? ctx.part(mine[0]!) : undefined;
}

export const privateLinkServiceMapper: Mapper = {
  type: 'microsoft.network/privatelinkservices',
  command: 'az network private-link-service list',
  map(ctx, r) {
    const n = r.node;
    const sub = n.list('ipConfigurations')[0]?.ref('subnet');
    if (!sub) throw n.error('the Private Link Service has no ipConfigurations[0].subnet');
    const fe = n.list('loadBalancerFrontendIpConfigurations')[0]?.get('id');
    if (!fe || typeof fe.value !== 'string')
      throw n.error('the Private Link Service has no loadBalancerFrontendIpConfigurations[0].id');
    const info = ctx.subnet(sub.value as string, sub);
    ctx.useSubnet(info, 'private-link-service', 80);
    const lb = ctx.required(parentId(fe.value), fe, 'load balancer');
    const d = ctx.design.add('privateLinkService', r.name, [r.id], `privateLinkService:${r.name}`);
    d.comments.push(r.id);
    const visible = n.strings('visibility.subscriptions');
    const approved = n.strings('autoApproval.subscriptions');
    d.spec = {
      name: r.name,
      subnet: info.decl,
      loadBalancer: lb,
      // Azure lists the subscriptions; `*` makes the service visible to anyone with its alias.
      ...(n.at('visibility') ? { visibility: visible.includes('*') ? '*' : visible } : {}),
      ...(n.at('autoApproval') ? { autoApproval: approved } : {}),
      natIpCount: n.list('ipConfigurations').length,
    };
    return d;
  },
};

/** Protocol and port of an Application Gateway listener. */
export function listenerOf(
  appgw: JNode,
  id: string,
): { protocol: string; port: number; frontend?: JNode } | undefined {
  const l = appgw.list('httpListeners').find((x) => x.str('id')?.toLowerCase() === id.toLowerCase());
  if (!l) return undefined;
  const portId = l.ref('frontendPort')?.value as string | undefined;
  const fp = appgw.list('frontendPorts').find((x) => x.str('id')?.toLowerCase() === portId?.toLowerCase());
  const port = fp?.num('port');
  const protocol = l.str('protocol')?.toLowerCase();
  // The frontend IP configuration the listener listens on (public or private), not the gateway's.
  const feId = l.ref('frontendIPConfiguration')?.value as string | undefined;
  const frontend = appgw
    .list('frontendIPConfigurations')
    .find((x) => x.str('id')?.toLowerCase() === feId?.toLowerCase());
  return port !== undefined && protocol ? { protocol, port, ...(frontend ? { frontend } : {}) } : undefined;
}

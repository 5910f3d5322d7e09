/**
 * Normalizes one tagged DSL part into its model element. Network foundations and clusters have
 * their own modules; the simpler parts (gateways, firewalls, endpoints, …) are handled here.
 */
import type { AgcResource, AppGatewayResource, Id } from '../model/types.js';
import { INGRESS_CONTROLLER_TYPES, PAAS_SERVICES } from '../model/kinds.js';
import { Fields, describe, isRecord } from './reader.js';
import { REASONS } from './defaults.js';
import { isId, optional, uniqueSorted } from './util.js';
import type { NormalizeContext, PartKind } from './context.js';
import { readNsg, readRouteTable, readSubnet, readVnet } from './network.js';
import { readCluster } from './cluster.js';
import { readFirewall, readFirewallPolicy } from './firewall.js';
import { readFrontDoor, readPrivateLinkService, readPublicIp, readTrafficManager } from './edge.js';
import { readWaf } from './waf.js';

export function normalizePart(n: NormalizeContext, kind: PartKind, id: Id, name: string, f: Fields): void {
  switch (kind) {
    case 'vnet':
      return readVnet(n, id, name, f);
    case 'subnet':
      return readSubnet(n, id, name, f);
    case 'routeTable':
      return readRouteTable(n, id, name, f);
    case 'nsg':
      return readNsg(n, id, name, f);
    case 'natGateway': {
      const resources = f
        .arr('publicIpResources')
        .map((v, i) => n.ref(v, ['publicIp'], `${f.at('publicIpResources')}[${i}]`))
        .filter(isId);
      let publicIps = f.num('publicIps', { min: 0, max: 16 });
      if (publicIps !== undefined && f.has('publicIpResources') && publicIps !== resources.length) {
        f.issue('publicIps', `publicIps is ${publicIps} but ${resources.length} publicIpResources are attached`);
      }
      const prefix = f.num('publicIpPrefixLength', { min: 28, max: 31 });
      if (publicIps === undefined && f.has('publicIpResources')) publicIps = resources.length;
      if (publicIps === undefined) publicIps = prefix === undefined ? f.defaulted('publicIps', 1, REASONS.natPublicIps) : 0;
      const sku = f.oneOf('sku', ['Standard', 'StandardV2'] as const) ?? f.defaulted('sku', 'Standard', REASONS.natSku);
      if (sku === 'StandardV2' && f.has('zones')) {
        f.issue('zones', 'a StandardV2 NAT gateway is zone-redundant by design; it takes no zones');
      }
      // A StandardV2 NAT gateway takes StandardV2 public IPs only (learn.microsoft.com/azure/reliability/reliability-nat-gateway).
      resources.forEach((r, i) => {
        const ip = n.resources.get(r);
        if (sku === 'StandardV2' && ip?.kind === 'publicIp' && ip.sku !== 'StandardV2') {
          f.issue(`publicIpResources[${i}]`, `a StandardV2 NAT gateway needs StandardV2 public IPs; ${ip.name} is ${ip.sku}`);
        }
      });
      n.add({
        id,
        kind: 'natGateway',
        name,
        source: { path: f.path },
        publicIps,
        ...(prefix !== undefined ? { publicIpPrefixLength: prefix } : {}),
        ...optional('publicIpAddresses', f.has('publicIpAddresses') ? f.strArr('publicIpAddresses') : undefined),
        publicAddressCount: publicIps + (prefix !== undefined ? 2 ** (32 - prefix) : 0),
        idleTimeoutMinutes: f.num('idleTimeoutMinutes', { min: 4, max: 120 }) ?? f.defaulted('idleTimeoutMinutes', 4, REASONS.natIdleTimeout),
        // A StandardV2 gateway is zone-redundant with no zones listed: "no zone" is a default only of Standard.
        zones: f.has('zones') ? f.zones('zones') : (sku === 'Standard' && f.defaulted('zones', 'none', REASONS.natZones), []),
        sku,
        publicIpResources: uniqueSorted(resources),
      });
      return;
    }
    case 'ddosProtectionPlan':
      n.add({ id, kind: 'ddosProtectionPlan', name, source: { path: f.path } });
      return;
    case 'privateDnsZone': {
      const links = f.has('links')
        ? uniqueSorted(
            f
              .arr('links')
              .map((v, i) => n.ref(v, ['vnet'], `${f.at('links')}[${i}]`))
              .filter(isId),
          )
        : f.unknown('links', 'linked VNets');
      n.add({ id, kind: 'privateDnsZone', name, source: { path: f.path }, ...optional('links', links) });
      return;
    }
    case 'paas':
      n.add({
        id,
        kind: 'paas',
        name,
        source: { path: f.path },
        service: f.reqOneOf('service', PAAS_SERVICES),
        ...optional('publicNetworkAccess', paasPublicAccess(f)),
        ...optional('sku', f.optStr('sku')),
        ...optional('cacheRules', f.has('cacheRules') ? readCacheRules(f) : undefined),
        ...optional('authenticationAsArm', f.bool('authenticationAsArm')),
      });
      return;
    case 'privateEndpoint': {
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
      const target = n.ref(f.raw('target'), ['paas'], f.at('target'));
      const dnsZone = f.has('dnsZone') ? n.ref(f.raw('dnsZone'), ['privateDnsZone'], f.at('dnsZone')) : undefined;
      n.add({
        id,
        kind: 'privateEndpoint',
        name,
        parent: subnet,
        source: { path: f.path },
        subnet: subnet ?? '',
        target: target ?? '',
        ...optional('dnsZone', dnsZone),
      });
      if (target) n.edge({ from: id, to: target, class: 'private-link', label: 'Private Link', source: { path: f.path } });
      return;
    }
    case 'onPremises':
      n.add({
        id,
        kind: 'onPremises',
        name,
        source: { path: f.path },
        addressSpace: f.strArr('addressSpace', true),
        ...optional('dnsForwarder', f.optStr('dnsForwarder')),
      });
      return;
    case 'vnetGateway': {
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
      n.add({
        id,
        kind: 'vnetGateway',
        name,
        parent: subnet,
        source: { path: f.path },
        type: f.reqOneOf('type', ['vpn', 'expressRoute'] as const),
        subnet: subnet ?? '',
        ...optional('sku', f.optStr('sku')),
        ...optional('zones', f.optZones('zones')),
        activeActive: f.bool('activeActive') ?? f.defaulted('activeActive', false, REASONS.activeActive),
      });
      return;
    }
    case 'hybridConnection': {
      const gateway = n.ref(f.raw('gateway'), ['vnetGateway'], f.at('gateway'));
      const remote = n.ref(f.raw('remote'), ['onPremises'], f.at('remote'));
      const gw = gateway ? n.resources.get(gateway) : undefined;
      const type = gw?.kind === 'vnetGateway' ? gw.type : 'vpn';
      n.add({
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
        n.edge({ from: remote, to: gateway, class: 'hybrid', label: type === 'vpn' ? 'VPN' : 'ExpressRoute', source: { path: f.path } });
      }
      return;
    }
    case 'bastion': {
      const sku = f.oneOf('sku', ['Developer', 'Basic', 'Standard', 'Premium'] as const) ?? f.defaulted('sku', 'Basic', REASONS.bastionSku);
      // The Developer SKU runs on shared infrastructure: it has no subnet, only the VNet it serves.
      if (sku === 'Developer' && f.has('subnet')) f.issue('subnet', 'the Developer SKU of Bastion has no subnet of its own; give the VNet it serves as "vnet"');
      if (sku !== 'Developer' && !f.has('subnet')) f.issue('subnet', `Bastion ${sku} needs its AzureBastionSubnet`);
      const subnet = f.has('subnet') ? n.ref(f.raw('subnet'), ['subnet'], f.at('subnet')) : undefined;
      const vnetId = f.has('vnet') ? n.ref(f.raw('vnet'), ['vnet'], f.at('vnet')) : undefined;
      if (sku === 'Developer' && !f.has('vnet')) f.issue('vnet', 'a Developer-SKU Bastion needs the VNet it serves ("vnet")');
      n.add({
        id,
        kind: 'bastion',
        name,
        parent: subnet ?? vnetId,
        source: { path: f.path },
        ...optional('subnet', subnet),
        ...optional('vnet', vnetId),
        sku,
      });
      return;
    }
    case 'jumpBox': {
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
      n.add({ id, kind: 'jumpBox', name, parent: subnet, source: { path: f.path }, subnet: subnet ?? '' });
      return;
    }
    case 'buildAgents': {
      const hosting = f.reqOneOf('hosting', ['microsoft-hosted', 'self-hosted'] as const);
      const subnet = f.has('subnet') ? n.ref(f.raw('subnet'), ['subnet'], f.at('subnet')) : undefined;
      if (hosting === 'self-hosted' && !f.has('subnet')) f.issue('subnet', 'self-hosted build agents need the subnet they run in');
      n.add({
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
    case 'azureFirewall':
      return readFirewall(n, id, name, f);
    case 'firewallPolicy':
      return readFirewallPolicy(n, id, name, f);
    case 'publicIp':
      return readPublicIp(n, id, name, f);
    case 'trafficManager':
      return readTrafficManager(n, id, name, f);
    case 'nva': {
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
      n.add({
        id,
        kind: 'nva',
        name,
        parent: subnet,
        source: { path: f.path },
        subnet: subnet ?? '',
        privateIp: f.str('privateIp'),
        ...optional('vendor', f.optStr('vendor')),
        publicIps: f.num('publicIps', { min: 0 }) ?? f.defaulted('publicIps', 1, REASONS.nvaPublicIps),
        ...optional('publicIpAddresses', f.has('publicIpAddresses') ? f.strArr('publicIpAddresses') : undefined),
        ...optional('zones', f.optZones('zones')),
        ...optional('allowsAksEgress', f.bool('allowsAksEgress')),
      });
      return;
    }
    case 'frontDoor':
      return readFrontDoor(n, id, name, f);
    case 'applicationGateway': {
      // A public frontend is not isolated unless stated. A private-only v2 frontend needs network isolation, but whether
      // the gateway was deployed with it is the design's to say (ingress/app-gateway-private-isolation asks for it).
      const readNetworkIsolation = (g: Fields): boolean | undefined => {
        if (g.has('networkIsolation')) return g.bool('networkIsolation');
        const v2 = g.raw('sku') === 'Standard_v2' || g.raw('sku') === 'WAF_v2';
        if (!v2) return undefined;
        return g.raw('frontend') !== 'private'
          ? g.defaulted('networkIsolation', false, REASONS.appGwNetworkIsolation)
          : g.unknown('networkIsolation', 'network isolation setting');
      };
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
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
        ...optional('waf', readWaf(f, 'applicationGateway')),
        ...optional('publicIp', f.has('publicIp') ? n.ref(f.raw('publicIp'), ['publicIp'], f.at('publicIp')) : undefined),
        ...optional('zones', f.optZones('zones')),
        ...optional('minCapacity', f.has('minCapacity') ? f.num('minCapacity', { min: 0, max: 125 }) : f.unknown('minCapacity', 'minimum instance count', '0')),
        maxCapacity: f.num('maxCapacity', { min: 1, max: 125 }) ?? f.defaulted('maxCapacity', 10, REASONS.appGwMaxCapacity),
        minTlsVersion: f.oneOf('minTlsVersion', ['1.0', '1.1', '1.2', '1.3'] as const) ?? f.defaulted('minTlsVersion', '1.2', REASONS.appGwTls),
        ...optional('networkIsolation', readNetworkIsolation(f)),
        clusters: [],
      };
      n.add(gw);
      return;
    }
    case 'agc': {
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
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
        ...optional('waf', readWaf(f, 'agc')),
        clusters: [],
      };
      n.add(agc);
      return;
    }
    case 'apiManagement': {
      const subnet = f.has('subnet') ? n.ref(f.raw('subnet'), ['subnet'], f.at('subnet')) : undefined;
      const vnetMode = f.reqOneOf('vnetMode', ['none', 'external', 'internal'] as const);
      if (vnetMode !== 'none' && !subnet) f.issue('subnet', `API Management in ${vnetMode} VNet mode needs its subnet`);
      n.add({
        id,
        kind: 'apiManagement',
        name,
        parent: subnet,
        source: { path: f.path },
        sku: f.str('sku'),
        vnetMode,
        ...optional('subnet', subnet),
        ...optional('zones', f.optZones('zones')),
      });
      return;
    }
    case 'loadBalancer': {
      const subnet = f.has('subnet') ? n.ref(f.raw('subnet'), ['subnet'], f.at('subnet')) : undefined;
      const cluster = f.has('cluster') ? n.ref(f.raw('cluster'), ['cluster'], f.at('cluster')) : undefined;
      const visibility = f.reqOneOf('visibility', ['public', 'internal'] as const);
      n.add({
        id,
        kind: 'loadBalancer',
        name,
        parent: subnet,
        source: { path: f.path },
        visibility,
        sku: f.oneOf('sku', ['Standard', 'Basic'] as const) ?? f.defaulted('sku', 'Standard', REASONS.lbSku),
        ...optional('subnet', subnet),
        ...optional('privateIp', f.optStr('privateIp')),
        ...optional('zones', f.optZones('zones')),
        ...optional('cluster', cluster),
      });
      return;
    }
    case 'privateLinkService':
      return readPrivateLinkService(n, id, name, f);
    case 'ingressController': {
      const clusterId = n.ref(f.raw('cluster'), ['cluster'], f.at('cluster'));
      const type = f.reqOneOf('type', INGRESS_CONTROLLER_TYPES);
      const defaultNs =
        type === 'app-routing-nginx' || type === 'app-routing-gateway-api'
          ? 'app-routing-system'
          : type === 'istio-gateway'
            ? 'aks-istio-ingress'
            : type === 'http-application-routing'
              ? 'kube-system'
              : 'ingress';
      n.add({
        id,
        kind: 'ingressController',
        name,
        parent: clusterId,
        source: { path: f.path },
        type,
        cluster: clusterId ?? '',
        ...optional('replicas', f.has('replicas') ? f.num('replicas', { min: 0 }) : f.unknown('replicas', 'replica count', 'the chart default (1 or 2)')),
        ...optional('zoneSpread', f.has('zoneSpread') ? f.bool('zoneSpread') : f.unknown('zoneSpread', 'zone spread of the replicas', 'no spread')),
        ...optional('podAntiAffinity', f.oneOf('podAntiAffinity', ['node', 'zone'] as const)),
        namespace: f.optStr('namespace') ?? f.defaulted('namespace', defaultNs, REASONS.controllerNamespace),
        ...optional('version', f.optStr('version')),
        onPath: false,
      });
      return;
    }
    case 'cluster':
      return readCluster(n, id, name, f);
    case 'nodePool':
      // Node pools are normalized by their cluster, which knows the CNI defaults.
      return;
  }
}


/** ACR cache rules: each needs a name, a source and a target repository. */
function readCacheRules(f: Fields): Array<{ name: string; sourceRepo: string; targetRepo: string }> {
  return f.arr('cacheRules').flatMap((r, i) => {
    if (!isRecord(r)) {
      f.issue('cacheRules', `a cache rule must be { name, sourceRepo, targetRepo }, got ${describe(r)}`);
      return [];
    }
    const rf = new Fields(r, `${f.at('cacheRules')}[${i}]`, f.sink, f.element);
    return [{ name: rf.str('name'), sourceRepo: rf.str('sourceRepo'), targetRepo: rf.str('targetRepo') }];
  });
}

/**
 * A PaaS service's public network access: Azure's default when the design leaves it out, but not where the design
 * says it cannot tell (an import that saw the private endpoint and not the service): that is unknown, not the default.
 */
function paasPublicAccess(f: Fields): boolean | undefined {
  if (f.raw('publicNetworkAccess') === 'unknown')
    return f.unknown('publicNetworkAccess', 'whether public network access to the service is enabled');
  return f.bool('publicNetworkAccess') ?? f.defaulted('publicNetworkAccess', true, REASONS.paasPublicAccess);
}

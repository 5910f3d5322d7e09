/**
 * Normalizes one tagged DSL part into its model element. Network foundations and clusters have
 * their own modules; the simpler parts (gateways, firewalls, endpoints, …) are handled here.
 */
import type { AgcResource, AppGatewayResource, Id, WafModel } from '../model/types.js';
import { INGRESS_CONTROLLER_TYPES, PAAS_SERVICES } from '../model/kinds.js';
import { Fields } from './reader.js';
import { REASONS } from './defaults.js';
import { isId, optional, stripUndefined, uniqueSorted } from './util.js';
import type { NormalizeContext, PartKind } from './context.js';
import { readNsg, readRouteTable, readSubnet, readVnet } from './network.js';
import { readCluster } from './cluster.js';

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
      let publicIps = f.num('publicIps', { min: 0, max: 16 });
      const prefix = f.num('publicIpPrefixLength', { min: 28, max: 31 });
      if (publicIps === undefined) publicIps = prefix === undefined ? f.defaulted('publicIps', 1, REASONS.natPublicIps) : 0;
      const sku = f.oneOf('sku', ['Standard', 'StandardV2'] as const) ?? f.defaulted('sku', 'Standard', 'Standard NAT gateway');
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
        zones: f.zones('zones'),
        sku,
      });
      return;
    }
    case 'ddosProtectionPlan':
      n.add({ id, kind: 'ddosProtectionPlan', name, source: { path: f.path } });
      return;
    case 'privateDnsZone': {
      const links = f
        .arr('links')
        .map((v, i) => n.ref(v, ['vnet'], `${f.at('links')}[${i}]`))
        .filter(isId);
      n.add({ id, kind: 'privateDnsZone', name, source: { path: f.path }, links: uniqueSorted(links) });
      return;
    }
    case 'paas':
      n.add({
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
      n.add({ id, kind: 'onPremises', name, source: { path: f.path }, addressSpace: f.strArr('addressSpace', true) });
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
        zones: f.zones('zones'),
        activeActive: f.bool('activeActive') ?? false,
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
      // The Developer SKU has no subnet of its own; every other SKU needs AzureBastionSubnet.
      const developer = f.raw('sku') === 'Developer';
      const subnet = developer && f.raw('subnet') === undefined ? undefined : n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
      n.add({
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
    case 'azureFirewall': {
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
      const nat = f.has('natGateway') ? n.ref(f.raw('natGateway'), ['natGateway'], f.at('natGateway')) : undefined;
      n.add({
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
        publicIps: f.num('publicIps', { min: 0 }) ?? 1,
        ...optional('publicIpAddresses', f.has('publicIpAddresses') ? f.strArr('publicIpAddresses') : undefined),
        zones: f.zones('zones'),
      });
      return;
    }
    case 'frontDoor':
      n.add({
        id,
        kind: 'frontDoor',
        name,
        source: { path: f.path },
        sku: f.reqOneOf('sku', ['Standard', 'Premium', 'Classic'] as const),
        ...optional('waf', readWaf(n, f)),
      });
      return;
    case 'applicationGateway': {
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
        ...optional('waf', readWaf(n, f)),
        zones: f.zones('zones'),
        minCapacity: f.num('minCapacity', { min: 0, max: 125 }) ?? f.defaulted('minCapacity', 0, REASONS.appGwCapacity),
        maxCapacity: f.num('maxCapacity', { min: 1, max: 125 }) ?? f.defaulted('maxCapacity', 10, REASONS.appGwCapacity),
        minTlsVersion: f.oneOf('minTlsVersion', ['1.0', '1.1', '1.2', '1.3'] as const) ?? f.defaulted('minTlsVersion', '1.2', REASONS.appGwTls),
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
        ...optional('waf', readWaf(n, f)),
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
        zones: f.zones('zones'),
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
        zones: f.zones('zones'),
        ...optional('cluster', cluster),
      });
      return;
    }
    case 'privateLinkService': {
      const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
      const lb = n.ref(f.raw('loadBalancer'), ['loadBalancer'], f.at('loadBalancer'));
      n.add({ id, kind: 'privateLinkService', name, parent: subnet, source: { path: f.path }, subnet: subnet ?? '', loadBalancer: lb ?? '' });
      return;
    }
    case 'ingressController': {
      const clusterId = n.ref(f.raw('cluster'), ['cluster'], f.at('cluster'));
      const type = f.reqOneOf('type', INGRESS_CONTROLLER_TYPES);
      const defaultReplicas = type === 'app-routing-nginx' || type === 'istio-gateway' || type === 'app-routing-gateway-api' ? 2 : 1;
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
        replicas: f.num('replicas', { min: 0 }) ?? f.defaulted('replicas', defaultReplicas, REASONS.replicas),
        zoneSpread: f.bool('zoneSpread') ?? f.defaulted('zoneSpread', false, REASONS.zoneSpread),
        namespace: f.optStr('namespace') ?? f.defaulted('namespace', defaultNs, 'default namespace of this controller'),
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

export function readWaf(n: NormalizeContext, f: Fields): WafModel | undefined {
  const w = f.sub('waf');
  if (!w) return undefined;
  return stripUndefined({
    name: w.optStr('name'),
    mode: w.reqOneOf('mode', ['Detection', 'Prevention'] as const),
    managedRules: w.bool('managedRules') ?? w.defaulted('managedRules', true, 'managed rule sets are assumed enabled'),
  });
}

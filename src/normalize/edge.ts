/**
 * Global entry and publishing parts: Front Door (routes, origins, lockdown), Traffic Manager,
 * Private Link Service (visibility, auto-approval, NAT IPs) and public IP addresses.
 */
import type { FrontDoorOriginModel, FrontDoorRouteModel, Id } from '../model/types.js';
import { Fields, describe, isRecord } from './reader.js';
import { REASONS } from './defaults.js';
import { optional, stripUndefined } from './util.js';
import type { NormalizeContext } from './context.js';
import { readWaf } from './waf.js';

const ORIGIN_KINDS = [
  'application-gateway',
  'agc',
  'private-link-service',
  'internal-load-balancer',
  'public-ip',
  'app-service',
  'storage',
  'other',
] as const;

export function readFrontDoor(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const sku = f.reqOneOf('sku', ['Standard', 'Premium', 'Classic'] as const);
  const routes = f.arr('routes').flatMap((r, i) => {
    if (!isRecord(r)) return f.invalid('routes', `a route must be an object, got ${describe(r)}`), [];
    return [readRoute(n, new Fields(r, `${f.at('routes')}[${i}]`, f.sink, id), sku)];
  });
  n.add({
    id,
    kind: 'frontDoor',
    name,
    source: { path: f.path },
    sku,
    ...optional('waf', readWaf(f, 'frontDoor')),
    routes,
    ...optional('minTlsVersion', f.oneOf('minTlsVersion', ['1.0', '1.2'] as const)),
  });
}

function readRoute(n: NormalizeContext, rf: Fields, sku: string): FrontDoorRouteModel {
  const origins = rf.arr('origins', true).flatMap((o, j) => {
    if (!isRecord(o)) return rf.invalid('origins', `an origin must be an object, got ${describe(o)}`), [];
    return [readOrigin(n, new Fields(o, `${rf.at('origins')}[${j}]`, rf.sink, rf.element), sku)];
  });
  const accepted = rf.has('acceptedProtocols')
    ? rf
        .arr('acceptedProtocols')
        .flatMap(
          (p): Array<'Http' | 'Https'> =>
            p === 'Http' || p === 'Https'
              ? [p]
              : (rf.issue('acceptedProtocols', `protocol must be "Http" or "Https", got ${describe(p)}`), []),
        )
    : undefined;
  const httpsRedirect = rf.bool('httpsRedirect');
  if (httpsRedirect && accepted && !accepted.includes('Http')) {
    rf.issue('httpsRedirect', 'HTTPS redirect needs the route to accept Http (it redirects Http requests to Https)');
  }
  return stripUndefined({
    name: rf.str('name'),
    domains: rf.strArr('domains'),
    patterns: rf.strArr('patterns'),
    origins,
    httpsRedirect,
    acceptedProtocols: accepted,
    forwardingProtocol: rf.oneOf('forwardingProtocol', ['HttpOnly', 'HttpsOnly', 'MatchRequest'] as const),
  });
}

function readOrigin(n: NormalizeContext, of: Fields, sku: string): FrontDoorOriginModel {
  const originKind = of.reqOneOf('originKind', ORIGIN_KINDS);
  const target = of.has('target')
    ? n.ref(of.raw('target'), ['applicationGateway', 'agc', 'privateLinkService', 'loadBalancer'], of.at('target'))
    : undefined;
  const connection = of.reqOneOf('connection', ['private-link', 'public'] as const);
  if (connection === 'private-link' && sku !== 'Premium')
    of.issue('connection', `Private Link origins need Front Door Premium; this profile is ${sku}`);
  if (originKind === 'internal-load-balancer' && connection !== 'private-link') {
    of.issue('connection', 'an internal load balancer is reachable from Front Door only over Private Link');
  }
  const raw = of.raw('lockdown');
  let lockdown: FrontDoorOriginModel['lockdown'];
  if (raw === 'none') lockdown = [];
  else if (Array.isArray(raw)) {
    lockdown = raw.flatMap((v) =>
      v === 'x-azure-fdid' || v === 'service-tag'
        ? [v]
        : (of.invalid('lockdown', `lockdown must list "x-azure-fdid" and/or "service-tag", got ${describe(v)}`), []),
    );
  } else if (raw !== undefined) of.invalid('lockdown', `"lockdown" must be an array or "none", got ${describe(raw)}`);
  else if (connection === 'public') of.unknown('lockdown', 'how the origin rejects traffic that bypasses Front Door');
  return stripUndefined({
    name: of.str('name'),
    originKind,
    target,
    hostName: of.optStr('hostName'),
    connection,
    lockdown,
    https: of.bool('https'),
  });
}

export function readTrafficManager(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const endpoints = f.arr('endpoints', true).flatMap((e, i) => {
    if (!isRecord(e)) return f.issue('endpoints', `an endpoint must be an object, got ${describe(e)}`), [];
    const ef = new Fields(e, `${f.at('endpoints')}[${i}]`, f.sink, id);
    const target = ef.has('target')
      ? n.ref(ef.raw('target'), ['applicationGateway', 'loadBalancer', 'frontDoor', 'publicIp'], ef.at('target'))
      : undefined;
    const hostName = ef.optStr('hostName');
    if (!target && !hostName) ef.issue('target', 'an endpoint needs a target or a hostName');
    return [stripUndefined({ name: ef.str('name'), target, hostName, region: ef.optStr('region') })];
  });
  n.add({
    id,
    kind: 'trafficManager',
    name,
    source: { path: f.path },
    routingMethod: f.reqOneOf('routingMethod', [
      'Priority',
      'Weighted',
      'Performance',
      'Geographic',
      'MultiValue',
      'Subnet',
    ] as const),
    endpoints,
  });
}

const SUBSCRIPTION = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readPrivateLinkService(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const subnet = n.ref(f.raw('subnet'), ['subnet'], f.at('subnet'));
  const lb = n.ref(f.raw('loadBalancer'), ['loadBalancer'], f.at('loadBalancer'));
  const lbRes = lb ? n.resources.get(lb) : undefined;
  if (lbRes?.kind === 'loadBalancer' && lbRes.visibility !== 'internal') {
    f.issue(
      'loadBalancer',
      `a Private Link Service fronts an internal Standard load balancer; ${lbRes.name} is public`,
    );
  }
  const subs = (key: string): string[] => {
    const list = f.strArr(key);
    for (const s of list) if (!SUBSCRIPTION.test(s)) f.issue(key, `"${s}" is not a subscription id (a GUID)`);
    return list;
  };
  const raw = f.raw('visibility');
  const visibility =
    raw === '*'
      ? ('*' as const)
      : raw === undefined
        ? f.unknown('visibility', 'which subscriptions may see the service')
        : subs('visibility');
  const autoApproval = subs('autoApproval');
  if (Array.isArray(visibility)) {
    for (const s of autoApproval)
      if (!visibility.includes(s))
        f.issue('autoApproval', `subscription ${s} is auto-approved but not in the visibility list`);
  }
  n.add({
    id,
    kind: 'privateLinkService',
    name,
    parent: subnet,
    source: { path: f.path },
    subnet: subnet ?? '',
    loadBalancer: lb ?? '',
    ...optional('visibility', visibility),
    autoApproval,
    natIpCount: f.num('natIpCount', { min: 1, max: 8 }) ?? f.defaulted('natIpCount', 1, REASONS.plsNatIps),
  });
}

export function readPublicIp(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const sku =
    f.oneOf('sku', ['Standard', 'StandardV2', 'Basic'] as const) ?? f.defaulted('sku', 'Standard', REASONS.publicIpSku);
  const address = f.optStr('address');
  if (address !== undefined && !/^\d{1,3}(\.\d{1,3}){3}$/.test(address))
    f.issue('address', `"address" must be an IPv4 address, got "${address}"`);
  n.add(
    stripUndefined({
      id,
      kind: 'publicIp' as const,
      name,
      source: { path: f.path },
      sku,
      zones: f.optZones('zones'),
      ddosIpProtection: f.has('ddosIpProtection')
        ? f.bool('ddosIpProtection')
        : f.unknown('ddosIpProtection', 'whether DDoS IP Protection is on'),
      address,
    }),
  );
}

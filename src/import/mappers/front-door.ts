/**
 * Mappers for Azure Front Door (Standard/Premium profiles and Classic): the WAF policy of its security
 * policy, and its routes with the origins of each route's origin group.
 */
import type { ImportContext, Mapper } from '../context.js';
import type { Decl, Value } from '../design.js';
import { lastName, parentId, parseId, type AzureResource } from '../resource.js';
import { wafPolicy } from './waf.js';

const ROUTE_TYPE = 'microsoft.cdn/profiles/afdendpoints/routes';
const ORIGIN_TYPE = 'microsoft.cdn/profiles/origingroups/origins';

export const frontDoorMapper: Mapper = {
  type: 'microsoft.cdn/profiles',
  command: 'az afd profile list',
  map(ctx, r) {
    const sku = r.node.str('sku.name');
    const tier =
      sku === 'Premium_AzureFrontDoor' ? 'Premium' : sku === 'Standard_AzureFrontDoor' ? 'Standard' : undefined;
    if (!tier) {
      ctx.note(r.id, 'sku.name', `CDN profile SKU ${sku ?? 'unknown'} is not Front Door`);
      return undefined;
    }
    const d = ctx.design.add('frontDoor', r.name, [r.id], `frontDoor:${r.name}`);
    d.comments.push(r.id);
    let waf: Value | undefined;
    for (const sp of ctx.children('microsoft.cdn/profiles/securitypolicies', r.id)) {
      ctx.use(sp);
      const id = sp.node.str('parameters.wafPolicy.id');
      const p = id ? ctx.use(ctx.find(id)) : undefined;
      if (p) waf = wafPolicy(ctx, p);
      else if (id)
        ctx.note(
          r.id,
          'securityPolicies',
          `WAF policy ${lastName(id)} is not in the input (az network front-door waf-policy list)`,
        );
    }
    const routes = routesOf(ctx, r);
    d.spec = { name: r.name, sku: tier, ...(waf ? { waf } : {}), ...(routes.length ? { routes } : {}) };
    return d;
  },
};

/** The profile's routes (endpoint by endpoint), each with its origin group's origins. */
function routesOf(ctx: ImportContext, fd: AzureResource): Value[] {
  const out: Value[] = [];
  const mine = ctx
    .ofType(ROUTE_TYPE)
    .filter((x) => parentId(parentId(x.id)).toLowerCase().endsWith(`/profiles/${fd.name.toLowerCase()}`));
  for (const route of mine) {
    ctx.use(route);
    const endpoint = ctx.use(ctx.find(parentId(route.id)));
    const n = route.node;
    const groupId = n.ref('originGroup')?.value;
    if (typeof groupId !== 'string') continue;
    ctx.use(ctx.find(groupId));
    const origins = ctx.children(ORIGIN_TYPE, groupId).map((o) => origin(ctx, o, n.str('forwardingProtocol')));
    const domains = [
      ...(n.str('linkToDefaultDomain') === 'Enabled' && endpoint?.node.str('hostName')
        ? [endpoint.node.str('hostName')!]
        : []),
      ...n.list('customDomains').flatMap((c) => customDomain(ctx, fd, c.str('id'))),
    ];
    const accepted = n.strings('supportedProtocols').filter((p) => p === 'Http' || p === 'Https');
    const fwd = n.str('forwardingProtocol');
    const redirect = n.str('httpsRedirect');
    out.push({
      name: route.name,
      ...(domains.length ? { domains } : {}),
      ...(n.strings('patternsToMatch').length ? { patterns: n.strings('patternsToMatch') } : {}),
      origins,
      // A redirect of Http to Https means nothing on a route that accepts only Https (Azure keeps the flag): writing
      // it would give the design a contradiction the deployed route does not have.
      ...(redirect && (accepted.length === 0 || accepted.includes('Http')) ? { httpsRedirect: redirect === 'Enabled' } : {}),
      ...(accepted.length ? { acceptedProtocols: accepted } : {}),
      ...(fwd === 'HttpOnly' || fwd === 'HttpsOnly' || fwd === 'MatchRequest' ? { forwardingProtocol: fwd } : {}),
    });
  }
  return out;
}

function customDomain(ctx: ImportContext, fd: AzureResource, id: string | undefined): string[] {
  if (!id) return [];
  const host = ctx.use(ctx.find(id))?.node.str('hostName');
  if (!host)
    ctx.note(fd.id, 'customDomains', `custom domain ${lastName(id)} is not in the input (az afd custom-domain list)`);
  return host ? [host] : [];
}

/**
 * An origin: over Private Link to a Private Link Service or Application Gateway of the input, else
 * public, recognised by its host name (an imported gateway's public address, App Service, Storage).
 * How a public origin rejects traffic that bypasses Front Door is configured on the origin, not in
 * Front Door's JSON, so `lockdown` stays unknown.
 */
function origin(ctx: ImportContext, o: AzureResource, forwarding: string | undefined): Value {
  ctx.use(o);
  const host = o.node.str('hostName');
  const https = forwarding === 'HttpsOnly' ? { https: true } : forwarding === 'HttpOnly' ? { https: false } : {};
  const head = { name: o.name, ...(host ? { hostName: host } : {}) };
  const linkId = o.node.str('sharedPrivateLinkResource.privateLink.id');
  if (linkId) {
    const type = parseId(linkId)?.type;
    const target = ctx.find(linkId);
    const decl = target ? ctx.part(target) : undefined;
    const kind =
      type === 'microsoft.network/privatelinkservices'
        ? 'private-link-service'
        : type === 'microsoft.network/applicationgateways'
          ? 'application-gateway'
          : type === 'microsoft.web/sites'
            ? 'app-service'
            : type === 'microsoft.storage/storageaccounts'
              ? 'storage'
              : 'other';
    return { ...head, originKind: kind, ...(decl ? { target: decl } : {}), connection: 'private-link', ...https };
  }
  const gw = host ? gatewayByPublicAddress(ctx, host) : undefined;
  const kind = gw
    ? 'application-gateway'
    : /\.azurewebsites\.net$/i.test(host ?? '')
      ? 'app-service'
      : /\.(blob|web)\.core\.windows\.net$/i.test(host ?? '')
        ? 'storage'
        : /^\d{1,3}(\.\d{1,3}){3}$/.test(host ?? '')
          ? 'public-ip'
          : 'other';
  return { ...head, originKind: kind, ...(gw ? { target: gw } : {}), connection: 'public', ...https };
}

/** The imported Application Gateway whose public frontend has this address. */
function gatewayByPublicAddress(ctx: ImportContext, address: string): Decl | undefined {
  for (const gw of ctx.ofType('microsoft.network/applicationgateways')) {
    const pips = gw.node
      .list('frontendIPConfigurations')
      .map((f) => f.ref('publicIPAddress')?.value)
      .filter((x): x is string => typeof x === 'string');
    if (pips.some((id) => ctx.find(id)?.node.str('ipAddress') === address)) return ctx.part(gw);
  }
  return undefined;
}

export const classicFrontDoorMapper: Mapper = {
  type: 'microsoft.network/frontdoors',
  command: 'az network front-door list',
  map(ctx, r) {
    const d = ctx.design.add('frontDoor', r.name, [r.id], `frontDoor:${r.name}`);
    d.comments.push(r.id);
    const id = r.node
      .list('frontendEndpoints')
      .map((f) => f.str('webApplicationFirewallPolicyLink.id'))
      .find((x) => x);
    const p = id ? ctx.use(ctx.find(id)) : undefined;
    const waf = p ? wafPolicy(ctx, p) : undefined;
    d.spec = { name: r.name, sku: 'Classic', ...(waf ? { waf } : {}) };
    return d;
  },
};

export const frontDoorDetails: Mapper[] = [
  { type: 'microsoft.cdn/profiles/afdendpoints', command: 'az afd endpoint list' },
  { type: ROUTE_TYPE, command: 'az afd route list' },
  { type: 'microsoft.cdn/profiles/origingroups', command: 'az afd origin-group list' },
  { type: ORIGIN_TYPE, command: 'az afd origin list' },
  { type: 'microsoft.cdn/profiles/securitypolicies', command: 'az afd security-policy list' },
  { type: 'microsoft.cdn/profiles/customdomains', command: 'az afd custom-domain list' },
  {
    type: 'microsoft.network/frontdoorwebapplicationfirewallpolicies',
    command: 'az network front-door waf-policy list',
  },
];

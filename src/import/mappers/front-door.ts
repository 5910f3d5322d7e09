/** Mappers for Azure Front Door (Standard/Premium profiles and Classic) and their WAF policies. */
import type { Mapper } from '../context.js';
import { lastName } from '../resource.js';
import { wafPolicy } from './ingress.js';

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
    let waf: ReturnType<typeof wafPolicy>;
    for (const sp of ctx.children('microsoft.cdn/profiles/securitypolicies', r.id)) {
      ctx.use(sp);
      const id = sp.node.str('parameters.wafPolicy.id');
      const p = id ? ctx.use(ctx.find(id)) : undefined;
      if (p) waf = wafPolicy(p);
      else if (id)
        ctx.note(
          r.id,
          'securityPolicies',
          `WAF policy ${lastName(id)} is not in the input (az network front-door waf-policy list)`,
        );
    }
    d.spec = { name: r.name, sku: tier, ...(waf ? { waf } : {}) };
    return d;
  },
};

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
    const waf = p ? wafPolicy(p) : undefined;
    d.spec = { name: r.name, sku: 'Classic', ...(waf ? { waf } : {}) };
    return d;
  },
};

export const frontDoorDetails: Mapper[] = [
  { type: 'microsoft.cdn/profiles/afdendpoints', command: 'az afd endpoint list' },
  { type: 'microsoft.cdn/profiles/afdendpoints/routes', command: 'az afd route list' },
  { type: 'microsoft.cdn/profiles/origingroups', command: 'az afd origin-group list' },
  { type: 'microsoft.cdn/profiles/origingroups/origins', command: 'az afd origin list' },
  { type: 'microsoft.cdn/profiles/securitypolicies', command: 'az afd security-policy list' },
  {
    type: 'microsoft.network/frontdoorwebapplicationfirewallpolicies',
    command: 'az network front-door waf-policy list',
  },
];

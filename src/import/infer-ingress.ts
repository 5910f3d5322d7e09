/**
 * Ingress paths as far as Azure's JSON shows them: an Application Gateway routing rule whose backend
 * pool address is an internal load balancer's frontend IP, and a Front Door origin reached over
 * Private Link through a Private Link Service, end at the cluster that owns the load balancer.
 * What lies behind the load balancer (the ingress controller, the Service) is not in Azure's JSON:
 * the path says so in a TODO comment instead of guessing.
 */
import type { ImportContext } from './context.js';
import { Commented, Decl, type Value } from './design.js';
import { listenerOf } from './mappers/ingress.js';
import { parentId, type AzureResource, type JNode } from './resource.js';

const TODO_TARGET =
  'TODO(aksnet import): Azure does not show the ingress controller or Service behind the load balancer: ' +
  'the path ends at the load balancer; add the controller hop and `to: { cluster, service, protocol, port }`';

export function inferIngressPaths(ctx: ImportContext): Decl[] {
  const paths: Decl[] = [];
  for (const gw of ctx.ofType('microsoft.network/applicationgateways')) {
    const d = ctx.part(gw);
    if (d) paths.push(...appGatewayPaths(ctx, gw, d));
  }
  for (const fd of ctx.ofType('microsoft.cdn/profiles')) {
    const d = ctx.part(fd);
    if (d) paths.push(...frontDoorPaths(ctx, fd, d));
  }
  for (const fw of ctx.ofType('microsoft.network/azurefirewalls')) {
    const d = ctx.part(fw);
    if (d) paths.push(...dnatPaths(ctx, d));
  }
  return paths;
}

/**
 * A DNAT rule of a firewall's policy (or classic rules) that translates to an internal load
 * balancer's frontend IP of an imported cluster: `internet → firewall (DNAT) → LB`. DNAT is layer 4:
 * the firewall forwards what the client sends, so the TLS state is taken from the port (443 carries
 * TLS through, other ports are read as plain) and said so.
 */
function dnatPaths(ctx: ImportContext, fw: Decl): Decl[] {
  const policy = fw.spec.policy as Decl | undefined;
  const collections = ((policy ? policy.spec.ruleCollections : fw.spec.classicRules) ?? []) as Value[];
  const out: Decl[] = [];
  for (const c of collections.map(plain)) {
    if (c.type !== 'dnat') continue;
    for (const r of (c.rules as Value[]).map(plain)) {
      const address = r.translatedAddress;
      const lb = typeof address === 'string' ? lbByFrontendIp(ctx, address) : undefined;
      if (!lb || !lb.decl.spec.cluster) continue;
      const port = r.destinationPort as number;
      const to = r.translatedPort as number;
      const l4 = (at: number) =>
        at === 443 ? { protocol: 'tls', port: at, tls: 'passthrough' } : { protocol: 'tcp', port: at, tls: 'plain' };
      const name = `${String(fw.spec.name)}-${String(r.name)}`;
      const p = ctx.design.add('ingressPath', name, [], `ingressPath:${name}`);
      p.comments.push(
        `inferred: ${String(fw.spec.name)} DNAT rule ${String(r.name)} → ${address as string}:${to} → ` +
          `internal load balancer ${lb.res.name}; the TLS state is read from port ${port}`,
        TODO_TARGET,
      );
      // A rule open to named source ranges publishes to partners, not to the whole internet.
      const sources = (Array.isArray(r.sourceAddresses) ? r.sourceAddresses : []) as string[];
      const from =
        sources.length > 0 && !sources.includes('*')
          ? { kind: 'partner', sourceRanges: sources }
          : { kind: 'internet' };
      p.spec = {
        name,
        from,
        hops: [
          { via: fw, ...l4(port), dnatRule: r.name as string },
          { via: lb.decl, ...l4(to) },
        ],
      };
      out.push(p);
    }
  }
  return out;
}

function plain(v: Value): Record<string, Value> {
  const x = v instanceof Commented ? v.value : v;
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Decl)
    ? (x as Record<string, Value>)
    : {};
}

/** What one routing rule (or one target of a path-based rule's URL path map) sends to. */
interface RuleTarget {
  /** Name of the path written for it. */
  name: string;
  /** How the target was read, for the path's comment. */
  how: string;
  pool?: JNode;
  settings?: JNode;
}

/**
 * The targets of a routing rule: a Basic rule's pool and settings; a PathBasedRouting rule's URL path
 * map (what AGIC writes): its default pool and settings, and each path rule sending elsewhere.
 */
function ruleTargets(n: JNode, rule: JNode, name: string): RuleTarget[] | undefined {
  const pools = n.list('backendAddressPools');
  const settings = n.list('backendHttpSettingsCollection');
  const mapId = rule.ref('urlPathMap')?.value;
  if (mapId === undefined) {
    return [
      {
        name,
        how: `routing rule ${name}`,
        pool: byId(pools, rule.ref('backendAddressPool')?.value),
        settings: byId(settings, rule.ref('backendHttpSettings')?.value),
      },
    ];
  }
  const map = byId(n.list('urlPathMaps'), mapId);
  if (!map) return undefined;
  const out: RuleTarget[] = [
    {
      name,
      how: `routing rule ${name} → URL path map ${map.str('name') ?? '?'} (default)`,
      pool: byId(pools, map.ref('defaultBackendAddressPool')?.value),
      settings: byId(settings, map.ref('defaultBackendHttpSettings')?.value),
    },
  ];
  const seen = new Set([`${out[0]!.pool?.str('id') ?? ''}|${out[0]!.settings?.str('id') ?? ''}`.toLowerCase()]);
  for (const pr of map.list('pathRules')) {
    const pool = byId(pools, pr.ref('backendAddressPool')?.value);
    const set = byId(settings, pr.ref('backendHttpSettings')?.value);
    const key = `${pool?.str('id') ?? ''}|${set?.str('id') ?? ''}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const prName = pr.str('name') ?? 'path';
    out.push({
      name: `${name}-${prName}`,
      how: `routing rule ${name} → URL path map ${map.str('name') ?? '?'} path rule ${prName} (${pr.strings('paths').join(', ')})`,
      pool,
      settings: set,
    });
  }
  return out;
}

function appGatewayPaths(ctx: ImportContext, gw: AzureResource, gwDecl: Decl): Decl[] {
  const out: Decl[] = [];
  const n = gw.node;
  const gatewayFrontend = gwDecl.spec.frontend;
  let unresolved = 0;
  const privateRules: string[] = [];
  for (const rule of n.list('requestRoutingRules')) {
    const ruleName = rule.str('name') ?? `${gw.name}-path`;
    const listenerId = rule.ref('httpListener')?.value;
    const listener = typeof listenerId === 'string' ? listenerOf(n, listenerId) : undefined;
    const targets = ruleTargets(n, rule, ruleName);
    if (!listener || !targets) {
      unresolved++;
      continue;
    }
    // The listener's own frontend says who can reach it; the gateway's is a fallback when Azure's
    // JSON does not name it and the gateway has only one kind.
    const fe = listener.frontend;
    const isPublic = fe
      ? fe.ref('publicIPAddress') !== undefined
      : gatewayFrontend === 'public'
        ? true
        : gatewayFrontend === 'private'
          ? false
          : undefined;
    if (isPublic === undefined) {
      unresolved += targets.length;
      continue;
    }
    if (!isPublic) {
      privateRules.push(`${ruleName} (frontend ${fe?.str('name') ?? 'private'})`);
      continue;
    }
    for (const t of targets) {
      const p = targetPath(ctx, gw, gwDecl, listener, t);
      if (p) out.push(p);
      else unresolved++;
    }
  }
  if (unresolved > 0) {
    gwDecl.comments.push(
      `TODO(aksnet import): ${unresolved} routing rule target(s) of ${gw.name} send to backends that are not an ` +
        'internal load balancer of an imported cluster (or to none: a redirect, a missing pool or URL path map); ' +
        'add their ingress paths by hand',
    );
    ctx.todos.push(`${gw.name}: ${unresolved} routing rule target(s) were not imported as ingress paths; add them by hand`);
  }
  if (privateRules.length > 0) {
    gwDecl.comments.push(
      `TODO(aksnet import): routing rule(s) ${privateRules.join(', ')} listen on the gateway's private frontend: ` +
        "their clients are private (a VNet or on-premises), which Azure's JSON does not name and the import's " +
        "clients cannot state (a corporate client needs its hybrid connection); add these paths by hand",
    );
    ctx.todos.push(
      `${gw.name}: routing rule(s) ${privateRules.join(', ')} listen on the private frontend; add their ingress paths ` +
        'from a private client by hand',
    );
  }
  if (unresolved > 0 || privateRules.length > 0) unplacedReason.set(gwDecl, 'its routing rules are not imported as ingress paths (see the TODO above)');
  return out;
}

/** The path of one rule target whose backend is an internal load balancer of an imported cluster. */
function targetPath(
  ctx: ImportContext,
  gw: AzureResource,
  gwDecl: Decl,
  listener: { protocol: string; port: number },
  t: RuleTarget,
): Decl | undefined {
  if (!t.pool || !t.settings) return undefined;
  const ips = t.pool
    .list('backendAddresses')
    .map((a) => (typeof a.value === 'string' ? a.value : a.str('ipAddress')))
    .filter((x): x is string => !!x);
  const lb = ips.map((ip) => lbByFrontendIp(ctx, ip)).find((x) => x);
  const backProto = t.settings.str('protocol')?.toLowerCase() ?? 'http';
  const backPort = t.settings.num('port');
  if (!lb || !lb.decl.spec.cluster || backPort === undefined) return undefined;
  const tls = tlsMode(listener.protocol, backProto);
  const rulePort = lbRulePort(lb.res.node, backPort);
  const p = ctx.design.add('ingressPath', t.name, [], `ingressPath:${t.name}`);
  p.comments.push(
    `inferred: ${gw.name} ${t.how} → backend pool address ${lb.ip} → ` +
      `internal load balancer ${lb.res.name} (its rule sends port ${backPort} on to ${String(rulePort)})`,
    TODO_TARGET,
  );
  p.spec = {
    name: t.name,
    from: { kind: 'internet' },
    hops: [
      { via: gwDecl, protocol: listener.protocol, port: listener.port, tls },
      { via: lb.decl, protocol: backProto, port: backPort, tls: backProto === 'https' ? 'passthrough' : 'plain' },
    ],
  };
  return p;
}

/**
 * Why a part is on no path, when it is known better than "on no ingress path Azure shows" (a
 * gateway whose rules could not become paths). Read by the import's check for unplaced parts.
 */
export const unplacedReason = new WeakMap<Decl, string>();

function frontDoorPaths(ctx: ImportContext, fd: AzureResource, fdDecl: Decl): Decl[] {
  const out: Decl[] = [];
  for (const route of ctx.ofType('microsoft.cdn/profiles/afdendpoints/routes')) {
    if (!parentId(parentId(route.id)).toLowerCase().endsWith(`/profiles/${fd.name.toLowerCase()}`)) continue;
    ctx.use(route);
    ctx.use(ctx.find(parentId(route.id)));
    const groupId = route.node.ref('originGroup')?.value;
    if (typeof groupId !== 'string') continue;
    ctx.use(ctx.find(groupId));
    const origins = ctx.children('microsoft.cdn/profiles/origingroups/origins', groupId);
    for (const o of origins) {
      ctx.use(o);
      const plsId = o.node.str('sharedPrivateLinkResource.privateLink.id');
      const pls = plsId ? ctx.find(plsId) : undefined;
      const plsDecl = pls ? ctx.part(pls) : undefined;
      const lb = plsDecl?.spec.loadBalancer as Decl | undefined;
      const cluster = lb?.spec.cluster as Decl | undefined;
      if (!plsDecl || !lb || !cluster) {
        fdDecl.comments.push(
          `TODO(aksnet import): origin ${o.name} is not a Private Link Service of an imported cluster's ` +
            'load balancer; add its ingress path by hand',
        );
        continue;
      }
      const protos = routeProtocols(ctx, route);
      const backProto = protos.origin;
      const port = backProto === 'https' ? (o.node.num('httpsPort') ?? 443) : (o.node.num('httpPort') ?? 80);
      const name = `${fd.name}-${route.name}`;
      const p = ctx.design.add('ingressPath', name, [], `ingressPath:${name}`);
      p.comments.push(
        `inferred: ${fd.name} route ${route.name} → origin ${o.name} over Private Link ${pls!.name} → ` +
          String(lb.spec.name),
        ...protos.comments,
        TODO_TARGET,
      );
      const clientTls = tlsMode(protos.client, backProto);
      p.spec = {
        name,
        from: { kind: 'internet' },
        hops: [
          { via: fdDecl, protocol: protos.client, port: protos.client === 'https' ? 443 : 80, tls: clientTls },
          { via: plsDecl, protocol: backProto, port, tls: backProto === 'https' ? 'passthrough' : 'plain' },
          { via: lb, protocol: backProto, port, tls: backProto === 'https' ? 'passthrough' : 'plain' },
        ],
      };
      out.push(p);
    }
  }
  return out;
}

/**
 * The protocols of a Front Door route's two hops: what clients use (`supportedProtocols`, with
 * `httpsRedirect` sending HTTP clients to HTTPS) and what Front Door sends the origin
 * (`forwardingProtocol`; `MatchRequest` forwards the client's protocol). A path has one protocol per
 * hop: a route serving both HTTP and HTTPS without a redirect is written as its HTTPS path, and said.
 */
function routeProtocols(
  ctx: ImportContext,
  route: AzureResource,
): { client: 'http' | 'https'; origin: 'http' | 'https'; comments: string[] } {
  const n = route.node;
  const accepted = n.strings('supportedProtocols').map((x) => x.toLowerCase());
  const http = accepted.includes('http');
  // No list in the input: the path keeps its HTTPS reading (what the route serves is not stated).
  const https = accepted.includes('https') || accepted.length === 0;
  const redirect = n.str('httpsRedirect')?.toLowerCase() === 'enabled';
  const client: 'http' | 'https' = https ? 'https' : 'http';
  const fwd = n.str('forwardingProtocol')?.toLowerCase();
  const origin: 'http' | 'https' = fwd === 'httponly' ? 'http' : fwd === 'httpsonly' ? 'https' : client;
  const comments: string[] = [];
  if (http && https && !redirect) {
    const also =
      `route ${route.name} also serves HTTP on port 80 without redirecting to HTTPS` +
      (fwd === 'matchrequest' ? ', and forwards those requests to the origin over HTTP' : '') +
      '; the path is written for HTTPS, the DSL has one protocol per hop';
    comments.push(also);
    ctx.note(route.id, 'supportedProtocols', also);
  }
  return { client, origin, comments };
}

function byId(list: JNode[], id: unknown): JNode | undefined {
  return typeof id === 'string' ? list.find((x) => x.str('id')?.toLowerCase() === id.toLowerCase()) : undefined;
}

/** The load balancer in the input with a frontend on this private IP. */
function lbByFrontendIp(ctx: ImportContext, ip: string): { res: AzureResource; decl: Decl; ip: string } | undefined {
  for (const lb of ctx.ofType('microsoft.network/loadbalancers')) {
    if (!lb.node.list('frontendIPConfigurations').some((f) => f.str('privateIPAddress') === ip)) continue;
    const decl = ctx.part(lb);
    if (decl) return { res: lb, decl, ip };
  }
  return undefined;
}

/** Backend port of the LB rule listening on `port` (the port traffic reaches the pods' Service on). */
function lbRulePort(lb: JNode, port: number): Value {
  const rule = lb.list('loadBalancingRules').find((r) => r.num('frontendPort') === port);
  return rule?.num('backendPort') ?? port;
}

/** What a hop does to TLS, from the protocol it accepts and the one it forwards with. */
function tlsMode(front: string | undefined, back: string): 'reencrypt' | 'terminate' | 'originate' | 'plain' {
  if (front === 'https') return back === 'https' ? 'reencrypt' : 'terminate';
  return back === 'https' ? 'originate' : 'plain';
}

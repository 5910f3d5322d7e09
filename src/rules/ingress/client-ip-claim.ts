import { defineRule } from '../../validate/rule.js';
import { L7_PROXY_KINDS } from './_ingress.js';
import { clientIpLostBefore, clientIpUnknownBefore } from '../../model/client-ip.js';

export default defineRule({
  meta: {
    id: 'ingress/client-ip-claim',
    title: 'Client source IP is only claimed where the hops can preserve it',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security', 'operational-excellence'],
    waf: ['SE:06', 'OE:07'],
    rationale:
      'Layer-7 proxies (Front Door, Application Gateway, AGC, API Management) open a new connection, so the next hop sees the proxy address and the client IP survives only in X-Forwarded-For. ' +
      'A controller that passes TLS through cannot add that header either. Allow lists, rate limits and audit logs built on a source IP that the path cannot deliver silently stop working.',
    fix: 'Set preservesClientIp: false on such hops and use X-Forwarded-For / X-Azure-ClientIP (or PROXY protocol) for client identity, or remove the layer-7 hop in front.',
    example: "{ via: appGw, protocol: 'https', port: 443, tls: 'reencrypt', preservesClientIp: false, note: 'client IP in X-Forwarded-For' }",
    references: [
      { title: 'Application Gateway: how it works (X-Forwarded-For headers)', url: 'https://learn.microsoft.com/azure/application-gateway/how-application-gateway-works' },
      { title: 'Use a public standard load balancer in AKS (externalTrafficPolicy and client IP)', url: 'https://learn.microsoft.com/azure/aks/load-balancer-standard' },
    ],
    messages: {
      layer7Proxy:
        'ingress path {{path}}, hop {{hop}} ({{resource}}) claims the client IP reaches the next hop, but ' +
        '{{resource}} is a layer-7 proxy that opens a new connection; the next hop sees its address and the client ' +
        'IP is only in X-Forwarded-For',
      tlsPassthrough:
        'ingress path {{path}}, hop {{hop}} ({{resource}}) claims the client IP reaches the next hop, but ' +
        '{{resource}} passes TLS through, so it can neither add X-Forwarded-For nor keep the client address on its ' +
        'new connection',
      lostEarlier:
        'ingress path {{path}}, hop {{hop}} ({{resource}}) claims the client IP reaches the next hop, but hop ' +
        '{{lostHop}} ({{lostResource}}) already replaced the client address',
    },
  },
  check(ctx) {
    const defaulted = new Set(ctx.model.defaults.map((d) => d.path));
    for (const p of ctx.model.ingressPaths) {
      p.hops.forEach((h, i) => {
        if (!h.preservesClientIp || defaulted.has(`${h.source.path}.preservesClientIp`)) return;
        const name = ctx.q.name(h.resource);
        let why: 'layer7Proxy' | 'tlsPassthrough' | 'lostEarlier' | undefined;
        const lost = clientIpLostBefore(p.hops, i);
        if (L7_PROXY_KINDS.has(h.resourceKind)) why = 'layer7Proxy';
        else if (h.resourceKind === 'ingressController' && h.tls === 'passthrough') why = 'tlsPassthrough';
        else if (lost) why = 'lostEarlier';
        if (!why) {
          // The claim rests on an earlier hop that does not say whether it keeps the address: ask for it.
          const open = clientIpUnknownBefore(p.hops, i);
          if (open) {
            ctx.unverified({
              element: p.id,
              path: open.source.path,
              name: `ingress path ${p.name}, hop ${open.step}`,
              property: 'preservesClientIp',
              check: `hop ${h.step} (${name}) of ingress path ${p.name} can pass the client IP on, which hop ${open.step} (${ctx.q.name(open.resource)}) must keep`,
            });
          }
          return;
        }
        ctx.report({
          messageId: why,
          data: {
            path: p.name,
            hop: h.step,
            resource: name,
            lostHop: lost?.step ?? '',
            lostResource: lost ? ctx.q.name(lost.resource) : '',
          },
          path: h.source.path,
          property: 'preservesClientIp',
          evidence: { path: p.name, hop: h.step, resource: name },
        });
      });
    }
  },
});

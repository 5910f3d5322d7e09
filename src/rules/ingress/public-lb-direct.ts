import { defineRule } from '../../validate/rule.js';
import { isOutboundLoadBalancer } from '../../model/egress.js';
import { isWebPath } from './_ingress.js';

export default defineRule({
  meta: {
    id: 'ingress/public-lb-direct',
    title: 'Internet traffic does not enter straight through a public load balancer',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:04'],
    rationale:
      'A public LoadBalancer Service exposes node ports to the whole internet at layer 4: no WAF, no TLS policy, no ' +
      'central certificate handling, and one public IP per service to govern. Microsoft recommends keeping load ' +
      'balancers internal and publishing web workloads through an ingress tier with a WAF. For TCP, TLS passthrough ' +
      'or UDP services a layer-7 gateway does not apply, so such paths get an informational note only.',
    fix: 'Make the Service an internal load balancer and put Application Gateway WAF_v2, App Gateway for Containers or Front Door Premium in front of it.',
    example: "loadBalancer({ name: 'ilb-ingress', visibility: 'internal', subnet: ingressSubnet, cluster: aks });",
    references: [
      { title: 'Best practices for network connectivity and security in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
      { title: 'Use an internal load balancer with AKS', url: 'https://learn.microsoft.com/azure/aks/internal-lb' },
    ],
    messages: {
      standalone:
        'public load balancer {{loadBalancer}} exposes a Service of cluster {{cluster}} directly to the internet with ' +
        'no WAF or layer-7 gateway in front',
      webPath:
        'internet-facing ingress path {{path}} enters directly through public load balancer {{loadBalancer}} ' +
        '({{protocol}}:{{port}}) with no WAF or layer-7 gateway in front',
      layer4Path:
        'internet-facing ingress path {{path}} enters directly through public load balancer {{loadBalancer}} ' +
        '({{protocol}}:{{port}}); a WAF does not apply to {{protocol}}, so restrict the source ranges and protect the ' +
        'public IP with DDoS Protection',
    },
  },
  check(ctx) {
    const onPaths = new Set(ctx.model.ingressPaths.flatMap((p) => p.hops.map((h) => h.resource)));
    // A public LoadBalancer Service declared on its own (network.loadBalancers) is exposed directly.
    for (const lb of ctx.q.all('loadBalancer')) {
      if (lb.visibility !== 'public' || !lb.cluster || onPaths.has(lb.id) || isOutboundLoadBalancer(ctx.model, lb.id)) continue;
      ctx.report({
        messageId: 'standalone',
        data: { loadBalancer: lb.name, cluster: ctx.q.name(lb.cluster) },
        element: lb.id,
        // The load balancer's visibility and cluster; whether it is the cluster's outbound load balancer.
        reads: ['name', 'visibility', 'cluster'],
        // Every path: one whose hop was dropped (a via that is no part) may have passed through this load balancer.
        dependsOn: [{ element: lb.cluster, reads: ['name', 'outbound'] }, ...ctx.model.ingressPaths.map((p) => p.id)],
        evidence: { loadBalancer: lb.name },
      });
    }
    for (const p of ctx.model.ingressPaths) {
      const first = p.hops[0];
      if (!p.internetFacing || !first) continue;
      const lb = ctx.q.getAs(first.resource, 'loadBalancer'); // undefined when the first hop is something else
      if (!lb || lb.visibility !== 'public') continue;
      const web = isWebPath(p);
      ctx.report({
        messageId: web ? 'webPath' : 'layer4Path',
        ...(web ? {} : { severity: 'info' as const }),
        data: { path: p.name, loadBalancer: lb.name, protocol: first.protocol, port: first.port },
        path: first.source.path,
        element: lb.id,
        reads: ['name', 'visibility'],
        evidence: { path: p.name, loadBalancer: lb.name, port: first.port },
      });
    }
  },
});

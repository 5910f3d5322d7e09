import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { egressDeps } from './_reads.js';
import { directPublicLoadBalancers } from '../../model/egress.js';

export default defineRule({
  meta: {
    id: 'egress/public-lb-asymmetric-routing',
    title: 'No public load balancer ingress on a cluster whose egress is forced through a firewall',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'When the node subnet sends 0.0.0.0/0 to a firewall, replies to clients that reached a public load balancer leave through the firewall instead of the load balancer. ' +
      'The firewall has never seen the inbound half of the connection and drops the reply, so the public service does not work (asymmetric routing).',
    fix:
      'Publish the service on an internal load balancer and reach it through a DNAT rule on the firewall, or put Application Gateway / Front Door in front; ' +
      "or keep the public load balancer but only behind a firewall DNAT rule, with a host route for the firewall's public IP (next hop Internet) in the node subnet's route table so replies to the firewall leave the way they came. " +
      'Do not expose public LoadBalancer services directly on clusters whose egress is routed to a firewall.',
    example: [
      "const ilb = loadBalancer({ name: 'ilb-ingress', visibility: 'internal', subnet: nodes, cluster: aks });",
      "ingressPath({ name: 'web', from: { kind: 'internet' }, hops: [{ via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' }, { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' }], to: { cluster: aks, service: 'web', protocol: 'https', port: 8443 } });",
    ].join('\n'),
    references: [
      { title: 'Control egress traffic using Azure Firewall in AKS (asymmetric routing)', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
    messages: {
      pathThroughPublicLb:
        'ingress path {{path}} enters through public load balancer {{loadBalancer}} (hop {{hop}}), but cluster ' +
        '{{cluster}} routes 0.0.0.0/0 to {{appliance}}: replies leave through that appliance and are dropped',
      servicePublicLb:
        'public load balancer {{loadBalancer}} of cluster {{cluster}} receives internet traffic, but the cluster ' +
        'routes 0.0.0.0/0 to {{appliance}}: replies leave through that appliance and are dropped',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const udr = new Map<Id, string>();
    // Clusters whose effective 0.0.0.0/0 route goes to a firewall or NVA, whatever their outbound type.
    for (const p of ctx.model.egressPaths) if (p.via === 'appliance' && p.nextHop) udr.set(p.cluster, q.name(p.nextHop));
    if (udr.size === 0) return;
    // Only load balancers clients reach on their own address: behind a firewall DNAT the client is the firewall's
    // public IP, whose return route egress/dnat-asymmetric-route reads (a host route to it makes the path symmetric).
    for (const { loadBalancer: lb, cluster, path: p, hop: h } of directPublicLoadBalancers(q)) {
      const appliance = udr.get(cluster);
      if (appliance === undefined) continue;
      // The load balancer's visibility and cluster, and the cluster's egress path (to the appliance).
      const at = { reads: ['visibility', 'cluster'], dependsOn: egressDeps(q, cluster) };
      if (p && h) {
        ctx.report({
          messageId: 'pathThroughPublicLb',
          data: { path: p.name, loadBalancer: lb.name, hop: h.step, cluster: q.name(cluster), appliance },
          path: h.source.path,
          element: lb.id,
          ...at,
          evidence: { path: p.name, loadBalancer: lb.name, cluster: q.name(cluster), appliance },
        });
      } else {
        // Public LoadBalancer Services declared on their own (network.loadBalancers) break the same way.
        ctx.report({
          messageId: 'servicePublicLb',
          data: { loadBalancer: lb.name, cluster: q.name(cluster), appliance },
          element: lb.id,
          ...at,
          evidence: { loadBalancer: lb.name, cluster: q.name(cluster), appliance },
        });
      }
    }
  },
});

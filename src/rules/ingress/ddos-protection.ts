import type { Id } from '../../model/types.js';
import { defineRule, type Dependency, type UnverifiedReport } from '../../validate/rule.js';

/** The unstated fact an entry's verdict waits for, and how the question names the IP. */
interface Pending extends Pick<UnverifiedReport, 'element' | 'property' | 'fact' | 'reads'> {
  ip: string;
}

export default defineRule({
  meta: {
    id: 'ingress/ddos-protection',
    title: 'VNets with public entry points have a DDoS Network Protection plan',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'Public IPs of Application Gateways, public load balancers and firewall DNAT rules only get infrastructure-level DDoS defence by default. A DDoS Network Protection plan on the VNet adds adaptive tuning, attack telemetry, rapid response and cost protection for those addresses.',
    fix: 'Associate a DDoS protection plan with every VNet that holds a public entry point (or use DDoS IP Protection on the individual public IPs).',
    example: "vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], ddosProtectionPlan: ddos, subnets: [/* … */] });",
    references: [
      { title: 'Azure DDoS Protection overview', url: 'https://learn.microsoft.com/azure/ddos-protection/ddos-protection-overview' },
      { title: 'Protect your Application Gateway with Azure DDoS Network Protection', url: 'https://learn.microsoft.com/azure/application-gateway/tutorial-protect-application-gateway-ddos' },
      { title: 'Azure DDoS Protection tier comparison (DDoS IP Protection per public IP)', url: 'https://learn.microsoft.com/azure/ddos-protection/ddos-protection-sku-comparison' },
    ],
    messages: {
      noPlan: '{{entry}} {{verb}} in VNet {{vnet}}, which has no DDoS Network Protection plan',
    },
  },
  check(ctx) {
    const { q } = ctx;
    // `pending`: the fact the entry's verdict waits for (its public IP's DDoS IP Protection, or the public IP itself);
    // the entry is judged only if that fact is known.
    // `deps`: the elements (and their fields) that make the entry public and place it in its VNets.
    const entries: Array<{ id: Id; what: string; vnets: Id[]; deps: Dependency[]; pending?: Pending }> = [];
    const push = (id: Id, what: string, vnets: Array<Id | undefined>, deps: Dependency[], pending?: Pending): void => {
      const list = vnets.filter((v): v is Id => !!v);
      entries.push({ id, what, vnets: [...new Set(list)], deps, ...(pending ? { pending } : {}) });
    };
    const GATEWAY_READS = ['name', 'frontend', 'publicIp', 'subnet'];
    for (const g of q.all('applicationGateway')) {
      if (g.frontend === 'private') continue;
      // DDoS IP Protection on the gateway's own public IP covers it without a plan on the VNet.
      const pip = q.getAs(g.publicIp, 'publicIp');
      if (pip?.ddosIpProtection === true) continue;
      // A public frontend always has a public IP, but one the design does not declare leaves its DDoS IP Protection
      // unknown: the gateway holds the question until the IP is stated.
      const pending: Pending | undefined = !pip
        ? { element: g.id, reads: GATEWAY_READS, property: 'publicIp', ip: 'its public IP', fact: 'public frontend IP with its DDoS IP Protection setting' }
        : pip.ddosIpProtection === undefined
          ? { element: pip.id, reads: ['name', 'ddosIpProtection'], property: 'ddosIpProtection', ip: `its public IP ${pip.name}` }
          : undefined;
      const deps = [{ element: g.id, reads: GATEWAY_READS }, ...(pip ? [{ element: pip.id, reads: ['ddosIpProtection'] }] : [])];
      push(g.id, `public Application Gateway ${g.name}`, [q.vnetOf(g.subnet)?.id], deps, pending);
    }
    for (const p of ctx.model.ingressPaths) {
      for (const h of p.hops) {
        if (h.resourceKind === 'loadBalancer') {
          const lb = q.getAs(h.resource, 'loadBalancer');
          if (!lb || lb.visibility !== 'public') continue;
          const cluster = lb.cluster || p.cluster || '';
          const vnets = lb.subnet ? [q.vnetOf(lb.subnet)?.id] : q.nodeSubnets(cluster).map((s) => s.vnet);
          // Without a subnet of its own, the load balancer is in the VNets of its cluster's node subnets.
          const placed = lb.subnet ? [] : [{ element: cluster, reads: ['nodePools'] }, ...q.pools(cluster).map((x) => ({ element: x.id, reads: ['subnet'] }))];
          // The path's target names the cluster when the load balancer does not.
          const path = lb.cluster ? [] : [{ element: p.id, reads: ['to', 'hops'] }];
          push(lb.id, `public load balancer ${lb.name}`, vnets, [{ element: lb.id, reads: ['name', 'visibility', 'subnet', 'cluster'] }, ...placed.filter((d) => d.element), ...path]);
        } else if (h.resourceKind === 'azureFirewall' && p.internetFacing) {
          const fw = q.getAs(h.resource, 'azureFirewall');
          // Internet-facing: the path's client says so.
          if (fw) push(fw.id, `Azure Firewall ${fw.name} (DNAT entry of path ${p.name})`, [q.vnetOf(fw.subnet)?.id], [{ element: fw.id, reads: ['name', 'subnet'] }, { element: p.id, reads: ['from'] }]);
        }
      }
    }
    // One finding per VNet, naming every public entry point in it: the plan is one fix for all of them.
    const byVnet = new Map<Id, string[]>();
    const depsByVnet = new Map<Id, Dependency[]>();
    for (const e of entries) {
      for (const vid of e.vnets) {
        const v = q.getAs(vid, 'vnet');
        if (!v || v.ddosProtectionPlan) continue;
        // Without a plan, the verdict rests on the IP's own protection: unstated, it is a question, not a warning.
        if (e.pending) {
          const { element, reads, property, ip, fact } = e.pending;
          ctx.unverified({
            element,
            ...(reads ? { reads } : {}),
            property,
            check: `${e.what} in VNet ${v.name}, which has no DDoS Network Protection plan, is covered by DDoS IP Protection on ${ip}`,
            ...(fact ? { fact } : {}),
          });
          continue;
        }
        const list = byVnet.get(v.id) ?? [];
        if (!list.includes(e.what)) list.push(e.what);
        byVnet.set(v.id, list);
        depsByVnet.set(v.id, [...(depsByVnet.get(v.id) ?? []), ...e.deps]);
      }
    }
    for (const [vid, whats] of byVnet) {
      const v = q.getAs(vid, 'vnet')!;
      const entry = whats.length === 1 ? whats[0]! : `${whats.slice(0, -1).join(', ')} and ${whats[whats.length - 1]}`;
      ctx.report({
        messageId: 'noPlan',
        data: { entry, verb: whats.length === 1 ? 'has a public IP' : 'have public IPs', vnet: v.name },
        element: v.id,
        // The VNet's plan (and name); the entries' fields that make them public and place them in it.
        reads: ['name', 'ddosProtectionPlan'],
        dependsOn: depsByVnet.get(vid) ?? [],
        property: 'ddosProtectionPlan',
        evidence: { entry, vnet: v.name, entries: whats.length },
      });
    }
  },
});

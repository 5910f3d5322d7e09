import type { Id } from '../../model/types.js';
import { defineRule, type UnverifiedReport } from '../../validate/rule.js';

/** The unstated fact an entry's verdict waits for, and how the question names the IP. */
interface Pending extends Pick<UnverifiedReport, 'element' | 'property' | 'fact'> {
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
    const entries: Array<{ id: Id; what: string; vnets: Id[]; pending?: Pending }> = [];
    const push = (id: Id, what: string, vnets: Array<Id | undefined>, pending?: Pending): void => {
      const list = vnets.filter((v): v is Id => !!v);
      entries.push({ id, what, vnets: [...new Set(list)], ...(pending ? { pending } : {}) });
    };
    for (const g of q.all('applicationGateway')) {
      if (g.frontend === 'private') continue;
      // DDoS IP Protection on the gateway's own public IP covers it without a plan on the VNet.
      const pip = q.getAs(g.publicIp, 'publicIp');
      if (pip?.ddosIpProtection === true) continue;
      // A public frontend always has a public IP, but one the design does not declare leaves its DDoS IP Protection
      // unknown: the gateway holds the question until the IP is stated.
      const pending: Pending | undefined = !pip
        ? { element: g.id, property: 'publicIp', ip: 'its public IP', fact: 'public frontend IP with its DDoS IP Protection setting' }
        : pip.ddosIpProtection === undefined
          ? { element: pip.id, property: 'ddosIpProtection', ip: `its public IP ${pip.name}` }
          : undefined;
      push(g.id, `public Application Gateway ${g.name}`, [q.vnetOf(g.subnet)?.id], pending);
    }
    for (const p of ctx.model.ingressPaths) {
      for (const h of p.hops) {
        if (h.resourceKind === 'loadBalancer') {
          const lb = q.getAs(h.resource, 'loadBalancer');
          if (!lb || lb.visibility !== 'public') continue;
          const vnets = lb.subnet ? [q.vnetOf(lb.subnet)?.id] : q.nodeSubnets(lb.cluster || p.cluster || '').map((s) => s.vnet);
          push(lb.id, `public load balancer ${lb.name}`, vnets);
        } else if (h.resourceKind === 'azureFirewall' && p.internetFacing) {
          const fw = q.getAs(h.resource, 'azureFirewall');
          if (fw) push(fw.id, `Azure Firewall ${fw.name} (DNAT entry of path ${p.name})`, [q.vnetOf(fw.subnet)?.id]);
        }
      }
    }
    // One finding per VNet, naming every public entry point in it: the plan is one fix for all of them.
    const byVnet = new Map<Id, string[]>();
    for (const e of entries) {
      for (const vid of e.vnets) {
        const v = q.getAs(vid, 'vnet');
        if (!v || v.ddosProtectionPlan) continue;
        // Without a plan, the verdict rests on the IP's own protection: unstated, it is a question, not a warning.
        if (e.pending) {
          const { element, property, ip, fact } = e.pending;
          ctx.unverified({
            element,
            property,
            check: `${e.what} in VNet ${v.name}, which has no DDoS Network Protection plan, is covered by DDoS IP Protection on ${ip}`,
            ...(fact ? { fact } : {}),
          });
          continue;
        }
        const list = byVnet.get(v.id) ?? [];
        if (!list.includes(e.what)) list.push(e.what);
        byVnet.set(v.id, list);
      }
    }
    for (const [vid, whats] of byVnet) {
      const v = q.getAs(vid, 'vnet')!;
      const entry = whats.length === 1 ? whats[0]! : `${whats.slice(0, -1).join(', ')} and ${whats[whats.length - 1]}`;
      ctx.report({
        messageId: 'noPlan',
        data: { entry, verb: whats.length === 1 ? 'has a public IP' : 'have public IPs', vnet: v.name },
        element: v.id,
        property: 'ddosProtectionPlan',
        evidence: { entry, vnet: v.name, entries: whats.length },
      });
    }
  },
});

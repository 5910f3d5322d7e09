import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

const ANY_SOURCE = new Set(['*', 'internet', '0.0.0.0/0', 'any']);

export default defineRule({
  meta: {
    id: 'ingress/front-door-origin-lockdown',
    title: 'Origins behind Front Door accept traffic only from Front Door',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:04'],
    rationale:
      'When Front Door (with its WAF, bot protection and DDoS absorption) sits in front of an Application Gateway, a gateway subnet that still admits the whole internet lets attackers skip Front Door by calling the gateway’s public IP directly.',
    fix: "Allow inbound 443 on the gateway subnet NSG only from the 'AzureFrontDoor.Backend' service tag (plus GatewayManager and AzureLoadBalancer), and check the X-Azure-FDID header on the listener.",
    example: "{ name: 'allow-afd', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'AzureFrontDoor.Backend', destination: '*', ports: 443 }",
    references: [
      { title: 'Secure traffic to Azure Front Door origins', url: 'https://learn.microsoft.com/azure/frontdoor/origin-security' },
      { title: 'Azure DDoS Protection overview (Front Door and Application Gateway)', url: 'https://learn.microsoft.com/azure/ddos-protection/ddos-protection-overview' },
    ],
    messages: {
      originNotLocked:
        'public origin {{origin}} of Front Door {{frontDoor}} (route {{route}}) lacks {{what}}, so traffic ' +
        'can reach it without passing Front Door{{other}}',
      gatewaySubnetNoNsg:
        'Application Gateway {{gateway}} sits behind Front Door {{frontDoor}} (path {{path}}) but its subnet {{subnet}} has ' +
        'no NSG, so its public frontend accepts traffic that bypasses Front Door',
      gatewayOpenToInternet:
        'Application Gateway {{gateway}} sits behind Front Door {{frontDoor}} (path {{path}}) but NSG {{nsg}} rule {{rule}} ' +
        '(priority {{priority}}) admits {{source}}; restrict it to AzureFrontDoor.Backend',
    },
  },
  check(ctx) {
    const { q } = ctx;
    // Public origins of Front Door routes: both the service tag and the X-Azure-FDID check are needed.
    for (const fd of q.all('frontDoor')) {
      fd.routes.forEach((route, i) => {
        route.origins.forEach((o, j) => {
          if (o.connection !== 'public') return;
          const property = `routes[${i}].origins[${j}].lockdown`;
          // The origin (its connection and lockdown, and name) and the route's name.
          const reads = ['name', `routes[${i}].name`, `routes[${i}].origins[${j}]`];
          if (o.lockdown === undefined) {
            ctx.unverified({ element: fd.id, reads, property, check: `origin ${o.name} of Front Door ${fd.name} accepts traffic only from this profile` });
            return;
          }
          const missing = (['service-tag', 'x-azure-fdid'] as const).filter((m) => !o.lockdown!.includes(m));
          if (missing.length === 0) return;
          const what = missing.map((m) => (m === 'service-tag' ? 'the AzureFrontDoor.Backend service tag' : 'the X-Azure-FDID header check')).join(' and ');
          ctx.report({
            messageId: 'originNotLocked',
            data: {
              origin: o.name,
              frontDoor: fd.name,
              route: route.name,
              what,
              other: o.lockdown.length ? '' : ' or from another Front Door profile',
            },
            element: fd.id,
            reads,
            property,
            evidence: { frontDoor: fd.name, origin: o.name, missing: missing.join(',') },
          });
        });
      });
    }
    const done = new Set<Id>();
    for (const p of ctx.model.ingressPaths) {
      p.hops.forEach((h, i) => {
        if (h.resourceKind !== 'applicationGateway' || !p.hops.slice(0, i).some((x) => x.resourceKind === 'frontDoor')) return;
        const g = q.getAs(h.resource, 'applicationGateway');
        if (!g || g.frontend === 'private' || done.has(g.id)) return;
        done.add(g.id);
        const fdId = p.hops.slice(0, i).find((x) => x.resourceKind === 'frontDoor')!.resource;
        const fd = q.name(fdId);
        const s = q.getAs(g.subnet, 'subnet');
        const nsg = q.getAs(s?.nsg, 'nsg');
        if (!s) return;
        if (!nsg) {
          ctx.report({
            messageId: 'gatewaySubnetNoNsg',
            data: { gateway: g.name, frontDoor: fd, path: p.name, subnet: s.name },
            element: s.id,
            // The subnet's NSG; the gateway's frontend and subnet; Front Door by name.
            reads: ['name', 'nsg'],
            dependsOn: [
              { element: g.id, reads: ['name', 'frontend', 'subnet'] },
              { element: fdId, reads: ['name'] },
              // The path puts Front Door before the gateway.
              { element: p.id, reads: ['hops'] },
            ],
            property: 'nsg',
            evidence: { gateway: g.name, frontDoor: fd, subnet: s.name },
          });
          return;
        }
        if (nsg.rules === undefined) {
          const check = `the public frontend of Application Gateway ${g.name} admits only Front Door ${fd}`;
          ctx.unverified({ element: nsg.id, reads: ['name', 'rules'], property: 'rules', check });
          return;
        }
        const idx = nsg.rules.findIndex((r) => r.direction === 'inbound' && r.access === 'allow' && !r.sourceSubnet && ANY_SOURCE.has(String(r.source).toLowerCase()));
        if (idx < 0) return;
        const r = nsg.rules[idx]!;
        ctx.report({
          messageId: 'gatewayOpenToInternet',
          data: { gateway: g.name, frontDoor: fd, path: p.name, nsg: nsg.name, rule: r.name, priority: r.priority, source: r.source },
          path: `${nsg.source.path}.rules[${idx}]`,
          property: 'source',
          element: nsg.id,
          reads: ['name', 'rules'],
          dependsOn: [
            { element: g.id, reads: ['name', 'frontend', 'subnet'] },
            { element: s.id, reads: ['name', 'nsg'] },
            { element: fdId, reads: ['name'] },
            { element: p.id, reads: ['hops'] },
          ],
          evidence: { gateway: g.name, frontDoor: fd, nsg: nsg.name, rule: r.name, priority: r.priority },
        });
      });
    }
  },
});

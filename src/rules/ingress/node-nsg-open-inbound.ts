import type { Id } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';

const ANY_SOURCE = new Set(['*', 'internet', '0.0.0.0/0', 'any']);
/** SSH and RDP: administration, which belongs behind Bastion or a jump box, not the ingress tier. */
const ADMIN_PORTS = [22, 3389];

export default defineRule({
  meta: {
    id: 'ingress/node-nsg-open-inbound',
    title: 'Node subnet NSGs admit inbound traffic only from the ingress tier',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:04'],
    rationale:
      'When the cluster is published through Application Gateway, AGC or a firewall, the node subnet should only ' +
      'accept traffic from that tier. An inbound allow from Internet or any source lets anyone reach node ports and ' +
      'any accidentally public service, bypassing the WAF. SSH and RDP are administration, not ingress: open to ' +
      'the internet they invite brute-force attacks on the nodes, and no ingress tier should carry them either.',
    // Two cases with different fixes: web ports narrow to the ingress tier, admin ports close entirely.
    fix:
      'For SSH (22) or RDP (3389): delete the rule; administer nodes through Azure Bastion or a jump box in a ' +
      'peered network, or with kubectl debug, never from the ingress tier or the internet. For web ports: set the ' +
      "rule's source to the Application Gateway / AGC subnet (or the firewall) and keep the default deny for " +
      'everything else.',
    example: "{ name: 'allow-appgw', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: appGwSubnet, destination: '*', ports: 443 }",
    references: [
      { title: 'Best practices for network connectivity and security in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
      { title: 'Network security groups', url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview' },
      { title: 'Connect to AKS nodes for maintenance or troubleshooting', url: 'https://learn.microsoft.com/azure/aks/node-access' },
    ],
    messages: {
      openInbound:
        'NSG {{nsg}} on node subnet {{subnet}} (cluster {{cluster}}) allows inbound from {{source}} to ports {{ports}} ' +
        "(rule {{rule}}, priority {{priority}}); admit only the ingress tier's subnet",
      adminPorts:
        'NSG {{nsg}} on node subnet {{subnet}} (cluster {{cluster}}) allows inbound from {{source}} to ports {{ports}} ' +
        '(rule {{rule}}, priority {{priority}}), including SSH/RDP; remove it and reach nodes through Azure Bastion or ' +
        'a jump box',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const done = new Set<string>();
    for (const c of q.all('cluster')) {
      // Ports the cluster deliberately publishes on a public load balancer need Internet inbound on the node subnet;
      // ingress/public-lb-direct covers that exposure, so only ports beyond those are reported here.
      const published: Array<[number, number]> = [];
      // The load balancers on the cluster's paths (whether they are public), and its pools' subnets.
      const dependsOn: Dependency[] = [{ element: c.id, reads: ['name', 'nodePools'] }, ...q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] }))];
      for (const p of q.ingressPathsOf(c.id)) {
        // The ports its load balancer hops publish (a hop's port or via stated wrongly would judge a stand-in).
        dependsOn.push({ element: p.id, reads: ['hops', 'to'] });
        for (const h of p.hops) {
          if (h.resourceKind !== 'loadBalancer') continue;
          dependsOn.push({ element: h.resource, reads: ['visibility'] });
          if (q.getAs(h.resource, 'loadBalancer')?.visibility === 'public') published.push([h.port, h.port]);
        }
      }
      const onlyPublished = (ports: Array<[number, number]>): boolean =>
        published.length > 0 && ports.every(([a, b]) => published.some(([x, y]) => a >= x && b <= y));
      for (const s of q.nodeSubnets(c.id)) {
        const nsg = q.getAs(s.nsg, 'nsg');
        if (!nsg) continue;
        if (nsg.rules === undefined) {
          if (!done.has(nsg.id)) {
            done.add(nsg.id);
            ctx.unverified({ element: nsg.id, reads: ['name', 'rules'], property: 'rules', check: `NSG ${nsg.name} on node subnet ${s.name} admits only the ingress tier` });
          }
          continue;
        }
        nsg.rules.forEach((r, i) => {
          if (r.direction !== 'inbound' || r.access !== 'allow' || r.sourceSubnet) return;
          if (!ANY_SOURCE.has(String(r.source).toLowerCase())) return;
          if (onlyPublished(r.ports)) return;
          const key = `${nsg.id}#${i}`;
          if (done.has(key)) return;
          done.add(key);
          const ports = r.ports.map(([a, b]) => (a === b ? String(a) : a === 0 && b === 65535 ? '*' : `${a}-${b}`)).join(',') || '?';
          const admin = r.ports.some(([a, b]) => ADMIN_PORTS.some((p) => a <= p && p <= b));
          ctx.report({
            messageId: admin ? 'adminPorts' : 'openInbound',
            data: { nsg: nsg.name, subnet: s.name, cluster: c.name, source: r.source, ports, rule: r.name, priority: r.priority },
            path: `${nsg.source.path}.rules[${i}]`,
            property: 'source',
            element: nsg.id as Id,
            reads: ['name', 'rules'],
            dependsOn: [...dependsOn, { element: s.id, reads: ['name', 'nsg'] }],
            evidence: { nsg: nsg.name, rule: r.name, source: r.source, priority: r.priority, ports },
          });
        });
      }
    }
  },
});

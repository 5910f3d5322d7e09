import { cidr, contains } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { accessOf, authorizedRanges, isPublic, restricts } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/authorized-ranges-build-agents',
    title: 'Authorized IP ranges cover the declared egress IPs of the CI/CD agents that deploy',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security', 'operational-excellence'],
    waf: ['SE:06', 'OE:06'],
    rationale:
      'When the API server only accepts authorized ranges, a pipeline whose agents egress from an address outside those ranges is refused and every deployment fails.',
    fix: 'Add the agents’ egress IPs (or their NAT gateway / firewall IPs) to apiServer.authorizedIpRanges, or run the agents inside the VNet against a private endpoint.',
    example: `const agents = buildAgents({ name: 'ado-agents', hosting: 'self-hosted', subnet: agentsSubnet, egressIps: ['198.51.100.7/32'] });
apiServer: { mode: 'public', authorizedIpRanges: ['198.51.100.7/32', '203.0.113.0/28'] }`,
    references: [
      { title: 'Secure access to the API server using authorized IP address ranges', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' },
    ],
    messages: {
      agentsOutside:
        'build agents {{agents}} egress from {{missing}}, which {{verb}} outside the {{ranges}} authorized IP ' +
        'ranges of {{cluster}}; deployments will be refused',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (!isPublic(c)) continue;
      const ranges = authorizedRanges(c);
      if (!restricts(ranges)) continue;
      const allowed = ranges.map(cidr).filter((r) => r !== undefined);
      for (const a of accessOf(ctx.model, c)) {
        if (a.kind !== 'cicd') continue;
        const agents = q.getAs(a.from, 'buildAgents');
        if (!agents) continue;
        // Self-hosted agents leave from addresses of their own network (its NAT gateway, firewall or load balancer):
        // unstated, they are unknown, not none. Microsoft-hosted ones are control-plane/hosted-agents-authorized-ranges'.
        if (agents.egressIps.length === 0 && agents.hosting === 'self-hosted') {
          ctx.unverified({
            element: agents.id,
            property: 'egressIps',
            check: `self-hosted build agents ${agents.name} reach the public API server of ${c.name} through its ${ranges.length} authorized IP range${ranges.length === 1 ? '' : 's'}`,
            fact: `the public IP addresses build agents ${agents.name} leave from`,
            reads: ['hosting', 'egressIps'],
          });
          continue;
        }
        const missing = agents.egressIps.filter((ip) => {
          const r = cidr(ip.includes('/') ? ip : `${ip}/32`);
          return r !== undefined && !allowed.some((x) => contains(x, r));
        });
        if (missing.length === 0) continue;
        ctx.report({
          messageId: 'agentsOutside',
          data: {
            agents: agents.name,
            missing: missing.join(', '),
            verb: missing.length === 1 ? 'is' : 'are',
            ranges: ranges.length,
            cluster: c.name,
          },
          element: c.id,
          reads: ['apiServer', 'controlPlaneAccess'],
          dependsOn: [{ element: agents.id, reads: ['hosting', 'egressIps'] }],
          property: 'apiServer.authorizedIpRanges',
          evidence: { agents: agents.name, missing: missing.join(', '), ranges: ranges.length },
        });
      }
    }
  },
});

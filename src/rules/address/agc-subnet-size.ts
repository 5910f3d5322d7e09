import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/agc-subnet-size',
    title: 'The Application Gateway for Containers subnet has 256 addresses per association',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:06', 'PE:02'],
    rationale:
      'Application Gateway for Containers needs at least 256 addresses (a /24) in its association subnet for each association; a smaller subnet is rejected when the association is created.',
    fix: 'Give the AGC association subnet a /24 (n × 256 addresses when several associations share it).',
    example: `subnet({ name: 'snet-agc', cidr: '10.240.8.0/24', purpose: 'agc', delegation: 'Microsoft.ServiceNetworking/trafficControllers' })`,
    references: [
      { title: 'Application Gateway for Containers components: association subnet', url: 'https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components' },
    ],
    messages: {
      tooSmall: 'AGC association subnet {{subnet}} {{cidr}} has {{size}} addresses; {{who}} {{needed}} (a /{{prefix}})',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const s of q.all('subnet')) {
      const r = cidr(s.cidr);
      if (!r) continue;
      const agcs = q.all('agc').filter((a) => a.subnet === s.id);
      if (agcs.length === 0) continue;
      const need = 256 * agcs.length;
      if (r.size >= need) continue;
      ctx.report({
        messageId: 'tooSmall',
        data: {
          subnet: s.name,
          cidr: s.cidr,
          size: r.size,
          who: agcs.length === 1 ? `${agcs[0]!.name} needs` : `${agcs.length} associations need`,
          needed: need,
          prefix: 32 - Math.ceil(Math.log2(need)),
        },
        element: s.id,
        reads: ['cidr'],
        dependsOn: agcs.map((a) => ({ element: a.id, reads: ['subnet'] })),
        property: 'cidr',
        evidence: { subnet: s.name, cidr: s.cidr, size: r.size, needed: need },
      });
    }
  },
});

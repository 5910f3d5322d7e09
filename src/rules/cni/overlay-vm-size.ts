import { defineRule } from '../../validate/rule.js';

const DCSV2 = /^Standard_DC\d+s_v2$/i;

export default defineRule({
  meta: {
    id: 'cni/overlay-vm-size',
    title: 'Azure CNI Overlay pools avoid DCsv2 VM sizes',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'Azure CNI Overlay does not support the DCsv2-series confidential VMs; pools of those sizes fail to provision in an overlay cluster.',
    fix: 'Use a DCasv5/DCadsv5 (or other supported) size, or a different CNI for the confidential pool.',
    example: `nodePool({ name: 'conf', mode: 'user', vmSize: 'Standard_DC4ads_v5', subnet: nodes })`,
    references: [{ title: 'Azure CNI Overlay: limitations', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' }],
    messages: {
      unsupportedSize:
        'node pool {{pool}} of overlay cluster {{cluster}} uses {{vmSize}}; DCsv2 VMs are not supported with ' +
        'Azure CNI Overlay',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'azure-overlay') continue;
      for (const p of ctx.q.pools(c.id)) {
        if (!DCSV2.test(p.vmSize)) continue;
        ctx.report({
          messageId: 'unsupportedSize',
          data: { pool: p.name, cluster: c.name, vmSize: p.vmSize },
          element: p.id,
          property: 'vmSize',
          reads: ['vmSize'],
          dependsOn: [{ element: c.id, reads: ['network.cni'] }],
          evidence: { pool: p.name, vmSize: p.vmSize },
        });
      }
    }
  },
});

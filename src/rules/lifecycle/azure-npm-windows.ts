import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const NPM_WINDOWS_END = '2026-09-30';

export default defineRule({
  meta: {
    id: 'lifecycle/azure-npm-windows',
    title: 'Azure Network Policy Manager on Windows node pools retires 2026-09-30',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['security'],
    waf: ['SE:06', 'SE:08'],
    rationale:
      'Azure Network Policy Manager (NPM) for Windows nodes is retired on 30 September 2026. Windows pools that rely on it lose supported network policy enforcement.',
    fix: 'Use Calico network policy for clusters with Windows node pools (Azure CNI required), or move the workloads to Linux pools with Cilium.',
    example: "cluster({ /* … */ network: { cni: 'azure-overlay', networkPolicy: 'calico' } });",
    references: [
      { title: 'Secure traffic between pods using network policies in AKS', url: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
    ],
  },
  check(ctx) {
    const d = due(NPM_WINDOWS_END, ctx.asOf);
    for (const c of ctx.q.all('cluster')) {
      if (c.network.networkPolicy !== 'azure') continue;
      const win = ctx.q.pools(c.id).filter((p) => p.os === 'Windows');
      if (win.length === 0) continue;
      ctx.report({
        message: `cluster ${c.name} uses Azure NPM with ${win.length} Windows node pool${win.length === 1 ? '' : 's'} (${win.map((p) => p.name).join(', ')}): NPM for Windows ${d.past ? 'retired' : 'retires'} ${NPM_WINDOWS_END} (${d.relative}); use Calico`,
        element: c.id,
        property: 'network.networkPolicy',
        severity: d.severity,
        evidence: { cluster: c.name, windowsPools: win.length, date: NPM_WINDOWS_END, asOf: ctx.asOf },
      });
    }
  },
});

import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

const NPM_WINDOWS = RETIREMENTS.azureNpmWindows;

/** Kept for callers that name the date. */
export const NPM_WINDOWS_END = NPM_WINDOWS.date;

export default defineDatedRule({
  retirement: NPM_WINDOWS,
  meta: {
    id: 'lifecycle/azure-npm-windows',
    title: 'Azure Network Policy Manager on Windows node pools: closed to new subscriptions, retires 2026-09-30',
    severity: 'error',
    pillars: ['security'],
    waf: ['SE:06', 'SE:08'],
    rationale:
      'AKS stops supporting Azure Network Policy Manager (NPM) on Windows nodes on 30 September 2026. Until then only ' +
      'subscriptions already registered for it may keep using it: others can no longer onboard, so a design that ' +
      'relies on it cannot be built as drawn, and after the date Windows pools lose supported policy enforcement.',
    fix:
      'Filter Windows pod traffic another way: Calico network policy (Azure CNI required; it covers Linux and Windows ' +
      'pools) or node-level NSGs on the Windows pools, or move the workloads to Linux pools with Cilium.',
    example: "cluster({ /* … */ network: { cni: 'azure-overlay', networkPolicy: 'calico' } });",
    references: [
      { title: NPM_WINDOWS.source.title, url: NPM_WINDOWS.source.url },
      { title: 'Network concepts for AKS (network security groups)', url: 'https://learn.microsoft.com/azure/aks/concepts-network' },
    ],
    messages: {
      npmWindows:
        'cluster {{cluster}} uses Azure NPM with {{pools}}: NPM for Windows {{status}}; use Calico or node-level NSGs',
    },
  },
  check(ctx, when) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.networkPolicy !== 'azure') continue;
      const win = ctx.q.pools(c.id).filter((p) => p.os === 'Windows');
      if (win.length === 0) continue;
      const status = when.past
        ? `retired ${when.date} (${when.relative})`
        : `is closed to subscriptions not already onboarded and retires ${when.date} (${when.relative})`;
      ctx.report({
        messageId: 'npmWindows',
        data: {
          cluster: c.name,
          pools: `${win.length} Windows node pool${win.length === 1 ? '' : 's'} (${win.map((p) => p.name).join(', ')})`,
          status,
        },
        element: c.id,
        reads: ['network.networkPolicy'],
        // Which pools run Linux or Windows.
        dependsOn: ctx.q.pools(c.id).map((p) => ({ element: p.id, reads: ['os'] })),
        property: 'network.networkPolicy',
        evidence: { cluster: c.name, windowsPools: win.length },
      });
    }
  },
});

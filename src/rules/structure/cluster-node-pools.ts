import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/cluster-node-pools',
    title: 'Every cluster has a Linux system node pool, and no system pool runs Windows',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:04', 'OE:05'],
    rationale:
      'An AKS cluster must always contain at least one system node pool: it hosts CoreDNS, metrics-server and the other critical system pods, and AKS refuses to delete the last one. ' +
      'AKS requires system pools to run Linux, so a Windows pool cannot be a system pool; Windows workloads go in user pools next to a Linux system pool. ' +
      'A cluster declared without node pools, with user pools only or with Windows system pools only cannot be created as written, and every capacity check on it would count the wrong nodes.',
    fix: "Add a Linux node pool with `mode: 'system'` (at least three nodes across zones for production), and give Windows pools `mode: 'user'`.",
    example: "nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, zones: [1, 2, 3], subnet: nodes })",
    references: [
      { title: 'Manage system node pools in AKS (system pools must run Linux)', url: 'https://learn.microsoft.com/azure/aks/use-system-pools' },
      { title: 'Windows vs. Linux containers in AKS (the first system node pool must be Linux)', url: 'https://learn.microsoft.com/azure/aks/windows-vs-linux-containers' },
    ],
    messages: {
      noPools: 'cluster {{cluster}} has no node pools; AKS needs at least one system node pool',
      noSystemPool:
        'cluster {{cluster}} has only user node pools ({{pools}}); AKS needs at least one system node pool',
      windowsSystemPool:
        "node pool {{pool}} of {{cluster}} is a Windows pool in system mode; AKS accepts only Linux system pools: make it mode 'user'",
      noLinuxSystemPool:
        'cluster {{cluster}} has no Linux system pool (its system pools, {{pools}}, run Windows); AKS needs at least one',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const pools = ctx.q.pools(c.id);
      const system = pools.filter((p) => p.mode === 'system');
      // The cluster's verdicts read its pools' modes and OS.
      const on = { element: c.id, reads: ['nodePools'], dependsOn: pools.map((p) => ({ element: p.id, reads: ['mode', 'os'] })) };
      if (pools.length === 0) ctx.report({ ...on, messageId: 'noPools', data: { cluster: c.name }, property: 'nodePools' });
      else if (system.length === 0) {
        const pnames = pools.map((p) => p.name).join(', ');
        ctx.report({ ...on, messageId: 'noSystemPool', data: { cluster: c.name, pools: pnames }, property: 'nodePools' });
      }
      const windows = system.filter((p) => p.os === 'Windows');
      for (const p of windows) {
        ctx.report({
          messageId: 'windowsSystemPool',
          data: { pool: p.name, cluster: c.name },
          element: p.id,
          reads: ['os', 'mode'],
          property: 'os',
          evidence: { pool: p.name, mode: p.mode, os: p.os },
        });
      }
      if (windows.length > 0 && windows.length === system.length) {
        const pnames = windows.map((p) => p.name).join(', ');
        ctx.report({ ...on, messageId: 'noLinuxSystemPool', data: { cluster: c.name, pools: pnames }, property: 'nodePools' });
      }
    }
  },
});

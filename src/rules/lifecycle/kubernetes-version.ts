import {
  KUBERNETES_VERSIONS_SOURCE,
  LTS_SOURCE,
  supportedMinors,
  versionStatus,
} from '../../model/data/kubernetes-versions.js';
import { defineRule } from '../../validate/rule.js';

/**
 * The cluster's Kubernetes version against the AKS support calendar on the evaluation date. Only the
 * cluster's `kubernetesVersion` is checked: the DSL has no per-pool orchestrator version yet. A
 * version the design does not state is not judged here.
 */
export default defineRule({
  meta: {
    id: 'lifecycle/kubernetes-version',
    title: 'Cluster Kubernetes version is inside the AKS support window',
    severity: 'error',
    kind: 'lifecycle',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:04'],
    rationale:
      'AKS supports each GA minor version for about 12 months (three minors at a time). Past its end of life a ' +
      'minor gets no security patches or Kubernetes fixes, new clusters cannot be created on it and the AKS SLA no ' +
      'longer covers it; AKS upgrades it automatically when it falls out of platform support. Long-term support ' +
      'extends a minor by a year, but only on the Premium tier with the AKSLongTermSupport plan.',
    fix:
      'Upgrade to a supported minor (the message lists them as of the evaluation date), or move the cluster to the ' +
      'Premium tier with the AKSLongTermSupport plan if a minor must stay longer.',
    example: "cluster({ name: 'aks-prod', region: 'westeurope', tier: 'Standard', kubernetesVersion: '1.35', /* … */ });",
    references: [KUBERNETES_VERSIONS_SOURCE, LTS_SOURCE],
    messages: {
      outOfSupport:
        'cluster {{cluster}} runs Kubernetes {{version}}, whose AKS support ended {{endOfSupport}} (as of {{asOf}}){{lts}}; ' +
        'upgrade to {{supported}}',
      olderThanTable:
        'cluster {{cluster}} runs Kubernetes {{version}}, older than {{oldest}} (the oldest minor in the AKS calendar): ' +
        'out of support as of {{asOf}}; upgrade to {{supported}}',
      ltsOnly:
        'cluster {{cluster}} runs Kubernetes {{version}}, past community support ({{endOfSupport}}): on the Premium tier ' +
        'it is supported only with the AKSLongTermSupport plan, until {{ltsEnd}}',
      preview:
        'cluster {{cluster}} runs Kubernetes {{version}}, not generally available on AKS until {{ga}} (as of {{asOf}}): ' +
        'preview versions are not for production',
      unknownVersion:
        'cluster {{cluster}} runs Kubernetes {{version}}, newer than the newest minor in aksnet\'s calendar ({{newest}}); ' +
        'check it against the AKS release calendar',
      unparsable: "cluster {{cluster}} has kubernetesVersion '{{version}}', which is not a version like 1.33 or 1.33.4",
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const version = c.kubernetesVersion;
      if (version === undefined) continue;
      const premium = c.tier === 'Premium';
      const s = versionStatus(version, ctx.asOf, premium);
      const base = { cluster: c.name, version, asOf: ctx.asOf };
      const at = { element: c.id, property: 'kubernetesVersion' } as const;
      const supported = supportedMinors(ctx.asOf).join(', ') || 'a supported minor';
      switch (s.kind) {
        case 'supported':
          break;
        case 'unparsable':
          ctx.report({ ...at, messageId: 'unparsable', data: base, evidence: base });
          break;
        case 'older-than-table':
          ctx.report({ ...at, messageId: 'olderThanTable', data: { ...base, oldest: s.oldest, supported }, evidence: base });
          break;
        case 'newer-than-table':
          ctx.report({ ...at, messageId: 'unknownVersion', severity: 'info', data: { ...base, newest: s.newest }, evidence: base });
          break;
        case 'preview':
          ctx.report({ ...at, messageId: 'preview', severity: 'warning', data: { ...base, ga: s.entry.ga }, evidence: base });
          break;
        case 'lts':
          ctx.report({
            ...at,
            messageId: 'ltsOnly',
            severity: 'info',
            data: { ...base, endOfSupport: s.entry.endOfSupport, ltsEnd: s.entry.ltsEnd },
            evidence: { ...base, tier: c.tier, ltsEnd: s.entry.ltsEnd },
          });
          break;
        case 'out-of-support': {
          const lts = premium
            ? s.entry.ltsEnd
              ? `, and its long-term support ended ${s.entry.ltsEnd}`
              : ''
            : s.ltsCovers
              ? ` (long-term support on the Premium tier would cover it until ${s.entry.ltsEnd})`
              : '';
          ctx.report({
            ...at,
            messageId: 'outOfSupport',
            data: { ...base, endOfSupport: s.entry.endOfSupport, lts, supported },
            evidence: { ...base, tier: c.tier, endOfSupport: s.entry.endOfSupport },
          });
          break;
        }
      }
    }
  },
});

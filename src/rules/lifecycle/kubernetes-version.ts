import {
  KUBERNETES_VERSIONS_SOURCE,
  LTS_SOURCE,
  parseKubernetesVersion,
  supportedMinors,
  versionStatus,
  type ParsedVersion,
} from '../../model/data/kubernetes-versions.js';
import type { ClusterResource, Id } from '../../model/types.js';
import { defineRule, type Dependency, type RuleContext } from '../../validate/rule.js';

/** Node pools may run at most this many minors behind the control plane (and never ahead of it). */
export const MAX_POOL_MINOR_SKEW = 2;

const POOL_VERSION_SOURCE = {
  title: 'AgentPool orchestratorVersion: same major, within two minors of the control plane, never greater',
  url: 'https://learn.microsoft.com/dotnet/api/microsoft.azure.management.containerservice.models.agentpool.orchestratorversion',
};
const UPGRADE_POOLS_SOURCE = {
  title: 'Upgrade node pools in AKS (keep every pool on the control plane version)',
  url: 'https://learn.microsoft.com/azure/aks/upgrade-node-pools',
};

/**
 * How to leave an unsupported minor. AKS upgrades one minor at a time; only from an unsupported minor may an upgrade
 * jump straight to the oldest supported one, and a jump over two or more minors carries no guarantee and no SLA.
 * https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#can-i-skip-multiple-aks-versions-during-cluster-upgrade
 */
export function upgradeAdvice(version: string, supportedNewestFirst: readonly string[]): string {
  const target = supportedNewestFirst.at(-1);
  if (target === undefined) return 'upgrade to a supported minor';
  const steps = [...supportedNewestFirst].reverse();
  const then = steps.length > 1 ? `, the oldest supported minor, then one minor at a time (${steps.join(' → ')})` : '';
  const from = parseKubernetesVersion(version);
  const to = parseKubernetesVersion(target);
  const jump = from && to && from.major === to.major ? to.minor - from.minor : 1;
  const risk =
    jump >= 2
      ? `; a jump of ${jump} minors has no SLA`
      : '';
  return `upgrade to ${target}${then}${risk}`;
}

/** The support window check for one stated version (the cluster's or a pool's). */
function judgeSupport(
  ctx: RuleContext,
  c: ClusterResource,
  subject: string,
  version: string,
  at: { element: Id; property: string; reads: string[]; dependsOn?: Dependency[] },
): void {
  const premium = c.tier === 'Premium';
  const s = versionStatus(version, ctx.asOf, premium);
  const base = { subject, cluster: c.name, version, asOf: ctx.asOf };
  const upgrade = upgradeAdvice(version, supportedMinors(ctx.asOf));
  switch (s.kind) {
    case 'supported':
      break;
    case 'unparsable':
      ctx.report({ ...at, messageId: 'unparsable', data: { ...base, property: at.property }, evidence: base });
      break;
    case 'older-than-table':
      ctx.report({ ...at, messageId: 'olderThanTable', data: { ...base, oldest: s.oldest, upgrade }, evidence: base });
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
        data: { ...base, endOfSupport: s.entry.endOfSupport, lts, upgrade },
        evidence: { ...base, tier: c.tier, endOfSupport: s.entry.endOfSupport },
      });
      break;
    }
  }
}

/** Pool version minus control-plane version: `ahead` when the pool is newer, else minors behind. */
function skew(pool: ParsedVersion, cp: ParsedVersion): { ahead: boolean; behind: number; majorDiffers: boolean } {
  const majorDiffers = pool.major !== cp.major;
  const behind = cp.minor - pool.minor;
  const patchAhead = behind === 0 && pool.patch !== undefined && cp.patch !== undefined && pool.patch > cp.patch;
  return { ahead: !majorDiffers && (behind < 0 || patchAhead), behind, majorDiffers };
}

/**
 * The cluster's Kubernetes version and each node pool's `orchestratorVersion` against the AKS support
 * calendar on the evaluation date, and each pool's skew from the control plane. A control-plane version
 * the design does not state is an unverified check (AKS would pick its default of the day, which then ages), as
 * is a pool version that cannot be compared with it; an unstated pool version follows the control plane.
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
      'extends a minor by a year, but only on the Premium tier with the AKSLongTermSupport plan. AKS upgrades one minor ' +
      'at a time; only out of an unsupported minor may an upgrade jump straight to the oldest supported one, and a jump ' +
      'of two or more minors comes without any guarantee or SLA (re-creating the cluster may be safer).',
    fix:
      'Upgrade to the oldest supported minor the message names, then one minor at a time, or keep the minor longer on ' +
      'the Premium tier with the AKSLongTermSupport plan.',
    example: "cluster({ name: 'aks-prod', region: 'westeurope', tier: 'Standard', kubernetesVersion: '1.35', /* … */ });",
    references: [KUBERNETES_VERSIONS_SOURCE, LTS_SOURCE, POOL_VERSION_SOURCE, UPGRADE_POOLS_SOURCE],
    messages: {
      outOfSupport:
        '{{subject}} runs Kubernetes {{version}}, whose AKS support ended {{endOfSupport}} (as of {{asOf}}){{lts}}; ' +
        '{{upgrade}}',
      olderThanTable:
        '{{subject}} runs Kubernetes {{version}}, older than {{oldest}} (the oldest minor in the AKS calendar): ' +
        'out of support as of {{asOf}}; {{upgrade}}',
      ltsOnly:
        '{{subject}} runs Kubernetes {{version}}, past community support ({{endOfSupport}}): on the Premium tier ' +
        'it is supported only with the AKSLongTermSupport plan, until {{ltsEnd}}',
      preview:
        '{{subject}} runs Kubernetes {{version}}, not generally available on AKS until {{ga}} (as of {{asOf}}): ' +
        'preview versions are not for production',
      unknownVersion:
        '{{subject}} runs Kubernetes {{version}}, newer than the newest minor in aksnet\'s calendar ({{newest}}); ' +
        'check it against the AKS release calendar',
      poolAhead:
        'node pool {{pool}} runs Kubernetes {{version}}, newer than the control plane of cluster {{cluster}} ' +
        '({{controlPlane}}): a node pool can never be ahead of the control plane; upgrade the control plane first',
      poolTooOld:
        'node pool {{pool}} runs Kubernetes {{version}}, {{gap}} the control plane of cluster {{cluster}} ' +
        '({{controlPlane}}): AKS allows node pools at most ' + String(MAX_POOL_MINOR_SKEW) + ' minors behind, on the ' +
        'same major; upgrade the pool',
      poolBehind:
        'node pool {{pool}} runs Kubernetes {{version}}, {{gap}} behind the control plane of cluster {{cluster}} ' +
        '({{controlPlane}}): allowed during a rolling upgrade, but pools should match the control plane',
      unparsable: "{{subject}} has {{property}} '{{version}}', which is not a version like 1.33 or 1.33.4",
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const cpText = c.kubernetesVersion;
      if (cpText !== undefined) {
        // The support window reads the version and the tier (long-term support is Premium only), nothing else.
        judgeSupport(ctx, c, `cluster ${c.name}`, cpText, { element: c.id, property: 'kubernetesVersion', reads: ['kubernetesVersion', 'tier'] });
      } else {
        ctx.unverified({
          element: c.id,
          property: 'kubernetesVersion',
          check: `cluster ${c.name} runs a Kubernetes version inside the AKS support window`,
          reads: ['kubernetesVersion'],
        });
      }
      const cp = cpText === undefined ? undefined : parseKubernetesVersion(cpText);
      for (const p of ctx.q.pools(c.id)) {
        const text = p.orchestratorVersion;
        if (text === undefined) continue;
        const subject = `node pool ${p.name} of cluster ${c.name}`;
        // A pool's verdicts read its own version, and of its cluster the control plane version (the skew, and whether
        // the pool's minor is judged on the cluster) and the tier (the support window).
        const own = { element: p.id, property: 'orchestratorVersion', reads: ['orchestratorVersion'] };
        const at = { ...own, dependsOn: [{ element: c.id, reads: ['kubernetesVersion', 'tier'] }] };
        const pv = parseKubernetesVersion(text);
        // The same minor as a stated control plane is judged once, on the cluster.
        if (!pv || !cp || pv.key !== cp.key) judgeSupport(ctx, c, subject, text, at);
        if (!pv) continue;
        if (cpText === undefined) {
          ctx.unverified({
            element: c.id,
            property: 'kubernetesVersion',
            check: `node pool ${p.name} (Kubernetes ${text}) is within ${MAX_POOL_MINOR_SKEW} minors of the control plane of cluster ${c.name}`,
            fact: 'the control plane Kubernetes version',
            reads: ['kubernetesVersion'],
          });
          continue;
        }
        if (!cp) continue;
        const skewAt = { ...own, dependsOn: [{ element: c.id, reads: ['kubernetesVersion'] }] };
        const k = skew(pv, cp);
        const data = { pool: p.name, cluster: c.name, version: text, controlPlane: cpText };
        const evidence = { ...data, minorsBehind: k.behind };
        const gap = `${k.behind} minor${k.behind === 1 ? '' : 's'}`;
        if (k.ahead) ctx.report({ ...skewAt, messageId: 'poolAhead', severity: 'error', data, evidence });
        else if (k.majorDiffers || k.behind > MAX_POOL_MINOR_SKEW) {
          const tooOld = k.majorDiffers ? 'on another major than' : `${gap} behind`;
          ctx.report({ ...skewAt, messageId: 'poolTooOld', severity: 'error', data: { ...data, gap: tooOld }, evidence });
        } else if (k.behind > 0) ctx.report({ ...skewAt, messageId: 'poolBehind', severity: 'info', data: { ...data, gap }, evidence });
      }
    }
  },
});

import { ISTIO_ADDON_REVISIONS, ISTIO_ADDON_REVISIONS_SOURCE } from '../../model/data/retirements.js';
import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

/** A revision is reported from this many days before its end of life (a warning), and as an error after it. */
export const ISTIO_EOL_NOTICE_DAYS = 90;

/** The cluster's fields the verdict reads: the revision, stated in either place, and whether the mesh is the add-on. */
const READS = ['addons.istioRevision', 'serviceMesh'];

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function revisionOrder(r: string): number {
  const m = /^asm-(\d+)-(\d+)$/.exec(r);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : Number.NaN;
}

/**
 * The Istio-based service mesh add-on revision against the add-on's release calendar. Revisions live
 * for months, not years, so a supported revision is silent until its end of life comes within
 * {@link ISTIO_EOL_NOTICE_DAYS} days; after the date it is an error.
 */
export default defineRule({
  meta: {
    id: 'lifecycle/istio-addon-revision',
    title: 'Istio add-on revision is inside its support window',
    // Each revision has its own date, so the findings carry their own severity (warning before, error after).
    severity: 'error',
    kind: 'lifecycle',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:04'],
    rationale:
      'Each revision of the Istio-based service mesh add-on follows the upstream Istio support window (about six to ' +
      'nine months). Past its end of life a revision gets no CVE patches, new meshes cannot be installed on it and ' +
      'it can fall out of compatibility with the cluster\'s Kubernetes version; an unsupported revision can only be ' +
      'upgraded to the nearest supported one.',
    fix: 'Run a canary upgrade to a supported revision (az aks mesh get-revisions lists them) and keep upgrading as revisions age.',
    example: "cluster({ name: 'aks-prod', region: 'westeurope', serviceMesh: { kind: 'istio-addon', revision: 'asm-1-27' }, /* … */ });",
    references: [
      ISTIO_ADDON_REVISIONS_SOURCE,
      { title: 'Upgrade the Istio-based service mesh add-on', url: 'https://learn.microsoft.com/azure/aks/istio-upgrade' },
    ],
    messages: {
      endOfLife:
        'cluster {{cluster}} runs Istio add-on revision {{revision}}, whose support {{ends}} {{date}}{{expected}} ' +
        '({{when}}); upgrade to a supported revision',
      newerThanTable:
        "cluster {{cluster}} runs Istio add-on revision {{revision}}, newer than the newest in aksnet's calendar " +
        '({{newest}}); check its end of life in the add-on release calendar',
      olderThanTable:
        'cluster {{cluster}} runs Istio add-on revision {{revision}}, older than {{oldest}} (the oldest in the add-on ' +
        'calendar, out of support since {{oldestEnd}}); upgrade to a supported revision',
    },
  },
  check(ctx) {
    const first = ISTIO_ADDON_REVISIONS[0]!;
    const last = ISTIO_ADDON_REVISIONS[ISTIO_ADDON_REVISIONS.length - 1]!;
    for (const c of ctx.q.all('cluster')) {
      const revision = c.addons.istioRevision;
      const property = c.serviceMesh.kind === 'istio-addon' && c.serviceMesh.revision ? 'serviceMesh.revision' : 'addons.istioRevision';
      if (revision === undefined) {
        if (c.serviceMesh.kind === 'istio-addon') {
          ctx.unverified({
            element: c.id,
            property: 'serviceMesh.revision',
            check: `the Istio add-on revision of cluster ${c.name} is still supported`,
            reads: READS,
            fact: 'the Istio add-on revision',
          });
        }
        continue;
      }
      const base = { cluster: c.name, revision };
      const entry = ISTIO_ADDON_REVISIONS.find((r) => r.revision === revision);
      if (!entry) {
        const older = revisionOrder(revision) < revisionOrder(first.revision);
        ctx.report({
          element: c.id,
          reads: READS,
          property,
          ...(older
            ? { messageId: 'olderThanTable', severity: 'error', data: { ...base, oldest: first.revision, oldestEnd: first.endOfLife } }
            : { messageId: 'newerThanTable', severity: 'info', data: { ...base, newest: last.revision } }),
          evidence: { ...base, asOf: ctx.asOf },
        });
        continue;
      }
      if (ctx.asOf < daysBefore(entry.endOfLife, ISTIO_EOL_NOTICE_DAYS)) continue;
      const d = due(entry.endOfLife, ctx.asOf);
      ctx.report({
        element: c.id,
        reads: READS,
        property,
        messageId: 'endOfLife',
        severity: d.severity,
        data: {
          ...base,
          date: entry.endOfLife,
          when: d.relative,
          ends: d.past ? 'ended' : 'ends',
          expected: entry.expected ? ' (expected date)' : '',
        },
        evidence: { ...base, endOfLife: entry.endOfLife, expected: entry.expected, asOf: ctx.asOf },
      });
    }
  },
});

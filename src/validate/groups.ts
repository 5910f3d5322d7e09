/**
 * Related findings: several rules can describe one problem from different sides. An internet path that
 * enters through a public load balancer has no layer-7 gateway, so it also has no WAF and often no TLS;
 * a reviewer reads that as one problem with one fix (put a gateway in front), not three.
 *
 * A group is one root cause on one ingress path. Its primary finding lists the others as `related`;
 * the others carry `groupedUnder`. Nothing is dropped: every finding stays in the results, keeps its
 * severity and still counts toward summaries and exit codes. Formats choose how to show the group
 * (text prints it as one problem, SARIF as related locations).
 */
import type { IngressPathModel, Model } from '../model/types.js';
import { isActive, SEVERITY_ORDER, type Finding } from './finding.js';

/** One root cause: the rule whose finding names it, and rules whose findings follow from it on the same path. */
export interface RootCause {
  /** The finding that names the cause; without it on a path, nothing is grouped there. */
  primary: string;
  /** Findings that follow from the cause on the same path. */
  consequences: readonly string[];
  /** The cause in words, shown with the group. */
  cause: string;
}

export const ROOT_CAUSES: readonly RootCause[] = [
  {
    // No layer-7 hop means nothing can hold a WAF policy or terminate TLS for the path: waf-missing and
    // plaintext-internet-entry are consequences. Without the public LB entry (e.g. an App Gateway with an
    // HTTP listener and no WAF policy) they are separate problems with separate fixes, so they stay apart.
    primary: 'ingress/public-lb-direct',
    consequences: ['ingress/waf-missing', 'ingress/plaintext-internet-entry'],
    cause: 'internet traffic enters through a public load balancer with no layer-7 gateway in front',
  },
  {
    // AGIC manages only v2 gateways; a gateway on the retired v1 SKU is the one cause, and moving it to
    // Standard_v2/WAF_v2 resolves both. Before the retirement date the v1 finding is a warning, so the AGIC
    // error stays on its own (a consequence is never more severe than its cause).
    primary: 'ingress/app-gateway-v1',
    consequences: ['ingress/agic-requires-v2'],
    cause: 'the Application Gateway runs the retired v1 SKU',
  },
];

/** Marks related findings in place (`related`, `groupedUnder`) and returns the same list. */
export function groupFindings(findings: Finding[], model: Pick<Model, 'ingressPaths'>): Finding[] {
  for (const rc of ROOT_CAUSES) {
    const members = new Set([rc.primary, ...rc.consequences]);
    const byPath = new Map<string, Finding[]>();
    for (const f of findings) {
      // Only open or expired findings group: a suppressed one was accepted on its own terms.
      if (!members.has(f.ruleId) || !isActive(f) || f.groupedUnder || f.related) continue;
      const p = ingressPathOf(f.path, model.ingressPaths);
      if (!p) continue;
      const list = byPath.get(p.id) ?? [];
      list.push(f);
      byPath.set(p.id, list);
    }
    for (const list of byPath.values()) {
      const primary = list.find((f) => f.ruleId === rc.primary);
      if (!primary) continue;
      // A consequence more severe than its cause (a rule setting raised it) stays on its own, so text
      // output never shows an error inside a warning's group.
      const rest = list.filter((f) => f !== primary && SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[primary.severity]);
      if (rest.length === 0) continue;
      primary.related = rest.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        path: f.path,
        file: f.file,
        line: f.line,
        column: f.column,
        cause: rc.cause,
      }));
      for (const f of rest) f.groupedUnder = { ruleId: primary.ruleId, path: primary.path, cause: rc.cause };
    }
  }
  return findings;
}

/** The ingress path a DSL path lies in (the path itself or one of its hops), if any. */
export function ingressPathOf(path: string, paths: readonly IngressPathModel[]): IngressPathModel | undefined {
  return paths.find((p) => [p.source.path, ...p.hops.map((h) => h.source.path)].some((prefix) => within(path, prefix)));
}

function within(path: string, prefix: string): boolean {
  if (!prefix) return false;
  if (path === prefix) return true;
  const next = path[prefix.length];
  return path.startsWith(prefix) && (next === '.' || next === '[');
}

/**
 * Related findings: several rules can describe one problem from different sides. An internet path that
 * enters through a public load balancer has no layer-7 gateway, so it also has no WAF and often no TLS;
 * a reviewer reads that as one problem with one fix (put a gateway in front), not three.
 *
 * A group is one root cause on one path: an ingress path, or one cluster's egress path (its node and pod
 * subnets). Its primary finding lists the others as `related`; the others carry `groupedUnder`. Nothing is
 * dropped: every finding stays in the results, keeps its severity and still counts toward summaries and exit
 * codes. Formats choose how to show the group (text prints it as one problem, SARIF as related locations).
 * A finding joins a group only when the primary's fix resolves it too.
 */
import type { EgressPathModel, IngressPathModel, Model } from '../model/types.js';
import { isActive, SEVERITY_ORDER, type Finding } from './finding.js';

/** What grouping reads of the model. */
export type GroupModel = Pick<Model, 'ingressPaths' | 'egressPaths' | 'resources'>;

/** One root cause: the rule whose finding names it, and rules whose findings follow from it on the same path. */
export interface RootCause {
  /** The finding that names the cause; without it on a path, nothing is grouped there. */
  primary: string;
  /** Findings that follow from the cause on the same path. */
  consequences: readonly string[];
  /** The cause in words, shown with the group. */
  cause: string;
  /**
   * What "the same path" is: one ingress path (by the DSL paths of its source and hops), or one cluster's
   * egress path (members name the cluster in `evidence.cluster`).
   */
  scope: 'ingress-path' | 'egress-path';
  /** When the rule pair alone does not make the primary's fix resolve the consequence: the condition that does. */
  resolves?: (
    primary: Finding,
    consequence: Finding,
    path: EgressPathModel | IngressPathModel,
    model: GroupModel,
  ) => boolean;
}

export const ROOT_CAUSES: readonly RootCause[] = [
  {
    // No layer-7 hop means nothing can hold a WAF policy or terminate TLS for the path: waf-missing and
    // plaintext-internet-entry are consequences. Without the public LB entry (e.g. an App Gateway with an
    // HTTP listener and no WAF policy) they are separate problems with separate fixes, so they stay apart.
    primary: 'ingress/public-lb-direct',
    consequences: ['ingress/waf-missing', 'ingress/plaintext-internet-entry'],
    cause: 'internet traffic enters through a public load balancer with no layer-7 gateway in front',
    scope: 'ingress-path',
  },
  {
    // AGIC manages only v2 gateways; a gateway on the retired v1 SKU is the one cause, and moving it to
    // Standard_v2/WAF_v2 resolves both. Before the retirement date the v1 finding is a warning, so the AGIC
    // error stays on its own (a consequence is never more severe than its cause).
    primary: 'ingress/app-gateway-v1',
    consequences: ['ingress/agic-requires-v2'],
    cause: 'the Application Gateway runs the retired v1 SKU',
    scope: 'ingress-path',
  },
  {
    // A userDefinedRouting cluster whose node subnet does not send 0.0.0.0/0 to an appliance has no egress
    // control on that subnet's path; its pod subnet, still routed to the declared firewall, then diverges from
    // it. Routing the node subnet to the declared firewall (the udr-default-route fix) resolves both. Only when
    // the pod subnet already goes to that firewall: a pod subnet that goes elsewhere needs its own fix, and a
    // route to another appliance (otherAppliance) is a different problem.
    primary: 'egress/udr-default-route',
    consequences: ['egress/pod-subnet-egress'],
    cause:
      'a node subnet does not route 0.0.0.0/0 to the firewall the cluster declares, so its egress is not controlled',
    scope: 'egress-path',
    resolves: (primary, consequence, path, model) => {
      if (!['noRouteTable', 'noDefaultRoute', 'wrongNextHopType'].includes(primary.messageId ?? '')) return false;
      const ev = consequence.evidence ?? {};
      if (ev.nodeSubnet !== primary.evidence?.subnet || ev.podVia !== 'appliance' || !('defaultRoutes' in path)) {
        return false;
      }
      const cluster = model.resources.find((r) => r.id === path.cluster);
      const declared =
        cluster?.kind === 'cluster' && cluster.outbound.type === 'userDefinedRouting'
          ? cluster.outbound.via
          : undefined;
      const pod = path.defaultRoutes.find((r) => r.role === 'pods' && nameOf(model, r.subnet) === ev.podSubnet);
      return declared !== undefined && pod?.nextHopResource === declared;
    },
  },
];

/** Marks related findings in place (`related`, `groupedUnder`) and returns the same list. */
export function groupFindings(findings: Finding[], model: GroupModel): Finding[] {
  for (const rc of ROOT_CAUSES) {
    const members = new Set([rc.primary, ...rc.consequences]);
    const byPath = new Map<string, { path: EgressPathModel | IngressPathModel; list: Finding[] }>();
    for (const f of findings) {
      // Only open or expired findings group: a suppressed one was accepted on its own terms.
      if (!members.has(f.ruleId) || !isActive(f) || f.groupedUnder || f.related) continue;
      const p = rc.scope === 'ingress-path' ? ingressPathOf(f.path, model.ingressPaths) : egressPathOfFinding(f, model);
      if (!p) continue;
      const entry = byPath.get(p.id) ?? { path: p, list: [] };
      entry.list.push(f);
      byPath.set(p.id, entry);
    }
    for (const { path, list } of byPath.values()) {
      // Several primaries on one path (one per node subnet) each take the consequences their own fix resolves.
      for (const primary of list.filter((f) => f.ruleId === rc.primary)) groupUnder(primary, list, path, rc, model);
    }
  }
  return findings;
}

function groupUnder(
  primary: Finding,
  list: Finding[],
  path: EgressPathModel | IngressPathModel,
  rc: RootCause,
  model: GroupModel,
): void {
  // A consequence more severe than its cause (a rule setting raised it) stays on its own, so text
  // output never shows an error inside a warning's group.
  const rest = list.filter(
    (f) =>
      f.ruleId !== rc.primary &&
      !f.groupedUnder &&
      SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[primary.severity] &&
      (rc.resolves?.(primary, f, path, model) ?? true),
  );
  if (rest.length === 0) return;
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

/**
 * The egress path of the cluster a finding names (`evidence.cluster`); undefined when it names none, or when
 * two clusters share the name (then the scope is ambiguous and nothing is grouped).
 */
export function egressPathOfFinding(f: Finding, model: GroupModel): EgressPathModel | undefined {
  const name = f.evidence?.cluster;
  if (typeof name !== 'string') return undefined;
  const clusters = model.resources.filter((r) => r.kind === 'cluster' && r.name === name);
  if (clusters.length !== 1) return undefined;
  return model.egressPaths.find((p) => p.cluster === clusters[0]!.id);
}

function nameOf(model: GroupModel, id: string): string | undefined {
  return model.resources.find((r) => r.id === id)?.name;
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

/**
 * The rule contract. A rule is one file under `src/rules/<area>/` whose default export is
 * `defineRule({ meta, check })`; discovery, docs, counts and SARIF metadata all come from `meta`.
 */
import type { Pillar, Severity } from '../../dsl/types.js';
import type { Id, Model } from '../model/types.js';
import type { ModelQuery } from '../model/query.js';
import type { NormalizeIssue } from '../normalize/reader.js';

export type { Pillar, Severity } from '../../dsl/types.js';

/** What kind of statement a rule makes. */
export type RuleKind =
  /** The model itself is inconsistent (bad CIDR, unknown reference). */
  | 'structure'
  /** Azure rejects the configuration or it cannot work. */
  | 'platform-limit'
  /** Published guidance (Well-Architected, checklists, policy-as-code). */
  | 'best-practice'
  /** A dated retirement or end of support. */
  | 'lifecycle';

/** A public source backing a rule. */
export interface Reference {
  title: string;
  url: string;
}

export interface RuleMeta {
  /** Stable id `<area>/<name>`, equal to the file's path under `src/rules/`. */
  id: string;
  /** One-line title. */
  title: string;
  /** Default severity: error = rejected or cannot work; warning = published best practice; info = worth knowing. */
  severity: Severity;
  kind: RuleKind;
  /** Well-Architected pillars the rule serves. */
  pillars: Pillar[];
  /** Well-Architected checklist codes, e.g. `SE:06`. */
  waf: string[];
  /** Why it matters, in a few sentences. */
  rationale: string;
  /** How to fix it. */
  fix: string;
  /** A DSL snippet that satisfies the rule (shown in rule docs). */
  example?: string;
  /** Public sources; the first is used as the help link. */
  references: Reference[];
  /**
   * The kinds of finding the rule raises, by message id, each with a message template whose
   * `{{name}}` placeholders are filled from a report's `data`. Optional while rules migrate: a rule
   * without ids reports literal messages.
   */
  messages?: Record<string, string>;
  /**
   * For dated rules (retirements, end of support): the date after which findings become errors.
   * The catalogue and docs show the severity as "warning → error after YYYY-MM-DD".
   */
  errorAfter?: string;
}

/** Another element a verdict rests on, and the fields of it the verdict reads (paths inside it, as `reads`). */
export interface Dependency {
  element: Id;
  reads: string[];
}

/** Values substituted into a message template. */
export type MessageData = Record<string, string | number | boolean>;

/**
 * What a rule reports: a literal `message`, or a `messageId` from the rule's `meta.messages`
 * (rendered with `data`), or both (the id names the kind of finding, the text is the literal one).
 */
export type RuleReport = ReportFields &
  ({ message: string; messageId?: string; data?: MessageData } | { message?: undefined; messageId: string; data?: MessageData });

interface ReportFields {
  /** The model element concerned. */
  element?: Id;
  /**
   * Other elements whose stated values the verdict rests on (the pools a subnet's capacity counts): when one holds an
   * invalid value, the verdict would judge its stand-in, and becomes a check that could not run. An entry with `reads`
   * names the fields of that element the verdict reads (a pool's verdict reads its cluster's version and tier, not its
   * outbound settings), as `reads` does for `element`; an id alone rests on all of them.
   */
  dependsOn?: Array<Id | Dependency>;
  /**
   * The fields of `element` the verdict reads, as paths inside it (`outbound.allocatedOutboundPorts`, `network`). An
   * invalid value in another of its fields (an idle timeout a capacity sum never uses) then leaves the verdict
   * standing. Left out, any invalid field of the element holds the verdict back.
   */
  reads?: string[];
  /** DSL path; defaults to the element's source path. */
  path?: string;
  /** Property appended to the element's path (`cidr`, `zones`). */
  property?: string;
  /** Numbers and facts behind the message, for reports. */
  evidence?: Record<string, string | number | boolean>;
  /** Overrides the rule's severity for this finding (e.g. lifecycle rules after the date). */
  severity?: Severity;
  /**
   * Locate the finding at the design file's call into a helper module when the part was built there (see
   * SourceSite.calledFrom), naming both places: for what the call's arguments decide, such as a name.
   */
  atCallSite?: boolean;
}

/**
 * A check that could not run because a fact it needs is unknown (the design does not state it and
 * the platform has no default). It is not a finding: it names the fact to state.
 */
export interface UnverifiedReport {
  /** The element whose fact is missing. */
  element: Id;
  /** The missing property, appended to the element's path (`replicas`, `network.defaultDeny`). */
  property: string;
  /** DSL path of the element when it is not a resource (a peering edge); defaults to the element's source path. */
  path?: string;
  /** Display name of the element when it is not a resource; defaults to the resource's name. */
  name?: string;
  /** What the check would have verified, e.g. "ingress controller nginx survives a node drain". */
  check: string;
  /** The fact in words; defaults to the one `Model.unknown` records for the property. */
  fact?: string;
  /** As on a finding: the element's fields the check reads, so an invalid field it does not read leaves it open. */
  reads?: string[];
  /** As on a finding: other elements (an ingress path's id) the check rests on; an invalid field there holds it. */
  dependsOn?: Array<Id | Dependency>;
}

export interface RuleContext {
  readonly model: Model;
  readonly q: ModelQuery;
  /** ISO date lifecycle rules compare against. */
  readonly asOf: string;
  /** Problems the normalizer found (read by the structure rules). */
  readonly issues: readonly NormalizeIssue[];
  report(r: RuleReport): void;
  /** Records that a check could not run because a fact is unknown (never a warning or an error). */
  unverified(u: UnverifiedReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Identity helper that gives rule files their types. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * The text of a report: its literal message, or its message id's template with `{{name}}` filled
 * from `data`. An unknown id or a placeholder without data is a bug in the rule, so it throws.
 */
export function reportMessage(meta: RuleMeta, r: RuleReport): string {
  if (r.messageId !== undefined && meta.messages?.[r.messageId] === undefined) {
    throw new Error(`rule ${meta.id} reports unknown message id "${r.messageId}"`);
  }
  if (r.message !== undefined) return r.message;
  const template = meta.messages![r.messageId]!;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const v = r.data?.[key];
    if (v === undefined) throw new Error(`rule ${meta.id} message "${r.messageId}" has no data for {{${key}}}`);
    return String(v);
  });
}

/** The default severity as the catalogue shows it: `warning → error after 2026-04-28` for dated rules. */
export function severityLabel(meta: RuleMeta): string {
  return meta.errorAfter ? `${meta.severity} → error after ${meta.errorAfter}` : meta.severity;
}

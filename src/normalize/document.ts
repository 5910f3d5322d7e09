/** The descriptive parts of an architecture: metadata, decisions and the review section. */
import type { ModelDecision, ModelMetadata } from '../model/types.js';
import type { ReviewConfig } from '../../dsl/types.js';
import { Fields, describe, isRecord, type NormalizeIssue, type Sink } from './reader.js';
import { stripUndefined } from './util.js';
import type { NormalizeContext } from './context.js';

export function readMetadata(n: NormalizeContext, arch: Fields): ModelMetadata {
  const m = arch.sub('metadata', true);
  if (!m) return { title: 'Untitled architecture', status: 'draft', reviewers: [] };
  const date = m.optStr('date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) m.issue('date', `"date" must be YYYY-MM-DD, got "${date}"`);
  return stripUndefined({
    title: m.str('title', 'Untitled architecture'),
    description: m.optStr('description'),
    version: m.optStr('version'),
    owner: m.optStr('owner'),
    status: m.oneOf('status', ['draft', 'in-review', 'approved'] as const) ?? 'draft',
    environment: m.optStr('environment'),
    workload: m.optStr('workload'),
    reviewers: m.strArr('reviewers'),
    decisionRequested: m.optStr('decisionRequested'),
    date,
  });
}

export function readDecisions(n: NormalizeContext, arch: Fields): ModelDecision[] {
  return arch.arr('decisions').flatMap((d, i) => {
    const path = `decisions[${i}]`;
    if (!isRecord(d)) {
      n.schema(path, `a decision must be an object, got ${describe(d)}`);
      return [];
    }
    const f = new Fields(d, path, n.sink);
    return [
      {
        id: f.optStr('id') ?? `ADR-${String(i + 1).padStart(3, '0')}`,
        title: f.str('title'),
        status: f.reqOneOf('status', ['proposed', 'accepted', 'superseded', 'rejected'] as const),
        context: f.str('context'),
        options: f.strArr('options'),
        decision: f.str('decision'),
        consequences: f.strArr('consequences'),
        source: { path },
      },
    ];
  });
}

export function readReview(n: NormalizeContext, arch: Fields): ReviewConfig {
  const r = arch.sub('review');
  return r ? readReviewFields(r, n.sink) : {};
}

/**
 * The review settings of an `aksnet.config` file, checked by the same reader as an architecture's
 * `review` section (a `.js` config is not type-checked). Issues carry paths under `config`.
 */
export function readReviewConfig(value: Record<string, unknown>): { review: ReviewConfig; issues: NormalizeIssue[] } {
  const sink: Sink = { issues: [], defaults: [], unknown: [] };
  const review = readReviewFields(new Fields(value, 'config', sink), sink);
  return { review, issues: sink.issues };
}

/** Rule settings, as-of date and accepted risks; each problem becomes a `structure/schema` issue. */
function readReviewFields(r: Fields, sink: Sink): ReviewConfig {
  const out: ReviewConfig = {};
  const rules = r.sub('rules');
  if (rules) {
    const settings: Record<string, 'off' | 'error' | 'warning' | 'info'> = {};
    for (const key of Object.keys(rules.value).sort()) {
      const v = rules.oneOf(key, ['off', 'error', 'warning', 'info'] as const);
      if (v) settings[key] = v;
    }
    out.rules = settings;
  }
  const asOf = r.optStr('asOf');
  if (asOf !== undefined) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) out.asOf = asOf as ReviewConfig['asOf'];
    else r.issue('asOf', `"asOf" must be YYYY-MM-DD, got "${asOf}"`);
  }
  const risks = r.arr('acceptedRisks');
  if (risks.length) {
    out.acceptedRisks = risks.flatMap((x, i) => {
      const path = `${r.at('acceptedRisks')}[${i}]`;
      if (!isRecord(x)) {
        sink.issues.push({ ruleId: 'structure/schema', path, message: `an accepted risk must be an object, got ${describe(x)}` });
        return [];
      }
      const f = new Fields(x, path, sink);
      const expires = f.str('expires');
      if (expires && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) f.issue('expires', `"expires" must be YYYY-MM-DD, got "${expires}"`);
      return [
        stripUndefined({
          rule: f.str('rule'),
          element: f.optStr('element'),
          justification: f.str('justification'),
          owner: f.str('owner'),
          expires: expires as `${number}-${number}-${number}`,
        }),
      ];
    });
  }
  return out;
}

/**
 * What changed between two designs: parts (with fields), ingress and egress paths hop by hop, the
 * effective routes of every subnet, findings introduced or resolved, and unverified checks (facts the
 * design leaves unknown) introduced or resolved. Each kind of path-like change is one section; a new
 * kind is one more entry in SECTIONS.
 */
import { routingOf } from '../model/egress.js';
import type { EffectiveRoute, SubnetRoutes } from '../model/routing.js';
import type { IngressPathModel, EgressPathModel, Model } from '../model/types.js';
import type { Finding, UnverifiedCheck } from '../validate/finding.js';
import { compareModels, show, type ElementChange } from './compare.js';

export interface PathChange {
  change: 'added' | 'removed' | 'changed';
  id: string;
  name: string;
  /** What changed, one line each (empty for added/removed). */
  details: string[];
}

export interface FindingChange {
  change: 'introduced' | 'resolved';
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  elementName?: string;
}

export interface UnverifiedChange {
  change: 'introduced' | 'resolved';
  ruleId: string;
  /** What could not be checked and which fact to state. */
  message: string;
  elementName: string;
}

export interface SectionChanges {
  /** Key in JSON output, e.g. `ingress`. */
  key: string;
  /** Heading in text and Markdown, e.g. `Ingress paths`. */
  title: string;
  changes: PathChange[];
}

export interface DesignDiff {
  base: string;
  head: string;
  parts: ElementChange[];
  /** Path-like aspects compared one line per step (ingress hops, egress hops, …), in SECTIONS order. */
  sections: SectionChanges[];
  findings: FindingChange[];
  /** Checks that could not run for an unknown fact: new in head (introduced) or gone (resolved). */
  unverified: UnverifiedChange[];
}

/** One aspect of the two models compared item by item (a path's hops, a subnet's effective routes). */
export interface DiffSection {
  key: string;
  title: string;
  compare(base: Model, head: Model): PathChange[];
}

export const SECTIONS: DiffSection[] = [
  {
    key: 'ingress',
    title: 'Ingress paths',
    compare: (b, h) => compareSequences(b.ingressPaths, h.ingressPaths, ingressLines),
  },
  {
    key: 'egress',
    title: 'Egress paths',
    compare: (b, h) => compareSequences(b.egressPaths, h.egressPaths, egressLines),
  },
  {
    key: 'routes',
    title: 'Effective routes',
    compare: (b, h) => compareRoutes(b, h),
  },
];

export interface DiffSide {
  file: string;
  model: Model;
  findings: Finding[];
  unverified?: UnverifiedCheck[];
}

export function diffDesigns(base: DiffSide, head: DiffSide): DesignDiff {
  return {
    base: base.file,
    head: head.file,
    parts: compareModels(base.model, head.model, { peerings: true }),
    sections: SECTIONS.map((s) => ({ key: s.key, title: s.title, changes: s.compare(base.model, head.model) })),
    findings: compareFindingSets(base.findings, head.findings),
    unverified: compareUnverified(base.unverified ?? [], head.unverified ?? []),
  };
}

/** The changes of one section (empty when the section does not exist). */
export function sectionChanges(d: DesignDiff, key: string): PathChange[] {
  return d.sections.find((s) => s.key === key)?.changes ?? [];
}

/** Items matched by id; each compared as lines, position by position. */
export function compareSequences<P extends { id: string }>(b: P[], h: P[], lines: (p: P) => string[]): PathChange[] {
  const before = new Map(b.map((p) => [p.id, p]));
  const after = new Map(h.map((p) => [p.id, p]));
  const out: PathChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = before.get(id);
    const y = after.get(id);
    const name = id.replace(/^[A-Za-z]+:/, '');
    if (x && !y) out.push({ change: 'removed', id, name, details: [] });
    else if (y && !x) out.push({ change: 'added', id, name, details: [] });
    else if (x && y) {
      const lx = lines(x);
      const ly = lines(y);
      const details: string[] = [];
      for (let i = 0; i < Math.max(lx.length, ly.length); i++) {
        if (lx[i] !== ly[i]) details.push(`${lx[i] ?? '(none)'} → ${ly[i] ?? '(none)'}`);
      }
      if (details.length > 0) out.push({ change: 'changed', id, name, details });
    }
  }
  return out;
}

/** One line per hop (element, protocol:port, TLS state), then the target. */
function ingressLines(p: IngressPathModel): string[] {
  return [
    `from ${p.client}`,
    ...p.hops.map(
      (h) => `hop ${h.step} ${h.resource} ${h.protocol}:${h.port} tls ${h.tls}${h.waf ? ` waf ${h.waf}` : ''}`,
    ),
    `to ${p.target}`,
  ];
}

function egressLines(p: EgressPathModel): string[] {
  return [`outbound ${p.outboundType}`, ...p.hops.map((h, i) => `hop ${i + 1} ${h}`), `public IPs ${p.publicIps}`];
}

/**
 * Effective routes per subnet, matched by source and prefix (one route per source and prefix in
 * Azure's table), so an added user route is one line rather than a shift of every later route.
 */
function compareRoutes(base: Model, head: Model): PathChange[] {
  const names = (m: Model) => new Map(m.resources.map((r) => [r.id, r.name]));
  const lines = (m: Model) => {
    const n = names(m);
    const out = new Map<string, Map<string, string>>();
    for (const t of routingOf(m).values()) out.set(t.subnet, routeLines(t, n));
    return out;
  };
  const b = lines(base);
  const h = lines(head);
  const out: PathChange[] = [];
  for (const id of [...new Set([...b.keys(), ...h.keys()])].sort()) {
    const x = b.get(id);
    const y = h.get(id);
    const name = id.replace(/^[A-Za-z]+:/, '');
    // A subnet added or removed is listed under Parts; its routes follow from that.
    if (!x || !y) continue;
    const details: string[] = [];
    for (const k of [...new Set([...x.keys(), ...y.keys()])].sort()) {
      if (x.get(k) !== y.get(k)) details.push(`${k}: ${x.get(k) ?? '(none)'} → ${y.get(k) ?? '(none)'}`);
    }
    if (details.length > 0) out.push({ change: 'changed', id, name, details });
  }
  return out;
}

function routeLines(t: SubnetRoutes, names: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of t.routes) {
    let key = `${r.source} ${r.prefix}`;
    for (let i = 2; out.has(key); i++) key = `${r.source} ${r.prefix} #${i}`;
    out.set(key, routeText(r, names));
  }
  return out;
}

function routeText(r: EffectiveRoute, names: Map<string, string>): string {
  const via = r.nextHopResource ? names.get(r.nextHopResource) : undefined;
  return [r.state, r.nextHopType, r.nextHopAddress, via ? `(${via})` : undefined].filter((x) => x).join(' ');
}

function compareUnverified(base: UnverifiedCheck[], head: UnverifiedCheck[]): UnverifiedChange[] {
  // Like findings, matched by rule, element and the fact, not by line.
  const key = (u: UnverifiedCheck) => `${u.ruleId}|${u.element}|${u.fact}`;
  const b = new Map(base.map((u) => [key(u), u]));
  const h = new Map(head.map((u) => [key(u), u]));
  const item = (change: UnverifiedChange['change'], u: UnverifiedCheck): UnverifiedChange => ({
    change,
    ruleId: u.ruleId,
    message: u.message,
    elementName: u.elementName,
  });
  return [
    ...[...h].sort().flatMap(([k, u]) => (b.has(k) ? [] : [item('introduced', u)])),
    ...[...b].sort().flatMap(([k, u]) => (h.has(k) ? [] : [item('resolved', u)])),
  ];
}

function compareFindingSets(base: Finding[], head: Finding[]): FindingChange[] {
  // Line numbers move when a design is edited; a finding is the same when rule, element and message are.
  const key = (f: Finding) => `${f.ruleId}|${f.element ?? ''}|${f.message}`;
  const active = (fs: Finding[]) => fs.filter((f) => f.status !== 'suppressed');
  const b = new Map(active(base).map((f) => [key(f), f]));
  const h = new Map(active(head).map((f) => [key(f), f]));
  const out: FindingChange[] = [];
  const item = (change: FindingChange['change'], f: Finding): FindingChange => ({
    change,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.elementName ? { elementName: f.elementName } : {}),
  });
  for (const [k, f] of [...h].sort()) if (!b.has(k)) out.push(item('introduced', f));
  for (const [k, f] of [...b].sort()) if (!h.has(k)) out.push(item('resolved', f));
  return out;
}

export function changeCount(d: DesignDiff): number {
  return (
    d.parts.length + d.sections.reduce((n, s) => n + s.changes.length, 0) + d.findings.length + d.unverified.length
  );
}

export { show };

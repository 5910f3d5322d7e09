/**
 * The pack as Markdown (GitHub-flavoured): `pack.md` plus the diagrams as SVG files beside it
 * (`diagrams/<architecture>-<view>.svg`). Every piece of user text is escaped so it renders as
 * written and can never inject HTML, links or table cells.
 */
import { counted, noun } from './plural.js';
import type { ArchitectureView, NarrativeView, ReportViewModel } from './types.js';

/** Escapes inline Markdown: CommonMark allows a backslash before any ASCII punctuation. */
export function md(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  let s = String(text).replace(/\r\n?|\n/g, ' ');
  // Inline syntax: emphasis, code, links/images (brackets), raw HTML (angle brackets), entities,
  // table cells, strikethrough. Parentheses are harmless once brackets are escaped.
  s = s.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
  // Block markers only matter at the start of the text.
  s = s.replace(/^(\s*)([-+=#])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // `@team` must not notify anyone where the pack is posted (as the validate Markdown does).
  return s.replace(/@/g, '&#64;');
}

/** A Markdown link for http(s) URLs; anything else is escaped text. */
export function mdLink(url: string, label?: string): string {
  if (!/^https?:\/\/[^\s<>"]+$/i.test(url)) return md(url);
  const safe = url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
  return `[${md(label ?? url)}](${safe})`;
}

const num = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('en-US').format(v));
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} %`);

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map((h) => (/^(Score|Size|Usable|Used|Headroom|Run|Passed|Failed|Suppressed|Could not run|#|Errors|Warnings|Info)/.test(h) ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function narrative(n: NarrativeView): string[] {
  const out = [`#### ${md(n.title)}`, '', md(n.summary), ''];
  for (const s of n.steps) {
    const tags = s.tags.map((t) => `\`${t.label.replace(/`/g, "'")}\``).join(' ');
    out.push(`${s.n}. **${md(s.title)}**${tags ? ` ${tags}` : ''} — ${md(s.text)}`);
  }
  out.push('');
  for (const note of n.notes) out.push(`- ${md(note)}`);
  out.push('');
  return out;
}

function architecture(a: ArchitectureView, diagramDir: string, vm: ReportViewModel): string[] {
  const out: string[] = [`## ${a.index}. ${md(a.title)}`, ''];
  out.push('### Context', '');
  if (a.description) out.push(md(a.description), '');
  out.push(`**Overall ${a.overall.score} — ${md(a.overall.bandLabel)}.** ${counted(a.counts.error, 'error')}, ${counted(a.counts.warning, 'warning')}, ${a.counts.info} info open; ${a.counts.suppressed} accepted.`, '');
  out.push(...table(['Fact', 'Value'], a.facts.map((f) => [md(f.label), md(f.value)])));

  out.push('### Diagrams', '');
  if (a.diagrams.length) {
    for (const d of a.diagrams) {
      out.push(`#### ${md(d.title)}`, '', `![${md(d.title)}](${diagramDir}/${encodeURIComponent(d.fileName)})`, '');
      if (d.collapsedNote) out.push(`_${md(d.collapsedNote)}_`, '');
      if (d.fullSizeNote) out.push(`_${md(d.fullSizeNote)}_`, '');
      // The pictures the PDF prints instead of the whole (a region's overview, a run of spokes), after it.
      for (const [i, p] of (d.parts ?? []).entries()) {
        const caption = `${d.title} (part ${i + 1} of ${d.parts!.length}: ${p.title})`;
        out.push(`##### ${md(caption)}`, '', `![${md(caption)}](${diagramDir}/${encodeURIComponent(p.fileName)})`, '');
      }
    }
    if (a.collapsedSpokes.length) {
      out.push('#### Spokes drawn once', '');
      out.push(
        'These spokes have the same shape as the drawn spoke named beside them and differ only in these names and ' +
          'addresses.',
        '',
      );
      out.push(
        ...table(
          ['Spoke', 'Address space', 'Drawn as', 'Names and addresses'],
          a.collapsedSpokes.map((r) => {
            const differs = r.differs + (r.views ? ` (left out of: ${r.views})` : '');
            return [md(r.name), md(r.addressSpace), md(r.like), md(differs)];
          }),
        ),
      );
    }
  } else out.push(`_${md(a.diagramNote ?? 'No diagrams.')}_`, '');

  out.push('### Traffic flows', '');
  for (const n of [...a.narratives.ingress, ...a.narratives.egress, ...a.narratives.controlPlane]) out.push(...narrative(n));

  out.push('### IP plan', '');
  out.push(
    ...table(
      ['Range', 'Purpose', 'CIDR', 'Size', 'Usable', 'Used at max. scale', 'Headroom', 'Basis'],
      a.ipPlan.rows.map((r) => [r.level === 'vnet' ? `**${md(r.name)}**` : md(r.name), md(r.purpose), `\`${r.cidr.replace(/`/g, '')}\``, num(r.size), num(r.usable), num(r.consumption), pct(r.headroomPct), md(r.basis)]),
    ),
  );
  for (const n of a.ipPlan.notes) out.push(`- ${md(n)}`);
  out.push('');

  out.push('### Decisions', '');
  if (!a.decisions.length) out.push('_No decisions are recorded with this design._', '');
  for (const d of a.decisions) {
    out.push(`#### ${md(d.id)}: ${md(d.title)} (${md(d.statusLabel)})`, '', `**Context.** ${md(d.context)}`, '');
    if (d.options.length) out.push('**Options considered.**', '', ...d.options.map((o) => `- ${md(o)}`), '');
    out.push(`**Decision.** ${md(d.decision)}`, '');
    if (d.consequences.length) out.push('**Consequences.**', '', ...d.consequences.map((c) => `- ${md(c)}`), '');
  }

  out.push('### Findings', '');
  if (!a.findingsByPillar.length)
    out.push(a.openQuestions.length ? `_No open findings; ${counted(a.openQuestions.length, 'check')} could not run (see Open questions)._` : '_No open findings._', '');
  for (const p of a.findingsByPillar) {
    out.push(`#### ${md(p.name)} (${p.code}) — ${p.count} open`, '');
    if (p.elsewhere) out.push(`_${md(p.elsewhere)}_`, '');
    if (p.groups.length) out.push(
      ...table(
        ['Severity', 'Rule', 'WAF', 'Element', 'Finding', 'Fix', 'Reference'],
        p.groups.flatMap((g) =>
          g.findings.map((f) => [f.severityLabel, `\`${f.ruleId.replace(/`/g, '')}\``, md(f.waf), `${md(f.element)} (${md(f.file)}:${f.line})`, md(f.message), md(f.fix), f.helpUri ? mdLink(f.helpUri) : '']),
        ),
      ),
    );
  }

  out.push('### Open questions', '');
  if (!a.openQuestions.length) out.push('_Every check could run: the design states every fact the rules need._', '');
  else {
    out.push(
      `${counted(a.openQuestions.length, 'check')} could not run because the design does not state a fact ${noun(a.openQuestions.length, 'it needs', 'they need')}. ` +
        (a.openQuestions.length === 1
          ? 'It is neither passed nor failed; state the fact to settle it.'
          : 'They are neither passed nor failed; state the fact to settle each one.'),
      '',
      ...table(
        ['Element', 'Fact to state', 'Would verify', 'Rule', 'Location'],
        a.openQuestions.map((o) => [md(o.element), `${md(o.fact)} (\`${o.factPath.replace(/`/g, '')}\`)`, md(o.check), `\`${o.ruleId.replace(/`/g, '')}\``, `${md(o.file)}:${o.line}`]),
      ),
    );
  }

  out.push('### Accepted risks', '');
  if (!a.acceptedRisks.length) out.push('_No risk acceptances apply to this design._', '');
  else
    out.push(
      ...table(
        ['Rule', 'Element', 'Justification', 'Owner', 'Expires', 'Status'],
        a.acceptedRisks.map((r) => [`\`${r.ruleId.replace(/`/g, '')}\``, md(r.element), md(r.justification), md(r.owner), md(r.expires), md(r.statusLabel)]),
      ),
    );

  out.push('### Rule coverage', '');
  out.push(
    ...table(
      ['Pillar', 'Run', 'Passed', 'Failed', 'Suppressed', 'Could not run', 'Pass rate'],
      [...a.coverage, a.coverageTotal].map((c) => [md(c.name), String(c.run), String(c.passed), String(c.failed), String(c.suppressed), String(c.unverified), `${c.passRate} %`]),
    ),
  );
  out.push(`_${md(vm.summary.method.coverageText)}_`, '');
  return out;
}

export interface MarkdownOutput {
  markdown: string;
  /** Files to write beside it: relative path → content. */
  files: Array<{ path: string; content: string }>;
}

export function renderMarkdown(vm: ReportViewModel, diagramDir = 'diagrams'): MarkdownOutput {
  const out: string[] = [`# ${md(vm.title)}`, '', `Well-Architected review pack · AKS networking · review date ${md(vm.date)}`, ''];
  out.push(
    ...table(
      ['Architecture', 'Workload', 'Environment', 'Version', 'Owner', 'Status', 'Reviewers', 'Decision requested'],
      vm.cover.architectures.map((c) => [md(c.title), md(c.workload), md(c.environment), md(c.version), md(c.owner), md(c.statusLabel), md(c.reviewers), md(c.decisionRequested)]),
    ),
  );
  out.push('Input digest:', '', ...vm.cover.digests.map((d) => `- \`${d.file.replace(/`/g, '')}\` sha256 \`${d.sha256}\``), `- aksnet ${md(vm.generator.version)}`, '');

  out.push('## Executive summary', '', `**Overall ${vm.summary.overall.score} — ${md(vm.summary.overall.bandLabel)}.** ${md(vm.summary.verdict)}`, '');
  out.push(
    ...table(
      ['Pillar', 'Score', 'Status', 'Errors', 'Warnings', 'Info', 'Accepted', 'Rules run / failed / could not run'],
      vm.summary.scores.map((s) => [`${md(s.name)} (${s.code})`, String(s.score), md(s.bandLabel), String(s.error), String(s.warning), String(s.info), String(s.suppressed), `${s.rulesRun} / ${s.rulesFailed} / ${s.rulesUnverified}`]),
    ),
  );
  const c = vm.summary.counts;
  out.push(`Open: ${counted(c.error, 'error')}, ${counted(c.warning, 'warning')}, ${c.info} info. Accepted risks: ${c.suppressed}; expired acceptances: ${c.expired}.`, '');
  out.push('### Top risks', '');
  if (vm.summary.topRisks.length)
    out.push(...table(['#', 'Risk', 'Severity', 'Pillar', 'Affected'], vm.summary.topRisks.map((t) => [String(t.rank), `\`${t.ruleId.replace(/`/g, '')}\` ${md(t.text)}`, t.severityLabel, md(t.pillars), md(t.elements)])));
  else out.push('_No open findings._', '');
  out.push('### Top recommendations', '');
  if (vm.summary.topRecommendations.length) out.push(...vm.summary.topRecommendations.map((t) => `${t.rank}. ${md(t.text)} (\`${t.ruleId.replace(/`/g, '')}\`, ${t.severityLabel}, ${t.occurrences}×)`), '');
  else out.push(vm.summary.unverifiedNote ? `_${md(vm.summary.unverifiedNote)}_` : '_Nothing to recommend._', '');
  out.push('### Scoring method', '', md(vm.summary.method.text), '');

  for (const a of vm.architectures) out.push(...architecture(a, diagramDir, vm));

  out.push('## Appendix', '', '### Rule catalogue', '');
  out.push(...table(['Rule', 'Title', 'Default severity', 'Raised in this pack', 'Pillars', 'WAF'], vm.appendix.rules.map((r) => [`\`${r.id.replace(/`/g, '')}\``, md(r.title), r.errorAfter ? `${r.severityLabel} → Error after ${r.errorAfter}` : r.severityLabel, r.raised || '—', md(r.pillars), md(r.waf)])));
  out.push('### Glossary', '', ...vm.appendix.glossary.map((g) => `- **${md(g.term)}**: ${md(g.definition)}`), '');
  out.push('### Versions', '', ...vm.appendix.versions.map((v) => `- ${md(v.label)}: ${md(v.value)}`), '');

  const files = vm.architectures.flatMap((a) =>
    a.diagrams.flatMap((d) => [
      { path: `${diagramDir}/${d.fileName}`, content: d.svgHtml },
      ...(d.parts ?? []).map((p) => ({ path: `${diagramDir}/${p.fileName}`, content: p.svgHtml })),
    ]),
  );
  return { markdown: out.join('\n').replace(/\n{3,}/g, '\n\n'), files };
}

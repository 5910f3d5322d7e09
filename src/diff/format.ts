/** `aksnet diff` output: text for terminals, Markdown for a pull request comment, JSON for tools. */
import { itemText, type Element, type FieldChange } from './compare.js';
import { changeCount, show, type DesignDiff, type PathChange } from './design-diff.js';

const SIGN = { added: '+', removed: '-', changed: '~', introduced: '+', resolved: '-' } as const;

/** `subnet vnet-spoke/snet-a`: the id's scoped name, so two subnets of one name in two VNets differ. */
function label(c: { kind: string; id: string }): string {
  return `${c.kind} ${c.id.slice(c.id.indexOf(':') + 1)}`;
}

function summary(r: Element): string {
  const facts: string[] = [];
  const x = r as unknown as Record<string, unknown>;
  for (const k of ['cidr', 'addressSpace', 'sku', 'tier', 'visibility', 'privateIp', 'vmSize']) {
    if (x[k] !== undefined) facts.push(`${k} ${show(x[k])}`);
  }
  return facts.length ? ` (${facts.join(', ')})` : '';
}

/** `cidr: 10.0.0.0/24 → 10.0.0.0/23`; a list element one side lacks as `rules[web]: removed (direction inbound, …)`. */
function fieldText(f: FieldChange): string {
  if (f.item === 'removed') return `${f.field}: removed (${itemText(f.before)})`;
  if (f.item === 'added') return `${f.field}: added (${itemText(f.after)})`;
  return `${f.field}: ${show(f.before)} → ${show(f.after)}`;
}

export function formatDiffText(d: DesignDiff): string {
  const lines: string[] = [`aksnet diff: ${d.base} → ${d.head}`];
  if (d.parts.length) {
    lines.push('', 'Parts');
    for (const c of d.parts) {
      if (c.change === 'added') lines.push(`  + ${label(c)}${summary(c.after)}`);
      else if (c.change === 'removed') lines.push(`  - ${label(c)}${summary(c.before)}`);
      else {
        lines.push(`  ~ ${label(c)}`);
        for (const f of c.fields) lines.push(`      ${fieldText(f)}`);
      }
    }
  }
  const paths = (title: string, list: PathChange[]) => {
    if (!list.length) return;
    lines.push('', title);
    for (const p of list) {
      lines.push(`  ${SIGN[p.change]} ${p.name}`);
      for (const x of p.details) lines.push(`      ${x}`);
    }
  };
  for (const sec of d.sections) paths(sec.title, sec.changes);
  if (d.findings.length) {
    lines.push('', 'Findings');
    for (const f of d.findings) lines.push(`  ${SIGN[f.change]} ${f.change} ${f.severity} ${f.ruleId}: ${f.message}`);
  }
  if (d.unverified.length) {
    lines.push('', 'Unverified checks');
    for (const u of d.unverified) lines.push(`  ${SIGN[u.change]} ${u.change} ${u.ruleId}: ${u.message}`);
  }
  const n = changeCount(d);
  lines.push('', n === 0 ? 'No changes.' : `${n} change${n === 1 ? '' : 's'}.`);
  return lines.join('\n') + '\n';
}

/** Markdown-escapes untrusted text for table cells and list items. */
function md(s: string): string {
  return s
    .replace(/[\\`*_[\]|<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/\r?\n/g, ' ');
}

export function formatDiffMarkdown(d: DesignDiff): string {
  const out: string[] = [`### aksnet diff: \`${d.base.replace(/`/g, "'")}\` → \`${d.head.replace(/`/g, "'")}\``, ''];
  const n = changeCount(d);
  if (n === 0) return out.concat(['No changes.', '']).join('\n');
  if (d.parts.length) {
    out.push('| | part | change |', '|---|---|---|');
    for (const c of d.parts) {
      const what =
        c.change === 'changed'
          ? c.fields.map((f) => md(fieldText(f))).join('<br>')
          : c.change === 'added'
            ? `added${md(summary(c.after))}`
            : `removed${md(summary(c.before))}`;
      out.push(`| ${SIGN[c.change]} | ${md(label(c))} | ${what} |`);
    }
    out.push('');
  }
  for (const { title, changes: list } of d.sections) {
    if (!list.length) continue;
    out.push(`**${md(title)}**`, '');
    for (const p of list) {
      out.push(`- ${SIGN[p.change]} ${md(p.name)}${p.change !== 'changed' ? ` (${p.change})` : ''}`);
      for (const x of p.details) out.push(`  - ${md(x)}`);
    }
    out.push('');
  }
  if (d.findings.length) {
    out.push('**Findings**', '');
    for (const f of d.findings)
      out.push(
        `- ${f.change === 'introduced' ? '🆕 introduced' : '✅ resolved'} ${f.severity} ` +
          `\`${f.ruleId}\`: ${md(f.message)}`,
      );
    out.push('');
  }
  if (d.unverified.length) {
    out.push('**Unverified checks** (facts the design leaves unknown)', '');
    for (const u of d.unverified)
      out.push(`- ${u.change === 'introduced' ? '❔ introduced' : '✅ resolved'} \`${u.ruleId}\`: ${md(u.message)}`);
    out.push('');
  }
  out.push(`${n} change${n === 1 ? '' : 's'}.`, '');
  return out.join('\n');
}

export function formatDiffJson(d: DesignDiff): string {
  const parts = d.parts.map((c) =>
    c.change === 'changed'
      ? { change: c.change, id: c.id, kind: c.kind, name: c.name, fields: c.fields }
      : { change: c.change, id: c.id, kind: c.kind, name: c.name },
  );
  return (
    JSON.stringify(
      {
        base: d.base,
        head: d.head,
        parts,
        // One key per section (`ingress`, `egress`, …), in section order.
        ...Object.fromEntries(d.sections.map((sec) => [sec.key, sec.changes])),
        findings: d.findings,
        unverified: d.unverified,
        changes: changeCount(d),
      },
      null,
      2,
    ) + '\n'
  );
}

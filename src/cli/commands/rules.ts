/** `aksnet rules`: the catalogue as text, JSON or Markdown; writes and checks rule docs. */
import { checkRuleDocs, writeRuleDocs } from '../../validate/docs.js';
import { loadRules } from '../../validate/registry.js';
import { severityLabel, type Rule } from '../../validate/rule.js';
import { ExitCode } from '../../shared/errors.js';

export interface RulesCliOptions {
  format: 'text' | 'json' | 'markdown';
  writeDocs?: string;
  checkDocs?: string;
}

export function ruleSummary(r: Rule) {
  const m = r.meta;
  return {
    id: m.id,
    title: m.title,
    severity: m.severity,
    ...(m.errorAfter ? { errorAfter: m.errorAfter } : {}),
    kind: m.kind,
    pillars: m.pillars,
    waf: m.waf,
    rationale: m.rationale,
    fix: m.fix,
    references: m.references,
  };
}

export async function rulesCommand(opts: RulesCliOptions): Promise<ExitCode> {
  const rules = await loadRules();
  if (opts.writeDocs || opts.checkDocs) {
    if (opts.writeDocs) return writeRuleDocs(rules, opts.writeDocs);
    return checkRuleDocs(rules, opts.checkDocs!);
  }
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify({ count: rules.length, rules: rules.map(ruleSummary) }, null, 2) + '\n');
  } else if (opts.format === 'markdown') {
    const lines = ['| Rule | Severity | Kind | Pillars | WAF | Title |', '|---|---|---|---|---|---|'];
    for (const r of rules) {
      const m = r.meta;
      lines.push(`| \`${m.id}\` | ${severityLabel(m)} | ${m.kind} | ${m.pillars.join(', ')} | ${m.waf.join(', ')} | ${m.title.replace(/\|/g, '\\|')} |`);
    }
    process.stdout.write(lines.join('\n') + `\n\n${rules.length} rules\n`);
  } else {
    const w = Math.max(...rules.map((r) => r.meta.id.length));
    for (const r of rules) process.stdout.write(`${r.meta.id.padEnd(w)}  ${severityLabel(r.meta).padEnd(7)}  ${r.meta.title}\n`);
    process.stdout.write(`\n${rules.length} rules\n`);
  }
  return ExitCode.ok;
}

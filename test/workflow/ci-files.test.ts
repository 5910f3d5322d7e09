/**
 * The GitHub Action, the Azure DevOps template and the CI files `aksnet init` writes are valid YAML
 * whose every `aksnet` call names a real command, real options and real format values, and every
 * command they call is documented in docs/cli.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command, Option } from 'commander';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliProgram } from '../../src/cli/main.js';
import { AZURE_PIPELINE_TEMPLATE, GITHUB_WORKFLOW_TEMPLATE } from '../../src/workflow/init.js';

const repo = resolve(import.meta.dirname, '../..');
const cliDoc = readFileSync(join(repo, 'docs/cli.md'), 'utf8');

/** The YAML example under docs/ci.md's `## GitLab` heading. */
function gitlabExample(): string {
  const doc = readFileSync(join(repo, 'docs/ci.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## GitLab'));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('docs/ci.md: no YAML example under ## GitLab');
  return m[1]!;
}

/** Every string value under a `run` or `script` key, anywhere in the document. */
function shellLines(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'run' || k === 'script') && typeof x === 'string') out.push(...x.split('\n'));
        else walk(x);
      }
    }
  };
  walk(doc);
  return out;
}

/** `npx aksnet validate designs/ --format sarif …` → ['validate', 'designs/', '--format', 'sarif', …]. */
function aksnetCalls(lines: string[]): string[][] {
  const calls: string[][] = [];
  for (const line of lines) {
    for (const m of line.matchAll(/\baksnet\s+([^;&|#\n]+)/g)) calls.push(m[1]!.trim().split(/\s+/));
  }
  return calls;
}

describe('CI files', () => {
  let program: Command;
  beforeAll(async () => {
    program = await cliProgram();
  });

  const files: Array<[string, string]> = [
    ['action.yml', readFileSync(join(repo, 'action.yml'), 'utf8')],
    ['ci/azure-pipelines/aksnet.yml', readFileSync(join(repo, 'ci/azure-pipelines/aksnet.yml'), 'utf8')],
    ['init: .github/workflows/aksnet.yml', GITHUB_WORKFLOW_TEMPLATE],
    ['init: azure-pipelines.yml', AZURE_PIPELINE_TEMPLATE],
  ];

  it.each(files)('%s is valid YAML calling documented commands with real options', (_name, text) => {
    const doc = parse(text, { strict: true, uniqueKeys: true }) as Record<string, unknown>;
    expect(doc).toBeTypeOf('object');
    const calls = aksnetCalls(shellLines(doc));
    expect(calls.length).toBeGreaterThan(0);
    for (const [name, ...args] of calls) {
      const cmd = program.commands.find((c) => c.name() === name);
      expect(cmd, `aksnet ${name} is a command`).toBeDefined();
      expect(cliDoc, `docs/cli.md documents aksnet ${name}`).toContain(`## \`aksnet ${name}\``);
      const options = cmd!.options as readonly Option[];
      for (const [i, a] of args.entries()) {
        if (!a.startsWith('--')) continue;
        const opt = options.find(
          (o) => o.long === a || o.long === `--${a.slice(2).replace(/^no-/, '')}` || (o.negate && o.long === a),
        );
        expect(opt, `aksnet ${name} has ${a}`).toBeDefined();
        const value = args[i + 1];
        if (opt!.argChoices && value && !/^["']?\$/.test(value))
          expect(opt!.argChoices, `${a} ${value}`).toContain(value);
      }
    }
  });

  it('the Action documents the security-events permission SARIF upload needs', () => {
    const text = files[0]![1];
    expect(text).toMatch(/security-events: write/);
    const doc = parse(text) as { runs: { using: string; steps: Array<{ uses?: string }> } };
    expect(doc.runs.using).toBe('composite');
    expect(doc.runs.steps.map((s) => s.uses).filter(Boolean)).toEqual([
      'github/codeql-action/upload-sarif@v3',
      'actions/upload-artifact@v4',
    ]);
  });

  // docs/ci.md: every step runs even when an earlier one found problems. The checks start at the first step
  // that can find one (tsc or aksnet; the Action's first step is validate); each step after it must still run.
  it.each(files)('%s: every step after the first check runs when an earlier step failed', (name, text) => {
    const doc = parse(text) as { steps?: unknown[]; jobs?: Record<string, { steps: unknown[] }>; runs?: { steps: unknown[] } };
    const raw = doc.runs?.steps ?? doc.steps ?? Object.values(doc.jobs ?? {}).flatMap((j) => j.steps);
    // Azure templates nest steps under `${{ if … }}:` keys.
    const flat = (list: unknown[]): Array<Record<string, unknown>> =>
      list.flatMap((s) => {
        const step = s as Record<string, unknown>;
        const keys = Object.keys(step);
        return keys.length === 1 && keys[0]!.startsWith('${{') ? flat(step[keys[0]!] as unknown[]) : [step];
      });
    const steps = flat(raw);
    const first = steps.findIndex((s) => /\b(?:tsc|aksnet)\b/.test(String(s.run ?? s.script ?? '')));
    expect(first, name).toBeGreaterThanOrEqual(0);
    const later = steps.slice(first + 1);
    expect(later.some((s) => /aksnet build --check/.test(String(s.run ?? s.script))), name).toBe(true);
    for (const step of later) {
      const what = `${name}: ${String(step.name ?? step.displayName ?? step.run ?? step.script)}`;
      if (name.includes('azure')) expect(step.condition, what).toBe('succeededOrFailed()');
      else expect(String(step.if), what).toMatch(/^(?:\$\{\{\s*)?always\(\)/);
      // An upload must not wait for its producing step to succeed: what it wrote explains the failure.
      expect(String(step.if ?? ''), what).not.toMatch(/outcome == 'success'/);
    }
  });

  // GitLab runs a job's `script` lines in one shell and ends the job at the first line that fails.
  describe('the GitLab example in docs/ci.md', () => {
    const doc = parse(gitlabExample(), { strict: true, uniqueKeys: true }) as Record<string, { script: string[]; artifacts?: { when?: string } }>;
    const script = doc['aksnet']!.script;
    const calls = script.filter((l) => /\baksnet\b/.test(l)).length;

    /** Runs the script as GitLab would (`sh -e`, line by line in one shell) with `npx` stubbed: the `fail`-th call exits `code`. */
    function runScript(fail: number, code: number): { status: number | null; ran: number } {
      const stub = `npm() { :; }\nn=0\nnpx() { n=$((n+1)); echo "$n" >&2; [ "$n" = ${fail} ] && return ${code}; return 0; }\n`;
      const r = spawnSync('sh', ['-e', '-c', stub + script.join('\n')], { encoding: 'utf8' });
      return { status: r.status, ran: r.stderr.trim().split('\n').filter(Boolean).length };
    }

    it('is valid YAML calling documented commands with real options', () => {
      expect(calls).toBeGreaterThan(0);
      for (const [name, ...args] of aksnetCalls(script)) {
        const cmd = program.commands.find((c) => c.name() === name);
        expect(cmd, `aksnet ${name} is a command`).toBeDefined();
        expect(cliDoc).toContain(`## \`aksnet ${name}\``);
        for (const a of args.filter((x) => x.startsWith('--'))) {
          expect((cmd!.options as readonly Option[]).some((o) => o.long === a), `aksnet ${name} has ${a}`).toBe(true);
        }
      }
      expect(script.some((l) => /aksnet build --check/.test(l))).toBe(true);
      // The reports explain a red job: uploaded when it fails too.
      expect(doc['aksnet']!.artifacts?.when).toBe('always');
    });

    it('runs every check when one fails, and the job fails when any did', () => {
      expect(runScript(0, 0)).toEqual({ status: 0, ran: calls });
      for (let k = 1; k <= calls; k++) {
        for (const code of [1, 2]) {
          const r = runScript(k, code);
          expect(r.ran, `call ${k} exits ${code}`).toBe(calls);
          expect(r.status, `call ${k} exits ${code}`).not.toBe(0);
        }
      }
    });
  });

  it('the test really rejects an unknown option', () => {
    const calls = aksnetCalls(['npx aksnet build --chek']);
    const cmd = program.commands.find((c) => c.name() === calls[0]![0]);
    expect((cmd!.options as readonly Option[]).some((o) => o.long === calls[0]![1])).toBe(false);
  });
});

/**
 * The GitHub Action, the Azure DevOps template and the CI files `aksnet init` writes are valid YAML
 * whose every `aksnet` call names a real command, real options and real format values, and every
 * command they call is documented in docs/cli.md.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command, Option } from 'commander';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliProgram } from '../../src/cli/main.js';
import { AZURE_PIPELINE_TEMPLATE, GITHUB_WORKFLOW_TEMPLATE } from '../../src/workflow/init.js';

const repo = resolve(import.meta.dirname, '../..');
const cliDoc = readFileSync(join(repo, 'docs/cli.md'), 'utf8');

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

  it('the test really rejects an unknown option', () => {
    const calls = aksnetCalls(['npx aksnet build --chek']);
    const cmd = program.commands.find((c) => c.name() === calls[0]![0]);
    expect((cmd!.options as readonly Option[]).some((o) => o.long === calls[0]![1])).toBe(false);
  });
});

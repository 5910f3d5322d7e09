/**
 * The review pack's counted phrases agree in number ("1 hop", "1 warning", "1 check … a fact it needs"), and an
 * accepted risk's owner (an e-mail address) wraps after its "@" or a "." in the HTML/PDF, never mid-word.
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { validateModel } from '../../src/validate/validate.js';
import { loadRules } from '../../src/validate/registry.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { loadTemplates } from '../../src/report/templates.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

async function pack(file: string) {
  const path = join(examples, file);
  const { model, issues } = await loadArchitecture(path);
  const result = await validateModel(model, issues, { file: path, asOf: '2026-11-23' });
  const rules = (await loadRules()).map((r) => r.meta);
  const vm = buildViewModel([{ model, file: path, result }], { version: '0', rules });
  return { vm, md: renderMarkdown(vm).markdown, html: renderHtml(vm) };
}

describe('pack wording', () => {
  it('example c: one-hop paths say "1 hop"', async () => {
    const { md } = await pack('c-agc-gateway-api.ts');
    expect(md).toContain('partner-api (internet-facing, 1 hop)');
    expect(md).not.toMatch(/\b1 hops\b/);
  });

  it('example b: one warning and one accepted risk are counted in the singular; the owner wraps after "@" and "."', async () => {
    const { vm, md, html } = await pack('b-front-door-private-link.ts');
    expect(vm.architectures[0]!.counts.warning).toBe(1);
    expect(md).toMatch(/\b0 errors, 1 warning, \d+ info open/);
    expect(md).not.toMatch(/\b1 warnings\b/);
    expect(html).toMatch(/0 errors, 1 warning, \d+ info open/);
    expect(html).not.toMatch(/\b1<\/span> open warnings|\b1 warnings\b/);
    expect(html).toContain('<td class="owner">digital-commerce-platform@<wbr>fabrikam.<wbr>example</td>');
  });

  it('the owner cell may break only where <wbr> allows, unless one part is wider than the column', () => {
    const css = loadTemplates().css;
    expect(css).toMatch(/table\.risks td\.owner \{ overflow-wrap: break-word; \}/);
    expect(css).not.toMatch(/\.c-owner \{[^}]*anywhere/);
  });

  it('example a: its open questions say which facts they need', async () => {
    // The WAF's rule sets, and (asked by two rules) the VM administrators open through Bastion.
    const { vm, md, html } = await pack('a-hub-spoke-baseline.ts');
    expect(vm.architectures[0]!.openQuestions).toHaveLength(3);
    expect(md).toMatch(/3 checks could not run because the design does not state (a fact|facts) (it|they) needs?\. (It is|They are) neither/);
    expect(html).toMatch(/3 checks could not run because the design does not state (a fact|facts) (it|they) needs?\. (It is|They are) neither/);
  });

  it('the Basis column prints address counts with thousands separators, as the other columns do', async () => {
    const { md } = await pack('a-hub-spoke-baseline.ts');
    expect(md).toContain('64,176 addresses unallocated');
    expect(md).toContain('× /24 per node = 8,704');
    expect(md).not.toMatch(/\b\d{4,}\b addresses unallocated|= \d{4,}\b/);
  });
});

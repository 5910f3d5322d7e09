/**
 * Words of the pack a board member reads: counts agree with their nouns and verbs, diagram files beside a pack are
 * named by whole words, and a path whose hops share a name says which hop is which.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFile } from '../../src/validate/run-files.js';
import { loadRules } from '../../src/validate/registry.js';
import { buildViewModel, slugify, type ReportInput } from '../../src/report/view-model.js';
import { renderHtml } from '../../src/report/html.js';
import { handlebarsFor, loadTemplates } from '../../src/report/templates.js';
import type { RuleMeta } from '../../src/validate/rule.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
let rules: RuleMeta[];

async function load(file: string): Promise<ReportInput> {
  const v = await validateFile(join(examples, file), { asOf: '2026-11-23', config: false });
  return { model: v.arch.model, file: v.arch.file, result: v.result, sha256: '00'.repeat(32), diagrams: [] };
}

beforeAll(async () => {
  rules = (await loadRules()).map((r) => r.meta);
}, 60_000);

describe('counts in agreement', () => {
  it('the plural helper agrees nouns and, given both forms, verbs', () => {
    const hb = handlebarsFor(loadTemplates());
    const t = hb.compile("{{n}} {{plural n 'fact'}} {{plural n 'has' 'have'}} · {{plural n 'it needs' 'they need'}}");
    expect(t({ n: 1 })).toBe('1 fact has · it needs');
    expect(t({ n: 2 })).toBe('2 facts have · they need');
    expect(t({ n: 0 })).toBe('0 facts have · they need');
  });

  it('one unknown fact "has" no platform default, two "have"', async () => {
    const c = await load('c-agc-gateway-api.ts');
    const html = (n: number) => {
      const vm = buildViewModel([{ ...c, model: { ...c.model, unknown: c.model.unknown.slice(0, 1).concat(Array(Math.max(0, n - 1)).fill(c.model.unknown[0])) } }], { version: '0', rules });
      return renderHtml(vm).replace(/\s+/g, ' ');
    };
    expect(c.model.unknown.length).toBeGreaterThanOrEqual(1);
    expect(html(1)).toContain('1 fact the design does not state has no platform default and stays unknown; checks that need it are');
    expect(html(2)).toContain('2 facts the design does not state have no platform default and stay unknown; checks that need them are');
  });
});

describe('diagram file names beside a pack', () => {
  it('cut a long title at a word boundary within 48 characters', () => {
    const title = 'Northwind partner API: East US 2 production network';
    expect(slugify(title)).toBe('northwind-partner-api-east-us-2-production');
    expect(slugify('Woodgrove claims portal: legacy production network (as-is)')).toBe('woodgrove-claims-portal-legacy-production');
    // Exactly at the limit, and one word ending right at it: kept whole.
    const at = 'a'.repeat(20) + '-' + 'b'.repeat(27);
    expect(at).toHaveLength(48);
    expect(slugify(at)).toBe(at);
    expect(slugify(at + '-c')).toBe(at);
    expect(slugify(at + 'x')).toBe('a'.repeat(20));
    // One word longer than the limit has no boundary to cut at.
    expect(slugify('x'.repeat(60))).toBe('x'.repeat(48));
    expect(slugify('  ')).toBe('architecture');
    for (const t of ['Wide World Importers ERP and HR: internal platform, Germany West Central', 'Adventure Works bookings: active-active stamps in West and North Europe']) {
      const s = slugify(t);
      const full = t.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      expect(s.length).toBeLessThanOrEqual(48);
      expect(full.startsWith(s)).toBe(true);
      expect(full[s.length]).toBe('-');
    }
  });

  it('stay unique for two designs with the same long title', async () => {
    const c = await load('c-agc-gateway-api.ts');
    const vm = buildViewModel([c, c], { version: '0', rules });
    expect(vm.architectures.map((a) => a.slug)).toEqual(['northwind-partner-api-east-us-2-production', 'northwind-partner-api-east-us-2-production-2']);
  });
});

describe('a path whose hops share a name', () => {
  it('names each of them with its kind (example d: the HTTP application routing add-on)', async () => {
    const d = await load('d-legacy-agic-kubenet.ts');
    const vm = buildViewModel([d], { version: '0', rules });
    const n = vm.architectures[0]!.narratives.ingress.find((x) => x.title.includes('adjuster-tool'))!;
    const lb = 'load balancer addon-http-application-routing';
    const ic = 'ingress controller addon-http-application-routing';
    expect(n.summary).toContain(`2 hops: ${lb} → ${ic}.`);
    const text = [n.summary, ...n.steps.map((s) => s.text), ...n.notes].join(' ');
    expect(text).not.toMatch(/(^|[^ a-z])addon-http-application-routing → addon-http-application-routing/);
    expect(n.notes.join(' ')).toContain(`Unencrypted segments: client → ${lb}; ${lb} → ${ic}; ${ic} → the adjuster-tool pods.`);
    expect(n.steps[0]!.text).toContain(`port 80 of ${lb}.`);
    // A path whose hops have names of their own keeps the bare names.
    const other = vm.architectures[0]!.narratives.ingress.find((x) => x !== n)!;
    expect(other.summary).not.toMatch(/load balancer|ingress controller|Application Gateway agw/);
  });
});

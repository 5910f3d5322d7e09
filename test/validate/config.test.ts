/**
 * Configuration and accepted risks, end to end: `aksnet.config.ts` found by walking up from the
 * architecture file (or given explicitly, or ignored), rule settings, as-of dates, accepted risks
 * (suppressed vs expired) and the architecture's own `review` section winning per key.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfig, loadConfig } from '../../src/load/config.js';
import { AksnetError } from '../../src/shared/errors.js';
import { validateFile, validateFiles } from '../../src/validate/run-files.js';
import type { FileResult } from '../../src/validate/finding.js';
import { exitCode } from '../../src/cli/commands/validate.js';
import { formatText } from '../../src/validate/format/text.js';
import { formatJson } from '../../src/validate/format/json.js';
import { sarifLog } from '../../src/validate/format/sarif.js';
import { loadRules } from '../../src/validate/registry.js';
import { colors } from '../../src/shared/io.js';

const STRUCTURE = ['structure/cidr-malformed', 'structure/duplicate-name', 'structure/subnet-overlap'];

let root: string;
let designs: string;

function arch(review = ''): string {
  return `import { defineArchitecture, vnet, subnet } from 'aksnet';
const a = subnet({ name: 'snet-a', cidr: '10.1.0.0/24' });
const b = subnet({ name: 'snet-b', cidr: '10.1.0.128/25' });
const c = subnet({ name: 'snet-a', cidr: '10.1.1.0/24' });
const d = subnet({ name: 'snet-d', cidr: '10.1.2.1/24' });
const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [a, b, c, d] });
export default defineArchitecture({
  metadata: { title: 'config test' },
  network: { vnets: [spoke] },
  clusters: [],${review ? `\n  review: ${review},` : ''}
});
`;
}

const CONFIG = `import { defineConfig } from 'aksnet';
export default defineConfig({
  rules: { 'structure/subnet-overlap': 'off', 'structure/duplicate-name': 'info' },
  asOf: '2026-06-01',
  acceptedRisks: [
    { rule: 'structure/cidr-malformed', element: 'snet-d', justification: 'fixed in the next release', owner: 'network-team', expires: '2026-12-31' },
  ],
});
`;

function mine(r: FileResult): FileResult {
  return { ...r, findings: r.findings.filter((f) => STRUCTURE.includes(f.ruleId)) };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'aksnet-config-'));
  designs = join(root, 'team', 'designs');
  mkdirSync(designs, { recursive: true });
  writeFileSync(join(root, 'aksnet.config.ts'), CONFIG);
  writeFileSync(join(designs, 'plain.ts'), arch());
  writeFileSync(
    join(designs, 'own-review.ts'),
    arch(`{ rules: { 'structure/subnet-overlap': 'warning' }, asOf: '2027-03-01', acceptedRisks: [{ rule: 'structure/cidr-malformed', element: 'snet-d', justification: 'arch says so', owner: 'arch-owner', expires: '2027-12-31' }] }`),
  );
  mkdirSync(join(root, 'other'));
  writeFileSync(join(root, 'other', 'strict.config.ts'), `import { defineConfig } from 'aksnet';\nexport default defineConfig({ rules: { 'structure/cidr-malformed': 'off' } });\n`);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('config discovery', () => {
  it('walks up from the architecture file', () => {
    expect(findConfig(designs)).toBe(join(root, 'aksnet.config.ts'));
    expect(findConfig(join(root, 'other'))).toBe(join(root, 'aksnet.config.ts'));
  });

  it('loads a config written with defineConfig from aksnet', async () => {
    const { config } = await loadConfig(join(root, 'aksnet.config.ts'));
    expect(config.kind).toBe('config');
    expect(config.rules).toEqual({ 'structure/subnet-overlap': 'off', 'structure/duplicate-name': 'info' });
  });

  it('rejects an invalid config with exit code 2', async () => {
    const bad = join(root, 'other', 'bad.config.ts');
    writeFileSync(bad, `export default { rules: { 'structure/schema': 'loud' } };\n`);
    const err = await loadConfig(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AksnetError);
    expect((err as AksnetError).exitCode).toBe(2);
    expect((err as AksnetError).message).toContain('structure/schema');
    writeFileSync(bad, `export default { acceptedRisks: [{ rule: 'x', justification: 'j', owner: 'o', expires: 'soon' }] };\n`);
    expect(((await loadConfig(bad).catch((e: unknown) => e)) as AksnetError).message).toContain('acceptedRisks[0].expires must be a date YYYY-MM-DD, got "soon"');
  });
});

describe('rule settings, asOf and accepted risks from the config', () => {
  it('disables a rule, changes a severity and sets asOf', async () => {
    const { result, config } = await validateFile(join(designs, 'plain.ts'));
    expect(config?.asOf).toBe('2026-06-01');
    expect(result.asOf).toBe('2026-06-01');
    expect(result.rulesRun).not.toContain('structure/subnet-overlap');
    expect(result.findings.some((f) => f.ruleId === 'structure/subnet-overlap')).toBe(false);
    const dup = result.findings.filter((f) => f.ruleId === 'structure/duplicate-name');
    expect(dup.length).toBeGreaterThan(0);
    expect(dup.every((f) => f.severity === 'info')).toBe(true);
  });

  it('an accepted risk is reported as suppressed, not dropped, and does not fail the run', async () => {
    const { result } = await validateFile(join(designs, 'plain.ts'));
    const cidr = result.findings.filter((f) => f.ruleId === 'structure/cidr-malformed');
    expect(cidr).toHaveLength(1);
    expect(cidr[0]!.status).toBe('suppressed');
    expect(cidr[0]!.acceptance).toEqual({ justification: 'fixed in the next release', owner: 'network-team', expires: '2026-12-31' });
    expect(exitCode([mine(result)], 'error')).toBe(0);
    expect(exitCode([mine(result)], 'info')).toBe(1); // the duplicate-name finding is info now
  });

  it('an expired acceptance comes back as an open finding marked expired (text, JSON, SARIF)', async () => {
    const [v] = await validateFiles([join(designs, 'plain.ts')], { asOf: '2027-01-01' });
    const result = v!.result;
    expect(result.asOf).toBe('2027-01-01');
    const cidr = result.findings.find((f) => f.ruleId === 'structure/cidr-malformed')!;
    expect(cidr.status).toBe('expired');
    expect(cidr.severity).toBe('error');
    expect(exitCode([mine(result)], 'error')).toBe(1);
    expect(formatText([mine(result)], { colors: colors(false) })).toContain('[accepted risk expired 2026-12-31]');
    const json = JSON.parse(formatJson([result])) as { findings: Array<{ ruleId: string; status: string }> };
    expect(json.findings.find((f) => f.ruleId === 'structure/cidr-malformed')!.status).toBe('expired');
    const sarif = sarifLog([result], (await loadRules()).map((r) => r.meta));
    const r = sarif.runs[0]!.results!.find((x) => x.ruleId === 'structure/cidr-malformed')!;
    expect(r.suppressions).toBeUndefined();
    expect(r.properties).toMatchObject({ status: 'expired', acceptanceExpired: true });
  });

  it('--no-config ignores config files; --config uses the given one', async () => {
    const [none] = await validateFiles([join(designs, 'plain.ts')], { config: false, asOf: '2026-11-23' });
    expect(none!.config).toBeUndefined();
    expect(none!.result.rulesRun).toContain('structure/subnet-overlap');
    expect(none!.result.findings.find((f) => f.ruleId === 'structure/cidr-malformed')!.status).toBe('open');
    const [explicit] = await validateFiles([join(designs, 'plain.ts')], { config: join(root, 'other', 'strict.config.ts') });
    expect(explicit!.result.rulesRun).not.toContain('structure/cidr-malformed');
    expect(explicit!.result.rulesRun).toContain('structure/subnet-overlap');
  });
});

describe("the architecture's review section overrides the config per key", () => {
  it('rules, asOf and acceptances from the architecture win; other keys come from the config', async () => {
    const { result } = await validateFile(join(designs, 'own-review.ts'));
    expect(result.asOf).toBe('2027-03-01');
    expect(result.rulesRun).toContain('structure/subnet-overlap');
    const overlap = result.findings.filter((f) => f.ruleId === 'structure/subnet-overlap');
    expect(overlap.length).toBeGreaterThan(0);
    expect(overlap.every((f) => f.severity === 'warning')).toBe(true);
    // duplicate-name is still "info" from the config file.
    expect(result.findings.filter((f) => f.ruleId === 'structure/duplicate-name').every((f) => f.severity === 'info')).toBe(true);
    // The architecture's acceptance (expires 2027-12-31) wins over the config's (expired by 2027-03-01).
    const cidr = result.findings.find((f) => f.ruleId === 'structure/cidr-malformed')!;
    expect(cidr.status).toBe('suppressed');
    expect(cidr.acceptance!.owner).toBe('arch-owner');
  });

  it('--as-of beats both', async () => {
    const [v] = await validateFiles([join(designs, 'own-review.ts')], { asOf: '2028-01-01' });
    expect(v!.result.asOf).toBe('2028-01-01');
    expect(v!.result.findings.find((f) => f.ruleId === 'structure/cidr-malformed')!.status).toBe('expired');
  });
});

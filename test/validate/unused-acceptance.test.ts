/**
 * An accepted risk in the design that matches no finding is reported (info, aksnet/unused-acceptance) at the
 * acceptance, saying why: the check could not run, the element does not exist, or the risk is gone. One that
 * matches stays silent, and a config file's acceptances (shared by many designs) are never reported.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AcceptedRisk } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { UNUSED_ACCEPTANCE_RULE, validateModel } from '../../src/validate/validate.js';
import { baseline } from '../helpers/fixture.js';
import { AksnetError } from '../../src/shared/errors.js';
import { LOAD_ERROR_RULE, loadFailureResult } from '../../src/validate/load-failure.js';
import { loadRules } from '../../src/validate/registry.js';
import { rulePageUri } from '../../src/validate/rule-page.js';
import { sarifLog } from '../../src/validate/format/sarif.js';

const repo = resolve(import.meta.dirname, '../..');

const risk = (rule: string, element?: string): AcceptedRisk => ({
  rule,
  ...(element ? { element } : {}),
  justification: 'because',
  owner: 'team',
  expires: '2027-12-31',
});

async function run(own: AcceptedRisk[], config: AcceptedRisk[] = [], change: (b: ReturnType<typeof baseline>) => void = () => {}) {
  const b = baseline();
  change(b);
  b.arch.review = { acceptedRisks: own };
  const { model, issues } = normalize(b.arch);
  const locator = { locate: (path: string) => ({ line: Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 100, column: 5 }) };
  const r = await validateModel(model, issues, { file: 'd.ts', asOf: '2026-12-03', config: { acceptedRisks: config }, locator });
  return { r, unused: r.findings.filter((f) => f.ruleId === UNUSED_ACCEPTANCE_RULE) };
}

describe('aksnet/unused-acceptance', () => {
  it('is silent for an acceptance that suppresses a finding', async () => {
    // An internal load balancer in one zone: a finding the acceptance names.
    const { r, unused } = await run([risk('reliability/frontend-ip-zones', 'ilb-ingress')], [], (b) => (b.ilb.zones = [1]));
    expect(r.findings.find((f) => f.ruleId === 'reliability/frontend-ip-zones')?.status).toBe('suppressed');
    expect(unused).toEqual([]);
  });

  it('reports an acceptance whose risk is gone, at the acceptance', async () => {
    const { unused } = await run([risk('reliability/frontend-ip-zones', 'ilb-ingress')]);
    expect(unused).toMatchObject([
      {
        severity: 'info',
        path: 'review.acceptedRisks[0]',
        line: 100,
        column: 5,
        message: 'accepted risk for reliability/frontend-ip-zones on ilb-ingress matches no finding: the design no longer has this risk; remove the acceptance',
      },
    ]);
  });

  it('says when the element does not exist, and when the check could not run', async () => {
    const { unused } = await run(
      [risk('reliability/frontend-ip-zones', 'ilb-ingres'), risk('reliability/frontend-ip-zones', 'ilb-ingress')],
      [],
      (b) => delete b.ilb.zones,
    );
    expect(unused.map((f) => f.message)).toEqual([
      'accepted risk for reliability/frontend-ip-zones on ilb-ingres matches no finding: the design has no element named ilb-ingres',
      'accepted risk for reliability/frontend-ip-zones on ilb-ingress matches no finding: the check could not run (state the availability zones of ilb-ingress), so there is nothing to accept yet',
    ]);
    expect(unused.map((f) => f.line)).toEqual([100, 101]);
  });

  it('names an invalid field as the fact to state when the check was held back for it', async () => {
    const { unused } = await run([risk('reliability/frontend-ip-zones', 'ilb-ingress')], [], (b) => {
      b.ilb.zones = [1];
      (b.ilb as { visibility: string }).visibility = 'Internal';
    });
    expect(unused.map((f) => f.message)).toEqual([
      'accepted risk for reliability/frontend-ip-zones on ilb-ingress matches no finding: the check could not run (state a valid visibility of ilb-ingress), so there is nothing to accept yet',
    ]);
  });

  it("never reports a config file's acceptance, nor one for a rule that did not run", async () => {
    const { unused } = await run([], [risk('reliability/frontend-ip-zones', 'ilb-ingress')]);
    expect(unused).toEqual([]);
    const off = normalize(baseline().arch);
    off.model.review.acceptedRisks = [risk('reliability/frontend-ip-zones')];
    const r = await validateModel(off.model, off.issues, {
      file: 'd.ts',
      asOf: '2026-12-03',
      config: { rules: { 'reliability/frontend-ip-zones': 'off' } },
    });
    expect(r.findings.filter((f) => f.ruleId === UNUSED_ACCEPTANCE_RULE)).toEqual([]);
  });
});

describe("aksnet's own checks link to a documentation page", () => {
  it('load-error and unused-acceptance: the JSON helpUri and the SARIF rule helpUri name their page in docs/rules/aksnet', async () => {
    const { r, unused } = await run([risk('reliability/frontend-ip-zones', 'ilb-ingress')]);
    const failed = loadFailureResult('broken.ts', new AksnetError('boom', { file: 'broken.ts', line: 3, column: 1 }));
    const log = sarifLog([r, failed], (await loadRules()).map((x) => x.meta), '/repo');
    const driverRules = log.runs[0]!.tool.driver.rules!;
    for (const [id, finding] of [
      [UNUSED_ACCEPTANCE_RULE, unused[0]!],
      [LOAD_ERROR_RULE, failed.findings[0]!],
    ] as const) {
      // Built as the catalogue's rule pages are: the page inside the published package of this version.
      expect(finding.helpUri, id).toBe(rulePageUri(id));
      expect(driverRules.find((d) => d.id === id)?.helpUri, id).toBe(rulePageUri(id));
      expect(existsSync(join(repo, 'docs/rules', `${id}.md`)), id).toBe(true);
    }
  });
});

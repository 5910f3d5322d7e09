/**
 * What the catalogue says about the bundled examples, pinned to one date: the reference design (a)
 * has no finding at all, every good design has no open error, and the legacy design (d) raises what
 * a reviewer would raise. Every finding points at a real line of its file.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFiles, type ValidatedFile } from '../../src/validate/run-files.js';

const repo = resolve(import.meta.dirname, '../..');
const EXAMPLES = ['a-hub-spoke-baseline', 'b-front-door-private-link', 'c-agc-gateway-api', 'd-legacy-agic-kubenet', 'e-istio-mesh', 'f-internal-only', 'g-two-region-stamps'];
let results: Map<string, ValidatedFile>;

beforeAll(async () => {
  const files = EXAMPLES.map((e) => join(repo, 'examples', `${e}.ts`));
  const validated = await validateFiles(files, { asOf: '2026-11-23', config: false });
  results = new Map(validated.map((v, i) => [EXAMPLES[i]!, v]));
}, 120_000);

const open = (name: string) => results.get(name)!.result.findings.filter((f) => f.status !== 'suppressed');

describe('examples as of 2026-11-23', () => {
  it('the hub-spoke baseline (a) has no finding at all', () => {
    expect(open('a-hub-spoke-baseline').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it('the good designs have no open error', () => {
    for (const name of EXAMPLES.filter((e) => e !== 'd-legacy-agic-kubenet')) {
      expect(open(name).filter((f) => f.severity === 'error').map((f) => f.ruleId), name).toEqual([]);
    }
  });

  it('the legacy design (d) raises the errors and warnings a reviewer would', () => {
    const d = open('d-legacy-agic-kubenet');
    const ids = (sev: string) => [...new Set(d.filter((f) => f.severity === sev).map((f) => f.ruleId))].sort();
    expect(ids('error')).toEqual([
      'ingress/app-gateway-tls-version',
      'lifecycle/basic-load-balancer',
      'lifecycle/http-application-routing',
      'lifecycle/kubernetes-version',
    ]);
    expect(ids('warning')).toEqual(
      expect.arrayContaining([
        'cni/network-policy-missing',
        'control-plane/public-without-authorized-ranges',
        'egress/no-egress-control',
        'ingress/ddos-protection',
        'ingress/node-nsg-open-inbound',
        'ingress/plaintext-after-tls',
        'ingress/waf-detection-mode',
        'ingress/waf-missing',
        'lifecycle/kubenet',
        'reliability/node-pool-zones',
        'reliability/sla-tier',
        'reliability/system-node-count',
      ]),
    );
  });

  it('every finding points at a line of its file that mentions the element or the property', () => {
    for (const [name, v] of results) {
      const lines = readFileSync(v.arch.path, 'utf8').split('\n');
      for (const f of v.result.findings) {
        const line = lines[f.line - 1] ?? '';
        expect(f.line, `${name} ${f.ruleId}`).toBeGreaterThan(1);
        expect(f.column, `${name} ${f.ruleId}`).toBeLessThanOrEqual(line.length);
        const key = /([A-Za-z]+)(?:\[\d+\])?$/.exec(f.path)?.[1] ?? '';
        const element = f.path.endsWith(']') && /^\s*(\{|[a-zA-Z]+\(\{)/.test(line);
        const mentions = element || [key, f.elementName ?? ''].filter(Boolean).some((w) => line.includes(w)) || /^\s*(const|export default|[a-zA-Z]+: \[?)/.test(line);
        expect(mentions, `${name} ${f.ruleId} ${f.path} → line ${f.line}: ${line.trim()}`).toBe(true);
      }
    }
  });
});

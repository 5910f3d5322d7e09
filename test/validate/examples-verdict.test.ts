/**
 * What the catalogue says about the bundled examples, pinned to one date: the reference design (a)
 * has no finding at all, every good design has no open error, and the legacy design (d) raises what
 * a reviewer would raise. Every finding points at the property it is about, or at the element
 * that lacks it.
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

/** `name = builder({`, `builder({` or `{`: where an element of a design is written. */
const ELEMENT_START = /^(?:[A-Za-z_$][\w$]* = )?(?:[A-Za-z]+\()?\{/;

/** The object literal whose first `{` is at or after `offset`, up to its matching `}`. */
function objectLiteralAt(text: string, offset: number): string {
  const start = text.indexOf('{', offset);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

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

  it('every finding points at its property, or at the element that lacks it', () => {
    for (const [name, v] of results) {
      const text = readFileSync(v.arch.path, 'utf8');
      const lines = text.split('\n');
      for (const f of v.result.findings) {
        const line = lines[f.line - 1] ?? '';
        const at = line.slice(f.column - 1);
        const where = `${name} ${f.ruleId} ${f.path} → ${f.line}:${f.column}: ${at.trim()}`;
        expect(f.line, where).toBeGreaterThan(1);
        if (f.path.endsWith(']')) {
          // An element: its builder call or its object literal starts exactly there.
          expect(at, where).toMatch(ELEMENT_START);
          continue;
        }
        const [, parent, key] = /(?:([A-Za-z]+)(?:\[\d+\])?\.)?([A-Za-z]+)$/.exec(f.path)!;
        if (at.startsWith(`${key!}:`)) continue;
        // A property the design does not write (a default or a missing value): the object that would
        // hold it, written as an element or as the parent property (`network: { … }`).
        if (!(parent && at.startsWith(`${parent}: {`))) expect(at, where).toMatch(ELEMENT_START);
        const offset = lines.slice(0, f.line - 1).reduce((n, l) => n + l.length + 1, 0) + f.column - 1;
        expect(objectLiteralAt(text, offset), where).not.toMatch(new RegExp(`\\b${key!}\\s*:`));
      }
    }
  });
});

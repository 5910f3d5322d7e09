/**
 * Every rule's `meta.example` is DSL a user could paste: it must parse and type-check against the DSL
 * (the same ts-morph check as `aksnet check`). Examples are fragments of a design, so each is checked
 * in the context its shape asks for: statements (builder calls, `const` declarations), a property of a
 * cluster, an architecture or an ingress path (`network: {…}`, `hops: […]`), or a value (a hop or an
 * NSG rule). Parts of the design the example does not show are declared with their DSL types, and an
 * example that elides required fields with `/* … *\/` is checked with every field optional: the
 * fields it does write must still exist and have the right type.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dsl from '../../dsl/index.js';
import { typecheck, type TypeDiagnostic } from '../../src/load/typecheck.js';
import { loadRules } from '../../src/validate/registry.js';
import type { RuleMeta } from '../../src/validate/rule.js';

const BUILDERS = Object.keys(dsl).filter((k) => typeof (dsl as Record<string, unknown>)[k] === 'function');

/** Parts that examples refer to without declaring them, with the builder that makes each. */
const FREE: Record<string, string> = {
  appGwSubnet: 'subnet',
  agwSubnet: 'subnet',
  peSubnet: 'subnet',
  plsSubnet: 'subnet',
  apiServerSubnet: 'subnet',
  fwManagementSubnet: 'subnet',
  nodeNsg: 'nsg',
  rt: 'routeTable',
  ingressSubnet: 'subnet',
  agcSubnet: 'subnet',
  agentsSubnet: 'subnet',
  apiSubnet: 'subnet',
  fwSubnet: 'subnet',
  nodes: 'subnet',
  pods: 'subnet',
  ingress: 'subnet',
  aks: 'cluster',
  hub: 'vnet',
  spoke: 'vnet',
  firewall: 'azureFirewall',
  hubBastion: 'bastion',
  selfHostedAgents: 'buildAgents',
  rtToFirewall: 'routeTable',
  appGw: 'applicationGateway',
  frontDoor: 'frontDoor',
  pls: 'privateLinkService',
  ilb: 'loadBalancer',
  ddos: 'ddosProtectionPlan',
  plsWeu: 'privateLinkService',
  plsNeu: 'privateLinkService',
  aksWeu: 'cluster',
  aksNeu: 'cluster',
  gateway: 'ingressController',
};

const PRELUDE = [
  "import * as __dsl from 'aksnet';",
  `const { ${BUILDERS.join(', ')} } = __dsl;`,
  `void [${BUILDERS.join(', ')}];`,
  'type DeepPartial<T> = T extends (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;',
  'type Input<K extends keyof typeof __dsl> = (typeof __dsl)[K] extends (x: infer P) => unknown ? P : never;',
  'type Output<K extends keyof typeof __dsl> = (typeof __dsl)[K] extends (...a: never[]) => infer R ? R : never;',
  'declare const __partial: { [K in keyof typeof __dsl]: (x: DeepPartial<Input<K>>) => Output<K> };',
  "type Hop = Input<'ingressPath'>['hops'][number];",
  "type NsgRule = NonNullable<Input<'nsg'>['rules']>[number];",
  '',
].join('\n');

/**
 * The parts an example uses without declaring them, declared inside its block (shadowing a builder of
 * the same name, e.g. `frontDoor`, unless the example calls that builder).
 */
function free(example: string): string {
  const declared = (n: string): boolean => new RegExp(`\\bconst ${n}\\b`).test(example);
  const called = (n: string): boolean => new RegExp(`\\b${n}\\s*\\(`).test(example);
  const named = (n: string): boolean => new RegExp(`\\b${n}\\b`).test(example);
  const used = Object.entries(FREE).filter(([n]) => named(n) && !declared(n) && !called(n));
  return used
    .map(([n, b]) => `const ${n} = undefined as unknown as ReturnType<typeof __dsl.${b}>;\nvoid ${n};\n`)
    .join('');
}

/** Leading statements, then properties (`const rt = …;` followed by `network: { … }`). */
function splitMixed(example: string): [string, string] | undefined {
  const lines = example.split('\n');
  const at = lines.findIndex((l) => /^[A-Za-z_$][\w$]*\s*:/.test(l));
  return at > 0 ? [lines.slice(0, at).join('\n'), lines.slice(at).join('\n')] : undefined;
}

type Shape = 'statements' | 'partial-statements' | 'property' | 'value';

function shape(example: string): Shape {
  const code = example.replace(/^\s*\/\/.*$/gm, '').trim();
  if (code.startsWith('{')) return 'value';
  if (/^[A-Za-z_$][\w$]*\s*:/.test(code)) return 'property';
  return code.includes('/* … */') ? 'partial-statements' : 'statements';
}

/** The files an example is checked in; it passes when one of them has no diagnostic. */
function contexts(example: string): string[] {
  const block = (body: string): string => `{\n${free(example)}${body}\n}\n`;
  const properties = (props: string): string[] =>
    ['cluster', 'defineArchitecture', 'ingressPath'].map(
      (b) => `const __p: DeepPartial<Input<'${b}'>> = {\n${props}\n};\nvoid __p;`,
    );
  switch (shape(example)) {
    case 'statements': {
      const mixed = splitMixed(example);
      return [block(example), ...(mixed ? properties(mixed[1]).map((p) => block(`${mixed[0]}\n${p}`)) : [])];
    }
    case 'partial-statements':
      return [block(example.replace(new RegExp(`\\b(${BUILDERS.join('|')})\\(`, 'g'), '__partial.$1('))];
    case 'property':
      return properties(example).map(block);
    case 'value':
      return ['Hop', 'NsgRule'].map((t) => block(`const __v: ${t} = ${example.replace(/;\s*$/, '')};\nvoid __v;`));
  }
}

let metas: RuleMeta[];
const diagnostics = new Map<string, TypeDiagnostic[][]>();
const dir = mkdtempSync(join(tmpdir(), 'aksnet-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  metas = (await loadRules()).map((r) => r.meta);
  const files: Array<{ id: string; i: number; file: string }> = [];
  for (const m of metas) {
    if (!m.example) continue;
    contexts(m.example).forEach((body, i) => {
      const file = join(dir, `${m.id.replace('/', '__')}.${i}.ts`);
      writeFileSync(file, PRELUDE + body);
      files.push({ id: m.id, i, file });
    });
  }
  // One ts-morph project for every example: a cold check per file would take minutes.
  const all = await typecheck(files.map((f) => f.file));
  for (const f of files) {
    const mine = all.filter((d) => d.file.endsWith(`${f.id.replace('/', '__')}.${f.i}.ts`));
    const list = diagnostics.get(f.id) ?? [];
    list[f.i] = mine;
    diagnostics.set(f.id, list);
  }
}, 120_000);

describe('meta.example of every rule', () => {
  it('most rules have one (structure rules about malformed input may not)', () => {
    const without = metas.filter((m) => !m.example).map((m) => m.id);
    for (const id of without) expect(id).toMatch(/^structure\//);
  });

  it('parses and type-checks against the DSL in the context its shape asks for', () => {
    const failing: string[] = [];
    for (const m of metas) {
      if (!m.example) continue;
      const list = diagnostics.get(m.id)!;
      if (list.some((d) => d.length === 0)) continue;
      const best = [...list].sort((a, b) => a.length - b.length)[0]!;
      failing.push(
        `${m.id} (${shape(m.example)}): ${best.map((d) => `${d.line - PRELUDE.split('\n').length + 1}: ${d.message}`).join(' | ')}`,
      );
    }
    expect(failing).toEqual([]);
  });

  it('the check is not vacuous: a misspelt field, a wrong value and a syntax error fail', async () => {
    const bad = [
      "subnet({ name: 'x', cidr: '10.0.0.0/24', purpse: 'aks-nodes' })",
      "network: { cni: 'azure-overlayy' }",
      "{ via: appGw, protocol: 'https', port: '443', tls: 'reencrypt' }",
      "applicationGateway({ /* … */ minTlsVersion: '1.0.1' });",
      "subnet({ name: 'x', cidr: '10.0.0.0/24' ",
    ];
    for (const [i, example] of bad.entries()) {
      const files = contexts(example).map((body, j) => {
        const file = join(dir, `bad${i}.${j}.ts`);
        writeFileSync(file, PRELUDE + body);
        return file;
      });
      const diags = await typecheck(files);
      for (const f of files) expect(diags.some((d) => f.endsWith(d.file.split('/').at(-1)!))).toBe(true);
    }
  }, 120_000);
});

/**
 * The imported design before it is written: one declaration per DSL part, values that refer to
 * other declarations by object, and comments (Azure resource ids, TODOs for what Azure's JSON
 * cannot tell). The same structure is written as TypeScript (emit.ts) and built into a DSL value
 * (build.ts) for drift detection, so the file and the comparison never disagree.
 */

/** DSL builder functions an imported design calls. */
export type BuilderName =
  | 'vnet'
  | 'subnet'
  | 'peering'
  | 'routeTable'
  | 'nsg'
  | 'natGateway'
  | 'ddosProtectionPlan'
  | 'privateDnsZone'
  | 'paas'
  | 'privateEndpoint'
  | 'bastion'
  | 'azureFirewall'
  | 'nva'
  | 'frontDoor'
  | 'applicationGateway'
  | 'loadBalancer'
  | 'privateLinkService'
  | 'ingressController'
  | 'cluster'
  | 'nodePool'
  | 'ingressPath'
  | 'firewallPolicy'
  | 'publicIp';

/** A value in a part's spec. Objects may hold `undefined` for fields left out. */
export type Value = string | number | boolean | Decl | Commented | Value[] | { [key: string]: Value | undefined };

/** A value written with a line comment after it. */
export class Commented {
  constructor(
    readonly value: Value,
    readonly comment: string,
  ) {}
}

/** One `const x = builder({ … })` of the imported design. */
export class Decl {
  spec: Record<string, Value | undefined> = {};
  /** Comment lines written above the declaration (Azure ids first). */
  readonly comments: string[] = [];

  constructor(
    readonly builder: BuilderName,
    readonly varName: string,
    /** Azure resource ids the part was built from. */
    readonly azureIds: string[],
    /** Id of the element this part becomes in the normalized model (`subnet:vnet-hub/snet-a`). */
    readonly modelId: string,
  ) {}
}

/** Builders and keywords a variable must not shadow. */
const KEYWORDS =
  'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
  'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
  'yield let static implements interface package private protected public await';
const RESERVED = new Set([
  ...KEYWORDS.split(' '),
  ...['vnet', 'subnet', 'peering', 'routeTable', 'nsg', 'natGateway', 'ddosProtectionPlan', 'privateDnsZone', 'paas'],
  ...['privateEndpoint', 'bastion', 'azureFirewall', 'nva', 'frontDoor', 'applicationGateway', 'loadBalancer'],
  ...['privateLinkService', 'ingressController', 'cluster', 'nodePool', 'ingressPath', 'defineArchitecture'],
  ...['firewallPolicy', 'publicIp'],
  ...['undefined', 'NaN', 'Infinity', 'arguments', 'eval'],
]);

/** `vnet-hub-weu` → `vnetHubWeu`; `AzureFirewallSubnet` → `azureFirewallSubnet`. */
export function camelName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0) return 'part';
  const s = words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
  return /^[0-9]/.test(s) ? `n${s}` : s;
}

/** Collects declarations with unique, readable variable names. */
export class DesignBuilder {
  readonly decls: Decl[] = [];
  private readonly used = new Set<string>();

  add(builder: BuilderName, name: string, azureIds: string[], modelId: string): Decl {
    const d = new Decl(builder, this.uniqueName(name, builder), azureIds, modelId);
    this.decls.push(d);
    return d;
  }

  private uniqueName(name: string, builder: BuilderName): string {
    const base = camelName(name);
    const suffix = builder[0]!.toUpperCase() + builder.slice(1);
    const candidates = [base, `${base}${suffix}`];
    for (const c of candidates) {
      if (!RESERVED.has(c) && !this.used.has(c)) {
        this.used.add(c);
        return c;
      }
    }
    let n = 2;
    while (this.used.has(`${base}${suffix}${n}`)) n++;
    this.used.add(`${base}${suffix}${n}`);
    return `${base}${suffix}${n}`;
  }
}

/** Declarations a value refers to directly. */
export function refsOf(v: Value | undefined, out: Decl[] = []): Decl[] {
  if (v instanceof Decl) out.push(v);
  else if (v instanceof Commented) refsOf(v.value, out);
  else if (Array.isArray(v)) for (const x of v) refsOf(x, out);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) refsOf(x, out);
  return out;
}

/** Declarations in an order where each comes after the ones it refers to (creation order otherwise). */
export function declarationOrder(decls: Decl[]): Decl[] {
  const out: Decl[] = [];
  const state = new Map<Decl, 'visiting' | 'done'>();
  const visit = (d: Decl, chain: Decl[]): void => {
    const s = state.get(d);
    if (s === 'done') return;
    if (s === 'visiting') {
      // Object references cannot be written as consts in a cycle; Azure forbids such cycles too.
      throw new Error(`parts refer to each other in a cycle: ${[...chain, d].map((x) => x.varName).join(' → ')}`);
    }
    state.set(d, 'visiting');
    for (const r of refsOf(d.spec)) visit(r, [...chain, d]);
    state.set(d, 'done');
    out.push(d);
  };
  for (const d of decls) visit(d, []);
  return out;
}

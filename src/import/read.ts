/**
 * Reads import inputs (a folder of `az … list/show` outputs, an `az graph query` result, an ARM
 * template export) into one list of Azure resources, each with the file and JSON path it came from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { ArmExpressionError, evalArmString, TEMPLATE_SCOPE, type ArmScope } from './arm-expr.js';
import { childPath, importError, parseJsonDoc, type JsonDoc } from './json-source.js';
import { isRecord, JNode, parseId, type AzureResource } from './resource.js';

export type InputStyle = 'az-cli' | 'resource-graph' | 'arm-template';

export interface ReadInputs {
  resources: AzureResource[];
  /** Display paths of the files read, in order. */
  files: string[];
  styles: InputStyle[];
}

/** Reads a file or every `.json` file under a folder (sorted, so the result is deterministic). */
export function readInputs(path: string, isSupported: (type: string) => boolean): ReadInputs {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new AksnetError(`${path}: no such file or folder`, undefined, ExitCode.usage);
  }
  const files = st.isDirectory() ? jsonFiles(path) : [path];
  if (files.length === 0)
    throw new AksnetError(
      `${path}: the folder has no .json files (see docs/import.md for the az commands)`,
      undefined,
      ExitCode.usage,
    );
  const out: ReadInputs = { resources: [], files: [], styles: [] };
  const seen = new Set<string>();
  for (const f of files) {
    const shown = displayPath(f);
    const doc = parseJsonDoc(shown, readFileSync(f, 'utf8'));
    const { style, resources } = readDoc(doc);
    if (resources.length > 0 && !resources.some((r) => isSupported(r.type))) {
      const types = [...new Set(resources.map((r) => r.typeAsWritten))].slice(0, 3).join(', ');
      throw importError(
        doc,
        resources[0]!.node.path,
        `the file holds no resource type aksnet imports (found ${types}); see docs/import.md for what is imported`,
      );
    }
    out.files.push(shown);
    if (!out.styles.includes(style)) out.styles.push(style);
    for (const r of resources) {
      // The same resource listed by two commands (e.g. `vnet list` and `vnet show`) is read once.
      const key = r.id.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.resources.push(r);
    }
  }
  return out;
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...jsonFiles(p));
    else if (e.isFile() && e.name.toLowerCase().endsWith('.json')) out.push(p);
  }
  return out;
}

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && r.length < p.length ? r : p;
}

/** Classifies one document and returns its resources. */
export function readDoc(doc: JsonDoc): { style: InputStyle; resources: AzureResource[] } {
  const root = new JNode(doc, '$', doc.value);
  const v = doc.value;
  if (isRecord(v) && 'resources' in v && ('$schema' in v || 'contentVersion' in v)) {
    return { style: 'arm-template', resources: readTemplate(root) };
  }
  if (isRecord(v) && Array.isArray(v.data)) return { style: 'resource-graph', resources: rows(root.list('data')) };
  if (isRecord(v) && Array.isArray(v.value)) return { style: 'az-cli', resources: rows(root.list('value')) };
  if (Array.isArray(v)) {
    const rs = rows(v.map((x, i) => new JNode(doc, childPath('$', i), x)));
    // Resource Graph prints types in lower case; Azure CLI keeps the provider's casing.
    const graph = rs.length > 0 && rs.every((r) => r.typeAsWritten === r.type);
    return { style: graph ? 'resource-graph' : 'az-cli', resources: rs };
  }
  if (isRecord(v) && typeof v.type === 'string') return { style: 'az-cli', resources: rows([root]) };
  throw importError(
    doc,
    '$',
    'not an Azure export: expected a resource, a list of resources, an `az graph query` result or an ARM template',
  );
}

/** Resource objects of a list, checked for the fields every Azure resource has. */
function rows(nodes: JNode[]): AzureResource[] {
  return nodes.map((n) => {
    if (!isRecord(n.value)) throw n.error('expected an Azure resource object');
    const type = n.value.type;
    if (typeof type !== 'string' || !type.includes('/'))
      throw n.error('expected an Azure resource with a "type" such as "Microsoft.Network/virtualNetworks"');
    const id = n.value.id;
    if (typeof id !== 'string' || !parseId(id))
      throw n.error('expected an Azure resource with an "id" (/subscriptions/…/providers/…)');
    const name = typeof n.value.name === 'string' ? n.value.name : id.split('/').pop()!;
    const p = parseId(id)!;
    const rg = typeof n.value.resourceGroup === 'string' ? n.value.resourceGroup : p.resourceGroup;
    return {
      id,
      type: type.toLowerCase(),
      typeAsWritten: type,
      name: name.split('/').pop()!,
      ...(rg ? { resourceGroup: rg } : {}),
      ...(typeof n.value.location === 'string' ? { location: n.value.location } : {}),
      node: n,
    };
  });
}

/** Resources of an ARM template, with expressions in names and references evaluated. */
function readTemplate(root: JNode): AzureResource[] {
  const v = root.value as Record<string, unknown>;
  const scope: ArmScope = {
    parameters: isRecord(v.parameters) ? v.parameters : {},
    variables: isRecord(v.variables) ? v.variables : {},
  };
  const out: AzureResource[] = [];
  const visit = (n: JNode, parent?: { type: string; name: string }): void => {
    if (!isRecord(n.value)) throw n.error('expected a template resource object');
    const evaluated = new JNode(n.doc, n.path, evaluate(n, scope));
    const r = evaluated.value as Record<string, unknown>;
    if (typeof r.type !== 'string' || typeof r.name !== 'string')
      throw n.error('expected a template resource with "type" and "name"');
    const type =
      parent && !r.type.toLowerCase().startsWith(parent.type.toLowerCase() + '/') ? `${parent.type}/${r.type}` : r.type;
    const name = parent && r.name.split('/').length < type.split('/').length - 1 ? `${parent.name}/${r.name}` : r.name;
    const [ns, ...types] = type.split('/');
    const names = name.split('/');
    let id = `${TEMPLATE_SCOPE}/providers/${ns}`;
    types.forEach((t, k) => (id += `/${t}/${names[k] ?? ''}`));
    out.push({
      id,
      type: type.toLowerCase(),
      typeAsWritten: type,
      name: names[names.length - 1]!,
      ...(typeof r.location === 'string' ? { location: r.location } : {}),
      node: evaluated,
    });
    for (const child of n.list('resources')) visit(child, { type, name });
  };
  const res = root.get('resources')!;
  const list = Array.isArray(res.value)
    ? root.list('resources')
    : isRecord(res.value)
      ? Object.keys(res.value).map(
          (k) => new JNode(root.doc, childPath(res.path, k), (res.value as Record<string, unknown>)[k]),
        )
      : [];
  for (const n of list) visit(n);
  return out;
}

/** A deep copy of a template value with every expression string evaluated. */
function evaluate(n: JNode, scope: ArmScope): unknown {
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      try {
        return evalArmString(v, scope);
      } catch (e) {
        if (e instanceof ArmExpressionError) throw importError(n.doc, path, e.message);
        throw e;
      }
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, childPath(path, i)));
    if (isRecord(v)) {
      const o: Record<string, unknown> = {};
      // Child resources are visited on their own; dependsOn only orders deployment.
      for (const [k, x] of Object.entries(v))
        if (k !== 'resources' && k !== 'dependsOn') o[k] = walk(x, childPath(path, k));
      return o;
    }
    return v;
  };
  return walk(n.value, n.path);
}

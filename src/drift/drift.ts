/**
 * Drift: the reviewed design against what is deployed. The Azure export is imported into a model
 * the same way `aksnet import` would write it, then compared element by element. Every difference
 * is a finding (`drift/missing-in-azure`, `drift/extra-in-azure`, `drift/differs`) pointing at the
 * design's line and naming the Azure resource id. Fields the design leaves unknown (filled in by the
 * normalizer) and fields Azure's JSON does not state are never drift; a part Azure attaches where the
 * design does not state the field (a subnet's NSG) is the lesser `drift/unstated-in-design`.
 */
import type { Severity } from '../../dsl/types.js';
import type { Located } from '../load/locate.js';
import type { Model, ResourceKind } from '../model/types.js';
import { parsePath } from '../load/positions.js';
import type { Finding, FileResult } from '../validate/finding.js';
import { compareFindings } from '../validate/finding.js';
import {
  compareModels,
  coveredBy,
  defaultedFields,
  itemLabel,
  itemText,
  peeringElements,
  show,
  type Element,
  type ElementChange,
  type FieldChange,
} from '../diff/compare.js';

/** Element kinds an Azure export can describe (what `aksnet import` maps). */
export const AZURE_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>([
  'vnet',
  'subnet',
  'routeTable',
  'nsg',
  'natGateway',
  'publicIp',
  'ddosProtectionPlan',
  'privateDnsZone',
  'privateEndpoint',
  'paas',
  'bastion',
  'azureFirewall',
  'firewallPolicy',
  'frontDoor',
  'applicationGateway',
  'loadBalancer',
  'privateLinkService',
  'cluster',
  'nodePool',
]);

export const DRIFT_RULES = [
  'drift/missing-in-azure',
  'drift/extra-in-azure',
  'drift/differs',
  'drift/unstated-in-design',
] as const;
export type DriftRule = (typeof DRIFT_RULES)[number];

/** Drift rules have no Microsoft reference of their own; docs/import.md describes them. */
const HELP = '';

export interface DriftInput {
  design: Side;
  azure: Side;
  /** Azure resource id by model element id. */
  azureIds: Map<string, string>;
  file: string;
  /** Position of a DSL path in the design file. */
  locate(path: string): Located;
  asOf: string;
}

/** A model and the DSL value it was normalized from (element source paths index into it). */
export interface Side {
  model: Model;
  value: unknown;
}

/**
 * Fields Azure's JSON states for every element it describes, absence included: a subnet object without
 * `networkSecurityGroup`, `routeTable` or `natGateway` has none (validate reads the import that way), a VNet
 * without `dhcpOptions.dnsServers` uses Azure-provided DNS. The import leaves such a field out, which the DSL
 * reads as none, so the field is compared even where the imported value does not write it.
 */
const AZURE_STATES_ABSENCE: Partial<Record<Element['kind'], ReadonlySet<string>>> = {
  subnet: new Set(['nsg', 'routeTable', 'natGateway']),
  vnet: new Set(['dnsServers']),
};

/**
 * Attachments the design may leave unknown while Azure states them: a subnet that omits `nsg` says nothing of its
 * NSG, so an NSG Azure attaches there contradicts nothing, yet the user reviewing drift needs to hear of it. Reported
 * as `drift/unstated-in-design` (info), never as `drift/differs`: the design does not say "no NSG".
 */
const UNSTATED_ATTACHMENTS: Partial<Record<Element['kind'], Readonly<Record<string, string>>>> = {
  subnet: { nsg: 'NSG', routeTable: 'route table', natGateway: 'NAT gateway' },
};

/** A field the design leaves out and Azure states: `drift/unstated-in-design`, not `drift/differs`. */
export interface DriftFieldChange extends FieldChange {
  unstated?: true;
}

export type DriftChange =
  | Exclude<ElementChange, { change: 'changed' }>
  | (Extract<ElementChange, { change: 'changed' }> & { fields: DriftFieldChange[] });

/** Fields the DSL states by leaving them out: a VNet without `dnsServers` uses Azure-provided DNS. */
const DESIGN_STATES_ABSENCE: Partial<Record<Element['kind'], ReadonlySet<string>>> = {
  vnet: new Set(['dnsServers']),
};

export function driftChanges(design: Side, azure: Side): DriftChange[] {
  const designDefaults = defaultedFields(design.model);
  const azureDefaults = defaultedFields(azure.model);
  const designUnknown = unknownFields(design.model);
  const azureUnknown = unknownFields(azure.model);
  const elements = (m: Model): Element[] => [...m.resources, ...peeringElements(m)];
  const designById = new Map(elements(design.model).map((r) => [r.id, r]));
  const azureById = new Map(elements(azure.model).map((r) => [r.id, r]));
  const unstated = new Set<string>();
  const changes = compareModels(design.model, azure.model, {
    kinds: AZURE_KINDS,
    derived: AUTOSCALING,
    peerings: true,
    ignore: (id, field) => {
      // Which VNet of a peering is written first is the design's choice; the import follows it (driftRun's
      // peeringOrder), so gateway transit and remote gateways are read from the same side on both.
      if (designById.get(id)?.kind === 'peering' && field === 'from') return true;
      // Whether a node pool autoscales follows from its counts: stated where a side writes any of them
      // (Azure's JSON has `enableAutoScaling`; the import writes minCount/maxCount when on, count when off).
      if (field === 'autoscaling') return !(writesCount(design.value, designById.get(id)) && writesCount(azure.value, azureById.get(id)));
      // An NSG rule in Azure states an address prefix, never the subnet it was taken from: the prefix itself is
      // compared (`source`, `destination`), so a design that names the subnet is not drift.
      if (/(?:^|\.)(?:source|destination)Subnet$/.test(field)) return true;
      // Filled in by the normalizer on either side: the design or Azure's JSON left it unknown. Not a field whose
      // absence states a value on that side (a VNet without dnsServers is on Azure-provided DNS, a listed default):
      // that value is compared.
      const saysByAbsence = (r: Element | undefined, table: typeof DESIGN_STATES_ABSENCE) => !!r && !!table[r.kind]?.has(field);
      if (!saysByAbsence(designById.get(id), DESIGN_STATES_ABSENCE) && coveredBy(designDefaults.get(id), field)) return true;
      if (!saysByAbsence(azureById.get(id), AZURE_STATES_ABSENCE) && coveredBy(azureDefaults.get(id), field)) return true;
      // Written as unknown (`publicNetworkAccess: 'unknown'`, as the import writes what the export lacks).
      if (coveredBy(designUnknown.get(id), field) || coveredBy(azureUnknown.get(id), field)) return true;
      // Not written in the design, or not stated by Azure's JSON: unknown, so never drift.
      const dr = designById.get(id);
      const ar = azureById.get(id);
      const d = dr && DESIGN_STATES_ABSENCE[dr.kind]?.has(field) ? 'yes' : stated(design.value, dr, field);
      const a = ar && AZURE_STATES_ABSENCE[ar.kind]?.has(field) ? 'yes' : stated(azure.value, ar, field);
      if (d === 'no' && a === 'yes' && dr && ar && UNSTATED_ATTACHMENTS[dr.kind]?.[field] !== undefined) {
        if ((ar as unknown as Record<string, unknown>)[field] === undefined) return true;
        unstated.add(`${id}\0${field}`);
        return false;
      }
      if (d === 'no' || a === 'no') return true;
      // Inside a named list element (a route, an origin), a key one side writes and the other leaves
      // out is unknown on that side. A key neither writes is a model field derived from others
      // (a route's next-hop address from its firewall), compared as such.
      return (d === 'inside-no') !== (a === 'inside-no');
    },
  });
  return changes.map((c) =>
    c.change === 'changed'
      ? { ...c, fields: c.fields.map((f) => (unstated.has(`${c.id}\0${f.field}`) ? { ...f, unstated: true as const } : f)) }
      : c,
  );
}

const AUTOSCALING: ReadonlySet<string> = new Set(['autoscaling']);

/** The fields of each element the model lists as unknown, relative to the element (`publicNetworkAccess`). */
function unknownFields(model: Model): Map<string, Set<string>> {
  const byId = new Map(model.resources.map((r) => [r.id, r]));
  const out = new Map<string, Set<string>>();
  for (const u of model.unknown) {
    const prefix = `${byId.get(u.element)?.source.path ?? ''}.`;
    if (prefix === '.' || !u.path.startsWith(prefix)) continue;
    const set = out.get(u.element) ?? new Set<string>();
    set.add(u.path.slice(prefix.length));
    out.set(u.element, set);
  }
  return out;
}

/** Whether the DSL node pool an element came from writes a node count (fixed, or the autoscaler's bounds). */
function writesCount(root: unknown, r: Element | undefined): boolean {
  if (!r) return false;
  const v = valueAt(root, r.source.path);
  return isObject(v) && ['count', 'minCount', 'maxCount'].some((k) => v[k] !== undefined);
}

/**
 * Whether the DSL object an element came from states a field: `no` when a plain key on the way is
 * absent; `inside-no` when the key is absent inside an element of a list of named objects
 * (`routes[api]`, as the comparison flattens it); `yes` otherwise, including where the DSL's shape
 * differs from the model's (a referenced part, a list element the DSL does not hold), so a real
 * difference is still reported.
 */
export function stated(root: unknown, r: Element | undefined, field: string): 'yes' | 'no' | 'inside-no' {
  if (!r) return 'no';
  let v = valueAt(root, r.source.path);
  let inside = false;
  for (const [, key, name] of field.matchAll(/([^.[\]]+)(?:\[([^\]]*)\])?/g)) {
    if (!isObject(v)) return 'yes';
    if (v[key!] === undefined) return inside ? 'inside-no' : 'no';
    v = v[key!];
    if (name !== undefined) {
      const item = Array.isArray(v) ? v.find((x) => isObject(x) && x.name === name) : undefined;
      if (item === undefined) return 'yes';
      v = item;
      inside = true;
    }
    if (isObject(v) && typeof v.kind === 'string') return 'yes';
  }
  return 'yes';
}

/**
 * The DSL path of a compared field, as deep as the design writes it: `rules[allow-web].source` becomes
 * `…rules[2].source` (the named list element's index), so the finding points at that rule's value, not at the list.
 */
export function dslPath(root: unknown, elementPath: string, field: string): string {
  let v = valueAt(root, elementPath);
  let path = elementPath;
  for (const [, key, name] of field.matchAll(/([^.[\]]+)(?:\[([^\]]*)\])?/g)) {
    if (!isObject(v) || v[key!] === undefined) break;
    v = v[key!];
    path += `.${key}`;
    if (name === undefined) continue;
    const at = Array.isArray(v) ? v.findIndex((x) => isObject(x) && x.name === name) : -1;
    if (at < 0) break;
    v = (v as unknown[])[at];
    path += `[${at}]`;
  }
  return path;
}

/** The DSL value at a path (`network.vnets[1].subnets[0]`); undefined where the path leaves the value. */
function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const seg of parsePath(path)) v = isObject(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function driftResult(input: DriftInput): FileResult {
  const changes = driftChanges(input.design, input.azure);
  const byId = new Map(input.design.model.resources.map((r) => [r.id, r]));
  const azureName = (id: unknown) =>
    (typeof id === 'string' ? input.azure.model.resources.find((r) => r.id === id)?.name : undefined) ?? show(id);
  // A peering has no resource id of its own in the import: its first VNet's id says where it is.
  const azureIdOf = (e: Element) => input.azureIds.get(e.kind === 'peering' ? e.from : e.id);
  const findings: Finding[] = [];
  for (const c of changes) {
    if (c.change === 'removed') {
      findings.push(
        finding(
          input,
          'drift/missing-in-azure',
          'error',
          c.before,
          c.before.source.path,
          `${label(c.before)} is in the design but not in Azure`,
          {},
        ),
      );
    } else if (c.change === 'added') {
      const azureId = azureIdOf(c.after);
      // Elements the normalizer derives (e.g. an AKS-managed outbound LB) were not read from Azure.
      if (!azureId) continue;
      const up = c.after.kind === 'peering' ? c.after.from : c.after.parent;
      const parent = up ? byId.get(up) : undefined;
      findings.push(
        finding(
          input,
          'drift/extra-in-azure',
          'warning',
          c.after,
          parent?.source.path ?? 'network',
          `${label(c.after)} is deployed but not in the design (${azureId})`,
          { azureId },
        ),
      );
    } else {
      const azureId = azureIdOf(c.after) ?? '';
      const where = azureId ? ` (${azureId})` : '';
      for (const f of c.fields) {
        if (f.unstated) {
          const what = UNSTATED_ATTACHMENTS[c.before.kind]?.[f.field] ?? f.field;
          findings.push(
            finding(
              input,
              'drift/unstated-in-design',
              'info',
              c.before,
              c.before.source.path,
              `Azure attaches ${what} ${azureName(f.after)} to ${label(c.before)}; the design does not state the ` +
                `${c.before.kind}'s ${what}${where}`,
              { azureId, field: f.field, design: 'not stated', azure: show(f.after) },
            ),
          );
          continue;
        }
        if (f.item) {
          // A list element only one side has (an NSG rule, a route): one finding, not one per field.
          const text = f.item === 'removed' ? 'is in the design but not in Azure' : `(${itemText(f.after)}) is in Azure but not in the design`;
          findings.push(
            finding(
              input,
              'drift/differs',
              'error',
              c.before,
              dslPath(input.design.value, c.before.source.path, f.field),
              `${label(c.before)}: ${itemLabel(f.field)} ${text}${where}`,
              {
                azureId,
                field: f.field,
                design: f.before === undefined ? show(undefined) : itemText(f.before),
                azure: f.after === undefined ? show(undefined) : itemText(f.after),
              },
            ),
          );
          continue;
        }
        findings.push(
          finding(
            input,
            'drift/differs',
            'error',
            c.before,
            dslPath(input.design.value, c.before.source.path, f.field),
            `${label(c.before)}: ${f.field} is ${show(f.before)} in the design but ${show(f.after)} in Azure${where}`,
            { azureId, field: f.field, design: show(f.before), azure: show(f.after) },
          ),
        );
      }
    }
  }
  findings.sort(compareFindings);
  return {
    file: input.file,
    title: input.design.model.metadata.title,
    findings,
    rulesRun: [...DRIFT_RULES],
    asOf: input.asOf,
  };
}

function label(r: Element): string {
  return `${r.kind} ${r.name}`;
}

const TITLES: Record<DriftRule, string> = {
  'drift/missing-in-azure': 'A part of the design is not deployed',
  'drift/extra-in-azure': 'A deployed resource is not in the design',
  'drift/differs': 'A deployed resource differs from the design',
  'drift/unstated-in-design': 'A deployed attachment is not stated in the design',
};

const FIXES: Record<DriftRule, string> = {
  'drift/missing-in-azure': 'Deploy the part, or remove it from the design and have the change reviewed.',
  'drift/extra-in-azure':
    'Add the resource to the design (aksnet import shows how it would be written), or remove it from Azure.',
  'drift/differs': 'Change Azure back to the reviewed value, or change the design and have the change reviewed.',
  'drift/unstated-in-design':
    'State the attachment in the design (e.g. the subnet\'s nsg) and have it reviewed, or detach it in Azure.',
};

function finding(
  input: DriftInput,
  ruleId: DriftRule,
  severity: Severity,
  r: Element,
  path: string,
  message: string,
  evidence: Record<string, string>,
): Finding {
  const pos = input.locate(path);
  return {
    ruleId,
    title: TITLES[ruleId],
    severity,
    message,
    path,
    file: pos.file ?? input.file,
    line: pos.line,
    column: pos.column,
    element: r.id,
    elementName: r.name,
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    fix: FIXES[ruleId],
    helpUri: HELP,
    references: [],
    evidence,
    status: 'open',
  };
}

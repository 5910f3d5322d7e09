/** Drift for files: load the design, import the export, compare, locate findings in the design. */
import { SourceLocator } from '../load/locate.js';
import { loadArchitecture } from '../load/load-architecture.js';
import { normalize } from '../normalize/normalize.js';
import { importAzure } from '../import/import.js';
import { azureIdsByElement, buildArchitecture } from '../import/build.js';
import type { FileResult } from '../validate/finding.js';
import { driftResult } from './drift.js';

export interface DriftRun {
  result: FileResult;
  /** Resource types in the export that aksnet does not model (never compared). */
  notCompared: string[];
}

export async function driftFile(design: string, from: string, asOf: string): Promise<FileResult> {
  return (await driftRun(design, from, asOf)).result;
}

export async function driftRun(design: string, from: string, asOf: string): Promise<DriftRun> {
  const arch = await loadArchitecture(design);
  const names = new Map(arch.model.resources.map((r) => [r.id, r.name]));
  const peeringOrder = arch.model.edges
    .filter((e) => e.class === 'peering')
    .map((e) => [names.get(e.from) ?? e.from, names.get(e.to) ?? e.to] as const);
  const imported = importAzure(from, { lenient: true, peeringOrder });
  const azureValue = buildArchitecture(imported);
  const azure = normalize(azureValue).model;
  const locator = await SourceLocator.create(arch);
  const result = driftResult({
    design: { model: arch.model, value: arch.value },
    azure: { model: azure, value: azureValue },
    azureIds: azureIdsByElement(imported),
    file: arch.file,
    locate: (p) => locator.locate(p),
    asOf,
  });
  return { result, notCompared: [...new Set(imported.unknown.map((u) => u.type))].sort() };
}

/**
 * One entry point for every view's derivation: the overview (`overview.ts`, built on the topology and flow
 * derivations) and the other views (`views.ts`). Kept apart so neither module imports the other in a cycle.
 */
import type { Model } from '../model/types.js';
import type { ViewGraph, ViewName } from './graph.js';
import { overview } from './overview.js';
import { deriveView as deriveBaseView } from './views.js';

/** Derives a view graph; undefined when the view has nothing to show. */
export function deriveView(model: Model, view: ViewName): ViewGraph | undefined {
  return view === 'overview' ? overview(model) : deriveBaseView(model, view);
}

/** The view-model as JSON: the same data the HTML and PDF show. */
import type { ReportViewModel } from './types.js';

export function renderJson(vm: ReportViewModel): string {
  // The whole picture of a collapsed view is a file beside the pack, not part of what the pack shows.
  // Region pages are the print's cut of the overview the JSON already holds whole.
  return JSON.stringify(vm, (key, value: unknown) => (key === 'fullSvg' || key === 'regionPages' ? undefined : value), 2) + '\n';
}

/** The view-model as JSON: the same data the HTML and PDF show. */
import type { ReportViewModel } from './types.js';

export function renderJson(vm: ReportViewModel): string {
  // The whole picture of a collapsed view is a file beside the pack, not part of what the pack shows.
  return JSON.stringify(vm, (key, value: unknown) => (key === 'fullSvg' ? undefined : value), 2) + '\n';
}

/** The view-model as JSON: the same data the HTML and PDF show. */
import type { ReportViewModel } from './types.js';

export function renderJson(vm: ReportViewModel): string {
  return JSON.stringify(vm, null, 2) + '\n';
}

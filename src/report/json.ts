/** The view-model as JSON: the same data the HTML and PDF show. */
import type { ReportViewModel } from './types.js';

export function renderJson(vm: ReportViewModel): string {
  // The whole picture of a collapsed view is a file beside the pack, not part of what the pack shows; the dense
  // drawing print uses is the same view again.
  // The printed parts of a split view are the same picture again, cut for paper: their titles say what they cover.
  const replacer = (key: string, value: unknown) =>
    key === 'fullSvg' || key === 'printSvg'
      ? undefined
      : key === 'parts' && Array.isArray(value)
        ? (value as Array<{ title: string }>).map((p) => p.title)
        : value;
  return JSON.stringify(vm, replacer, 2) + '\n';
}

import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** Every element object of a parsed XML tree, depth first. */
function elements(node: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) for (const n of node) elements(n, out);
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    for (const v of Object.values(node)) elements(v, out);
  }
  return out;
}

/** The `data-step` numbers of an SVG's elements of class `cls` ('step-badge' on lines, 'step' in the legend), in document order. */
export function stepNumbers(svg: string, cls: string): number[] {
  return elements(parser.parse(svg))
    .filter((o) => String(o['@class'] ?? '').split(' ').includes(cls) && o['@data-step'] !== undefined)
    .map((o) => Number(o['@data-step']));
}

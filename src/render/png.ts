/**
 * PNG export without a browser: resvg renders the same SVG the SVG writer produces, with the vendored DejaVu
 * fonts (the SVG's embedded @font-face subset is a CSS feature resvg does not read, so it gets the full faces
 * of the same family instead). No system fonts, no network: the output depends only on the SVG and the scale.
 */
import { join } from 'node:path';
import { fontDir } from './text.js';

/** The largest scale accepted: a 2,000 px diagram at 8× is already a 16,000 px image. */
export const MAX_PNG_SCALE = 8;

export async function svgToPng(svg: string, scale = 1): Promise<Uint8Array> {
  if (!(scale > 0 && scale <= MAX_PNG_SCALE)) throw new RangeError(`PNG scale must be in (0, ${MAX_PNG_SCALE}]`);
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'rgba(255, 255, 255, 1)',
    font: {
      loadSystemFonts: false,
      fontFiles: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(fontDir(), f)),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return new Uint8Array(r.render().asPng());
}

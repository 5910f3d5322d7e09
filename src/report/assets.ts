/** Locates files shipped with the package (templates, fonts) from src/ or dist/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The aksnet package root (the directory with its package.json). */
export function packageRoot(): string {
  if (root) return root;
  let cur = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(cur, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'aksnet') return (root = cur);
      } catch {
        // keep walking
      }
    }
    const up = dirname(cur);
    if (up === cur) return (root = resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
    cur = up;
  }
}

export const templatesDir = (): string => join(packageRoot(), 'templates');
export const fontsDir = (): string => join(packageRoot(), 'assets', 'fonts');

const FONTS: Array<{ file: string; family: string; weight: string }> = [
  { file: 'DejaVuSans.ttf', family: 'DejaVu Sans', weight: 'normal' },
  { file: 'DejaVuSans-Bold.ttf', family: 'DejaVu Sans', weight: 'bold' },
  { file: 'DejaVuSansMono.ttf', family: 'DejaVu Sans Mono', weight: 'normal' },
];

let fontCss: string | undefined;

/** @font-face rules with the vendored fonts as base64 data URLs (no system fonts, no fetches). */
export function fontFaceCss(): string {
  fontCss ??= FONTS.map((f) => {
    const b64 = readFileSync(join(fontsDir(), f.file)).toString('base64');
    return `@font-face { font-family: '${f.family}'; font-style: normal; font-weight: ${f.weight}; font-display: block; src: url(data:font/ttf;base64,${b64}) format('truetype'); }`;
  }).join('\n');
  return fontCss;
}

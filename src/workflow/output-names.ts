/**
 * Output names follow a design's path relative to the input root, so `designs/eu/prod.ts` and
 * `designs/us/prod.ts` write `eu/prod.*` and `us/prod.*` and never overwrite each other.
 */
import { extname, relative, sep } from 'node:path';
import { AksnetError, ExitCode } from '../shared/errors.js';

/** `root/eu/prod.ts` → `eu/prod` (always with `/`). */
export function designStem(file: string, root: string): string {
  const rel = relative(root, file).split(sep).join('/');
  const base = rel.startsWith('..') ? file.split(sep).join('/').replace(/^\/+/, '') : rel;
  return base.slice(0, base.length - extname(base).length);
}

/**
 * The stem of every design. Two designs with the same stem (`prod.ts` beside `prod.mts`, or names
 * differing only in case, which collide on Windows and macOS file systems) are a usage error.
 */
export function designStems(files: readonly string[], root: string): Map<string, string> {
  const stems = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const f of files) {
    const stem = designStem(f, root);
    const key = stem.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      throw new AksnetError(
        `${relative(process.cwd(), other) || other} and ${relative(process.cwd(), f) || f} ` +
          `would write the same outputs (${stem}.*); ` +
          'rename one of them or pass them in separate runs',
        undefined,
        ExitCode.usage,
      );
    }
    seen.set(key, f);
    stems.set(f, stem);
  }
  return stems;
}

/**
 * The files of a design's region overviews beside the whole one: `eu/prod.overview.region-westeurope.svg`, in the
 * order of `regions`. A region's name is the design's text, so anything but letters, digits and hyphens becomes a
 * hyphen (never a path); two names that come out alike get their place in the list as well.
 */
export function overviewRegionFiles(stem: string, regions: readonly string[], ext: 'svg' | 'png'): string[] {
  const safe = regions.map((r) => r.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'region');
  return safe.map((s, i) => `${stem}.overview.region-${safe.indexOf(s) === i ? s : `${s}-${i + 1}`}.${ext}`);
}

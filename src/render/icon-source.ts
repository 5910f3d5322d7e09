/**
 * Icons for the diagrams: aksnet's built-in set (`./icons.js`), optionally overridden by an icon
 * pack directory (`./icon-pack.js`, loaded once per directory and process).
 */
import { createHash } from 'node:crypto';
import { icon, type IconDef } from './icons.js';
import type { IconLookup } from './target.js';

const packs = new Map<string, Promise<ReadonlyMap<string, IconDef>>>();

function loadedPack(iconPack: string): Promise<ReadonlyMap<string, IconDef>> {
  let p = packs.get(iconPack);
  if (!p) {
    p = import('./icon-pack.js').then((m) => m.loadIconPack(iconPack, {}));
    packs.set(iconPack, p);
    p.catch(() => packs.delete(iconPack));
  }
  return p;
}

export async function iconLookup(iconPack?: string): Promise<IconLookup> {
  const pack = iconPack ? await loadedPack(iconPack) : undefined;
  return (key: string) => icon(key, pack);
}

/**
 * What an icon pack gives the diagrams, as a digest of its icons (`built-in` without a pack): the icons a drawing
 * uses, loaded (and warned about) as a drawing loads them.
 */
export async function iconPackDigest(iconPack?: string): Promise<string> {
  if (!iconPack) return 'built-in';
  const pack = await loadedPack(iconPack);
  const h = createHash('sha256');
  for (const [key, def] of [...pack].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    h.update(JSON.stringify([key, def.viewBox, def.body]));
  }
  return h.digest('hex');
}

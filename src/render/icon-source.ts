/**
 * Icons for the diagrams: aksnet's built-in set (`./icons.js`), optionally overridden by an icon
 * pack directory (`./icon-pack.js`, loaded once per directory and process).
 */
import { icon, type IconDef } from './icons.js';
import type { IconLookup } from './target.js';

const packs = new Map<string, Promise<ReadonlyMap<string, IconDef>>>();

export async function iconLookup(iconPack?: string): Promise<IconLookup> {
  let pack: ReadonlyMap<string, IconDef> | undefined;
  if (iconPack) {
    let p = packs.get(iconPack);
    if (!p) {
      p = import('./icon-pack.js').then((m) => m.loadIconPack(iconPack, {}));
      packs.set(iconPack, p);
      p.catch(() => packs.delete(iconPack));
    }
    pack = await p;
  }
  return (key: string) => icon(key, pack);
}

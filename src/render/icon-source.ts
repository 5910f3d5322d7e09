/**
 * Finds icons for resource kinds: an icon pack directory when given, else the built-in icons of
 * `./icons.js` when that module exists, else none (the renderer then draws a neutral kind glyph).
 */
import type { Icon, IconLookup } from './svg.js';

type IconModule = { icon?: (kind: string) => Icon | undefined };
type PackModule = { loadIconPack?: (dir: string) => unknown };

let builtin: Promise<IconLookup | undefined> | undefined;
const packs = new Map<string, Promise<IconLookup | undefined>>();

async function optionalImport<T>(spec: string): Promise<T | undefined> {
  try {
    return (await import(spec)) as T;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/.test(err.message ?? '')) return undefined;
    throw e;
  }
}

function safe(fn: (kind: string) => Icon | undefined): IconLookup {
  return (kind) => {
    try {
      const i = fn(kind);
      return i && typeof i.viewBox === 'string' && typeof i.body === 'string' ? i : undefined;
    } catch {
      return undefined;
    }
  };
}

function fromPack(pack: unknown): IconLookup | undefined {
  if (!pack) return undefined;
  if (typeof pack === 'function') return safe(pack as (k: string) => Icon | undefined);
  const p = pack as { icon?: unknown; get?: unknown };
  if (typeof p.icon === 'function') return safe((k) => (p.icon as (k: string) => Icon | undefined)(k));
  if (pack instanceof Map) return safe((k) => pack.get(k) as Icon | undefined);
  if (typeof pack === 'object') return safe((k) => (pack as Record<string, Icon | undefined>)[k]);
  return undefined;
}

export async function iconLookup(iconPack?: string): Promise<IconLookup | undefined> {
  if (iconPack) {
    let p = packs.get(iconPack);
    if (!p) {
      p = (async () => {
        const mod = await optionalImport<PackModule>('./icon-pack.js');
        if (!mod?.loadIconPack) throw new Error(`aksnet: icon packs are not supported by this build (cannot load ${iconPack})`);
        return fromPack(await mod.loadIconPack(iconPack));
      })();
      packs.set(iconPack, p);
    }
    const pack = await p;
    const base = await iconLookup();
    return pack ? (k) => pack(k) ?? base?.(k) : base;
  }
  builtin ??= optionalImport<IconModule>('./icons.js').then((m) => (m?.icon ? safe(m.icon) : undefined));
  return builtin;
}

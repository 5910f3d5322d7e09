import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AksnetError } from '../../src/shared/errors.js';
import { iconKeyForFileName, idPrefixFor, loadIconPack, readIconPack, sanitizeSvgIcon } from '../../src/render/icon-pack.js';
import { GLYPH_KEYS, ICON_DESCRIPTIONS, ICON_KINDS, ICON_VARIANTS, PALETTE, icon, iconKey, knownIconKeys, type IconDef } from '../../src/render/icons.js';

const root = join(import.meta.dirname, '..', '..');

/** Every `kind` of the model's `Resource` union, read from the source so new kinds are caught. */
function modelKinds(): string[] {
  const src = readFileSync(join(root, 'src', 'model', 'types.ts'), 'utf8');
  const union = src.slice(src.indexOf('export type Resource ='), src.indexOf('export type ResourceKind'));
  const members = [...union.matchAll(/\|\s*(\w+)/g)].map((m) => m[1]!);
  const kindOf = new Map([...src.matchAll(/interface (\w+) extends Base<'(\w+)'>/g)].map((m) => [m[1]!, m[2]!]));
  const kinds = members.map((m) => kindOf.get(m));
  expect(kinds.every(Boolean), `every Resource member extends Base<'kind'>: ${members.join(', ')}`).toBe(true);
  return kinds as string[];
}

const wrap = (body: string): string => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${body}</svg>`;
const generic = icon('generic');

describe('built-in icons', () => {
  it('every model resource kind has its own icon, not the generic fallback', () => {
    const kinds = modelKinds();
    expect(kinds.length).toBeGreaterThan(30);
    for (const kind of kinds) {
      expect(ICON_KINDS, kind).toContain(kind);
      expect(icon(kind).body, kind).not.toBe(generic.body);
    }
  });

  it('has the service, gateway, load balancer and client variants and every glyph', () => {
    for (const s of ICON_VARIANTS.paas.filter((x) => x !== 'other')) expect(ICON_KINDS).toContain(`paas:${s}`);
    for (const k of ['vnetGateway:vpn', 'vnetGateway:expressRoute', 'loadBalancer:public', 'loadBalancer:internal', 'client:internet', 'client:corporate', 'client:partner']) {
      expect(ICON_KINDS).toContain(k);
    }
    for (const k of GLYPH_KEYS) expect(ICON_KINDS).toContain(k);
    for (const k of ICON_KINDS) expect(ICON_DESCRIPTIONS[k], k).toBeTruthy();
  });

  it('every body is well-formed SVG markup inside a 0 0 24 24 viewBox', () => {
    for (const kind of ICON_KINDS) {
      const def = icon(kind);
      expect(def.viewBox).toBe('0 0 24 24');
      expect(XMLValidator.validate(wrap(def.body)), kind).toBe(true);
    }
  });

  it('bodies carry no script, style, id, href, url(), text or wrapper', () => {
    for (const kind of ICON_KINDS) {
      const body = icon(kind).body;
      expect(body, kind).not.toMatch(/<script|<style|<svg|<text|<image|<foreignObject|\sid=|href|url\(|\son\w+=/i);
    }
  });

  it('bodies use at most three colour families of the palette each', () => {
    const familyOf = new Map<string, string>();
    for (const [name, f] of Object.entries(PALETTE)) for (const c of Object.values(f)) familyOf.set(c.toLowerCase(), name);
    for (const kind of ICON_KINDS) {
      const colours = new Set(icon(kind).body.match(/#[0-9a-f]{6}/gi)?.map((c) => c.toLowerCase()) ?? []);
      colours.delete('#ffffff');
      const families = new Set([...colours].map((c) => familyOf.get(c) ?? c));
      expect(families.size, `${kind}: ${[...families].join(' ')}`).toBeLessThanOrEqual(3);
      expect([...colours].filter((c) => !familyOf.has(c)).length, `${kind} off-palette colours`).toBeLessThanOrEqual(1);
    }
  });

  it('every icon is distinct', () => {
    const seen = new Map<string, string>();
    for (const kind of ICON_KINDS) {
      const body = icon(kind).body;
      expect(seen.get(body), `${kind} duplicates ${seen.get(body)}`).toBeUndefined();
      seen.set(body, kind);
    }
  });

  it('falls back from a variant to its kind and from unknown kinds to the generic icon, never throwing', () => {
    expect(icon('paas:other')).toBe(icon('paas'));
    expect(icon('paas:somethingNew')).toBe(icon('paas'));
    expect(icon('ingressController:traefik')).toBe(icon('ingressController'));
    expect(icon('hybridConnection:vpn')).toBe(icon('hybridConnection'));
    expect(icon('paas:keyVault')).not.toBe(icon('paas'));
    expect(icon('noSuchKind')).toBe(generic);
    expect(icon('')).toBe(generic);
    expect(icon(':')).toBe(generic);
    expect(icon(undefined as unknown as string)).toBe(generic);
  });

  it('prefers an icon pack over built-ins at the same specificity only', () => {
    const packed: IconDef = { viewBox: '0 0 24 24', body: '<g/>' };
    const pack = new Map([['paas', packed]]);
    expect(icon('paas:storageFile', pack)).toBe(icon('paas:storageFile'));
    expect(icon('paas:other', pack)).toBe(packed);
    expect(icon('paas', pack)).toBe(packed);
    expect(icon('nope', new Map([['generic', packed]]))).toBe(packed);
  });

  it('iconKey picks the most specific key for a resource', () => {
    expect(iconKey({ kind: 'paas', service: 'keyVault' })).toBe('paas:keyVault');
    expect(iconKey({ kind: 'paas', service: 'other' })).toBe('paas');
    expect(iconKey({ kind: 'paas', service: 'bogus' })).toBe('paas');
    expect(iconKey({ kind: 'vnetGateway', type: 'expressRoute' })).toBe('vnetGateway:expressRoute');
    expect(iconKey({ kind: 'hybridConnection', type: 'vpn' })).toBe('hybridConnection:vpn');
    expect(iconKey({ kind: 'loadBalancer', visibility: 'internal' })).toBe('loadBalancer:internal');
    expect(iconKey({ kind: 'client', clientKind: 'corporate' })).toBe('client:corporate');
    expect(iconKey({ kind: 'ingressController', type: 'istio-gateway' })).toBe('ingressController:istio-gateway');
    expect(iconKey({ kind: 'azureFirewall', type: 'vpn' })).toBe('azureFirewall');
    expect(iconKey({ kind: 'cluster' })).toBe('cluster');
    // every key iconKey produces resolves to a real icon
    expect(icon(iconKey({ kind: 'ingressController', type: 'traefik' }))).toBe(icon('ingressController'));
    expect(icon(iconKey({ kind: 'ingressController', type: 'istio-gateway' }))).not.toBe(icon('ingressController'));
    // managed add-on flavours share one drawing; a pack may still give each its own
    expect(icon('ingressController:http-application-routing')).toBe(icon('ingressController:app-routing-nginx'));
    expect(icon('ingressController:app-routing-gateway-api')).toBe(icon('ingressController:app-routing-nginx'));
    const own: IconDef = { viewBox: '0 0 24 24', body: '<g/>' };
    expect(icon('ingressController:app-routing-gateway-api', new Map([['ingressController:app-routing-gateway-api', own]]))).toBe(own);
  });
});

describe('icon packs', () => {
  let dir: string;
  const good = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="18" height="18" viewBox="0 0 18 18">
  <defs><linearGradient id="a" x1="9" y1="0" x2="9" y2="18" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#5ea0ef"/><stop offset="1" stop-color="#0078d4"/></linearGradient>
  <style>.cls-1{fill:url(#a);}.cls-2{fill:#fff;stroke:#000}</style></defs>
  <title>Firewall</title>
  <rect class="cls-1" width="18" height="18" rx="2"/><path class="cls-2" d="M3 3h12v12H3z" style="opacity:.5"/>
  <use xlink:href="#a"/>
</svg>`;
  const evil = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 48 24" onload="alert(1)">
  <script>alert(1)</script>
  <script><![CDATA[ fetch('https://evil.example/') ]]></script>
  <style>@import url(https://evil.example/x.css); .a{fill:url(https://evil.example/p.svg#x);stroke:red}</style>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(2)">hi</div></foreignObject>
  <image href="https://evil.example/i.png" width="5" height="5"/>
  <a href="javascript:alert(3)"><circle id="dot" cx="5" cy="5" r="4" onclick="alert(4)" onmouseover="x()" class="a"/></a>
  <use href="https://evil.example/sprite.svg#icon"/>
  <use xlink:href="#dot"/>
  <rect width="4" height="4" fill="url('http://evil.example/#g')" filter="url(#f)" style="fill:u\\72l(http://x); stroke: blue"/>
  <animate attributeName="href" to="javascript:alert(5)"/>
  <set attributeName="onclick" to="alert(6)"/>
  <text x="1" y="1">label</text>
  <path d="M0 0h1" inkscape:label="x" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"/>
</svg>`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aksnet-iconpack-'));
    await writeFile(join(dir, 'azureFirewall.svg'), good);
    await writeFile(join(dir, 'paas-keyVault.svg'), evil);
    await writeFile(join(dir, 'paas_keyVault.svg'), good);
    await writeFile(join(dir, 'vnetgateway_expressroute.SVG'), good);
    await writeFile(join(dir, 'client:corporate.svg'), good);
    await writeFile(join(dir, 'ingressController-app-routing-nginx.svg'), good);
    await writeFile(join(dir, 'tls-lock.svg'), good);
    await writeFile(join(dir, '10084-icon-service-Firewalls.svg'), good);
    await writeFile(join(dir, 'nsg.svg'), '<svg><g></svg>');
    await writeFile(join(dir, 'bastion.svg'), '<!DOCTYPE svg [<!ENTITY x "boom">]><svg>&x;</svg>');
    await writeFile(join(dir, 'README.md'), 'icons');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('maps file names to icon keys', () => {
    expect(iconKeyForFileName('azureFirewall.svg')).toBe('azureFirewall');
    expect(iconKeyForFileName('AzureFirewall.SVG')).toBe('azureFirewall');
    expect(iconKeyForFileName('paas-keyVault.svg')).toBe('paas:keyVault');
    expect(iconKeyForFileName('paas_keyVault.svg')).toBe('paas:keyVault');
    expect(iconKeyForFileName('paas:keyVault.svg')).toBe('paas:keyVault');
    expect(iconKeyForFileName('paas.keyvault.svg')).toBe('paas:keyVault');
    expect(iconKeyForFileName('paas--keyVault.svg')).toBe('paas:keyVault');
    expect(iconKeyForFileName('vnetGateway-expressRoute.svg')).toBe('vnetGateway:expressRoute');
    expect(iconKeyForFileName('ingressController-istio-gateway.svg')).toBe('ingressController:istio-gateway');
    expect(iconKeyForFileName('tls-lock.svg')).toBe('tls-lock');
    expect(iconKeyForFileName('sev-error.svg')).toBe('sev-error');
    expect(iconKeyForFileName('generic.svg')).toBe('generic');
    expect(iconKeyForFileName('firewall.svg')).toBeUndefined();
    expect(iconKeyForFileName('paas-notAService.svg')).toBeUndefined();
  });

  it('loads the known files, ignores the rest with warnings', async () => {
    const { icons, warnings } = await readIconPack(dir);
    expect([...icons.keys()].sort()).toEqual(
      ['azureFirewall', 'client:corporate', 'ingressController:app-routing-nginx', 'paas:keyVault', 'tls-lock', 'vnetGateway:expressRoute'].sort(),
    );
    const text = warnings.join('\n');
    expect(text).toContain('10084-icon-service-Firewalls.svg does not name a known icon key');
    expect(text).toContain('README.md is not an .svg file');
    expect(text).toMatch(/paas_keyVault\.svg and paas-keyVault\.svg both give 'paas:keyVault'/);
    expect(text).toMatch(/nsg\.svg: not well-formed XML/);
    expect(text).toMatch(/bastion\.svg: not well-formed XML \(undefined entity &x;/);
    for (const def of icons.values()) {
      expect(def.viewBox).toBe('0 0 24 24');
      expect(XMLValidator.validate(wrap(def.body))).toBe(true);
    }
  });

  it('keeps gradients and classes, scales the viewBox and prefixes ids', async () => {
    const { icons } = await readIconPack(dir);
    const body = icons.get('azureFirewall')!.body;
    expect(body).toMatch(/^<g transform="translate\(0 0\) scale\(1\.3333\)">/);
    expect(body).toContain('id="aksnet-azureFirewall--a"');
    expect(body).toContain('style="fill:url(#aksnet-azureFirewall--a)"');
    expect(body).toContain('style="fill:#fff;stroke:#000;opacity:.5"');
    expect(body).toContain('href="#aksnet-azureFirewall--a"');
    expect(body).not.toMatch(/<style|<title|class=/);
    // the same file under another key gets other ids
    expect(icons.get('tls-lock')!.body).toContain('id="aksnet-tls-lock--a"');
    expect(icons.get('vnetGateway:expressRoute')!.body).toContain('id="aksnet-vnetGateway_expressRoute--a"');
    // no key's prefix can be produced by another key's prefix plus an id
    const prefixes = knownIconKeys().map(idPrefixFor);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
  });

  it('sanitises a malicious SVG', () => {
    const r = sanitizeSvgIcon(evil, 'aksnet-x-');
    const body = r.body;
    expect(XMLValidator.validate(wrap(body))).toBe(true);
    expect(body).not.toMatch(/script|alert|fetch|evil\.example|foreignObject|<image|<animate|<set|<text|javascript|@import|inkscape|\\/i);
    expect(body).not.toMatch(/\son\w+=/i);
    // local references survive, prefixed; the external url() fill is dropped
    expect(body).toContain('<circle id="aksnet-x-dot" cx="5" cy="5" r="4" style="stroke:red"/>');
    expect(body).toContain('<use href="#aksnet-x-dot"/>');
    expect(body).toContain('filter="url(#aksnet-x-f)"');
    expect(body).toContain('style="stroke:blue"');
    expect(body.match(/<use/g)).toHaveLength(1);
    // 48×24 viewBox: scaled by 0.5 and centred vertically
    expect(body).toMatch(/^<g transform="translate\(0 6\) scale\(0\.5\)">/);
    const w = r.warnings.join('\n');
    expect(w).toContain('dropped <script>');
    expect(w).toContain('dropped <foreignObject>');
    expect(w).toContain('dropped event handler onclick');
    expect(w).toContain('dropped @import');
    expect(w).toContain('dropped non-local href');
    // the parsed tree has no element or attribute that could run or fetch anything
    const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(wrap(body));
    const walk = (v: unknown): void => {
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          expect(k).not.toMatch(/^(script|foreignObject|image|@on.*|@xlink:href)$/i);
          if (k === '@href') expect(String(x)).toMatch(/^#aksnet-x-/);
          walk(x);
        }
      }
    };
    walk(tree);
  });

  it('rejects files that are not SVG', () => {
    expect(() => sanitizeSvgIcon('<html><body/></html>', 'p-')).toThrow(/not <svg>/);
    expect(() => sanitizeSvgIcon('<svg><a></b></svg>', 'p-')).toThrow(/not well-formed/);
    expect(() => sanitizeSvgIcon('<svg x=1/>', 'p-')).toThrow(/not well-formed/);
    expect(() => sanitizeSvgIcon('', 'p-')).toThrow(/not well-formed/);
  });

  it('falls back to width and height without a viewBox', () => {
    expect(sanitizeSvgIcon('<svg xmlns="http://www.w3.org/2000/svg" width="48px" height="48px"><path d="M0 0"/></svg>', 'p-').body).toMatch(
      /^<g transform="translate\(0 0\) scale\(0\.5\)"><path d="M0 0"\/><\/g>$/,
    );
  });

  it('throws an AksnetError when the directory does not exist', async () => {
    await expect(loadIconPack(join(dir, 'missing'))).rejects.toBeInstanceOf(AksnetError);
    await expect(loadIconPack(join(dir, 'missing'))).rejects.toThrow(/icon pack directory not found/);
    await expect(loadIconPack(join(dir, 'azureFirewall.svg'))).rejects.toThrow(/not a directory/);
  });

  it('loadIconPack reports warnings through onWarning', async () => {
    const seen: string[] = [];
    const icons = await loadIconPack(dir, { onWarning: (m) => seen.push(m) });
    expect(icons.get('azureFirewall')).toBeDefined();
    expect(seen.length).toBeGreaterThan(3);
    expect(icon('azureFirewall', icons)).toBe(icons.get('azureFirewall'));
    expect(icon('paas:keyVault', icons)).toBe(icons.get('paas:keyVault'));
    expect(icon('paas:redis', icons)).toBe(icon('paas:redis'));
  });
});

describe('icon packs: real-world files', () => {
  it('takes an editor-style file without noise', () => {
    const src = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px" width="18px" height="18px" viewBox="0 0 18 18" xml:space="preserve" data-name="Layer 1">
<defs><radialGradient id="g:1" cx="9" cy="9" r="9" gradientUnits="userSpaceOnUse"><stop offset="0" style="stop-color:#fff"/><stop offset="1" stop-color="#000"/></radialGradient>
<clipPath id="c"><rect width="18" height="18"/></clipPath></defs>
<g clip-path="url(#c)" data-name="icon" aria-hidden="true"><circle cx="9" cy="9" r="8" fill="url(#g:1)" fill-rule="evenodd"/></g>
</svg>`;
    const r = sanitizeSvgIcon(src, 'aksnet-k-');
    expect(r.warnings).toEqual([]);
    expect(r.viewBox).toEqual([0, 0, 18, 18]);
    expect(r.body).toContain('<radialGradient id="aksnet-k-g_1"');
    expect(r.body).toContain('<stop offset="0" style="stop-color:#fff"/>');
    expect(r.body).toContain('<g clip-path="url(#aksnet-k-c)">');
    expect(r.body).toContain('fill="url(#aksnet-k-g_1)"');
    expect(XMLValidator.validate(wrap(r.body))).toBe(true);
  });

  it('skips unreadable entries instead of failing', async () => {
    const d = await mkdtemp(join(tmpdir(), 'aksnet-iconpack-'));
    try {
      await mkdir(join(d, 'nsg.svg'));
      await symlink(join(d, 'missing-target.svg'), join(d, 'bastion.svg'));
      await writeFile(join(d, 'vnet.svg'), '<svg viewBox="0 0 24 24"><path d="M1 1h2"/></svg>');
      const { icons, warnings } = await readIconPack(d);
      expect([...icons.keys()]).toEqual(['vnet']);
      expect(warnings.join('\n')).toMatch(/nsg\.svg is not a file/);
      expect(warnings.join('\n')).toMatch(/bastion\.svg could not be read \(ENOENT\)/);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});

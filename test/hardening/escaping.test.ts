/**
 * Issue #15, escaping: control characters in a design never reach a terminal raw (text and github
 * formats, error messages) and never make SVG/HTML ill-formed; `@mentions` are neutralised in the
 * report's Markdown; an icon-pack `<use>` bomb is defused.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { sanitizeSvgIcon, MAX_ICON_EXPANDED_ELEMENTS, readIconPack } from '../../src/render/icon-pack.js';
import { md } from '../../src/report/markdown.js';
import { terminalSafe, xmlSafe, xmlUnescape } from '../../src/shared/text-safety.js';
import { aksnet, ensureBuilt, tempDir, write } from './cli.js';

const CONTROL = '\u001b]0;pwned\u0007\u001b[2J\u0000\u0008\r\nsrc/forged.ts:1:1  error  forged finding';
/** Any control character except the newline that ends each output line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('escaping');
  const name = JSON.stringify(`snet ${CONTROL} @octocat`);
  write(
    dir,
    'd.ts',
    `import { defineArchitecture, vnet, subnet } from 'aksnet';
const spoke = vnet({ name: ${name}, region: 'westeurope', addressSpace: ['10.1.0.0/16'],
  subnets: [subnet({ name: ${name}, cidr: ${JSON.stringify(`10.1.0.0/33${CONTROL}`)} }), subnet({ name: 'b', cidr: '10.1.1.0/24' })] });
export default defineArchitecture({ metadata: { title: ${JSON.stringify(`Title ${CONTROL}`)}, owner: '@octocat' }, network: { vnets: [spoke] }, clusters: [] });
`,
  );
});

describe('terminal formats', () => {
  it.each(['text', 'github'])('validate --format %s prints no raw control character and forges no line', (format) => {
    const r = aksnet(['validate', 'd.ts', '--format', format, '--no-config'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\u001b');
    expect(r.stdout.split('\n').some((l) => l.startsWith('src/forged.ts'))).toBe(false);
  });

  it('a load error quoting control characters is one clean line', () => {
    write(dir, 'bad.ts', `throw new Error(${JSON.stringify(CONTROL)});\nexport default 1;\n`);
    const r = aksnet(['validate', 'bad.ts'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('terminalSafe shows controls, bidi overrides and separators as escapes and keeps the rest', () => {
    expect(terminalSafe('a\u001bb\u202ec\u2028d é 東')).toBe('a\\u001bb\\u202ec\\u2028d é 東');
  });
});

describe('XML outputs stay well-formed', () => {
  it('diagram SVGs', () => {
    const r = aksnet(['diagram', 'd.ts', '-o', 'svg'], dir);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(dir, 'svg'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const svg = readFileSync(join(dir, 'svg', f), 'utf8');
      expect(svg, f).not.toMatch(XML_INVALID);
      expect(XMLValidator.validate(svg), f).toBe(true);
    }
  });

  it('the HTML and Markdown pack (with its SVGs); @mentions neutralised in the Markdown', () => {
    const r = aksnet(['report', 'd.ts', '-o', 'pack.html', '-o', 'md/', '--no-config'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'pack.html'), 'utf8')).not.toMatch(XML_INVALID);
    const pack = readFileSync(join(dir, 'md', 'pack.md'), 'utf8');
    expect(pack).not.toContain('@octocat');
    expect(pack).toContain('&#64;octocat');
    for (const f of readdirSync(join(dir, 'md', 'diagrams'))) {
      const svg = readFileSync(join(dir, 'md', 'diagrams', f), 'utf8');
      expect(svg).not.toMatch(XML_INVALID);
      expect(XMLValidator.validate(svg), f).toBe(true);
    }
  });

  it('xmlSafe replaces what XML cannot hold, including lone surrogates, and keeps pairs', () => {
    expect(xmlSafe('a\u0000b\u001bc\td\ud800e😀')).toBe('a\ufffdb\ufffdc\td\ufffde😀');
  });

  it('md() neutralises @mentions', () => {
    expect(md('ping @team')).toBe('ping &#64;team');
  });
});

describe('icon packs: <use> chains are bounded', () => {
  /** 2.4 KB: each group uses the previous one twice, so the drawing doubles at every level. */
  function bomb(levels: number): string {
    let s = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs><path id="l0" d="M0 0h1v1z"/>';
    for (let i = 1; i <= levels; i++) s += `<g id="l${i}"><use href="#l${i - 1}"/><use href="#l${i - 1}" x="1"/></g>`;
    return s + `</defs><use href="#l${levels}"/></svg>`;
  }

  it('the 2^40 bomb keeps only uses of use-free targets, with a warning', () => {
    const src = bomb(40);
    expect(src.length).toBeLessThan(2600);
    const r = sanitizeSvgIcon(src, 'aksnet-x-');
    expect(r.warnings.join(' ')).toMatch(/dropped \d+ <use> pointing at an element that itself contains <use>/);
    // Only the two uses of the plain path (level 1) survive.
    expect(r.body.match(/<use/g)).toHaveLength(2);
    expect(r.body).toContain('href="#aksnet-x-l0"');
  });

  it('a use of its own ancestor (a cycle) is dropped', () => {
    const r = sanitizeSvgIcon('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><g id="a"><use href="#a"/></g></svg>', 'p-');
    expect(r.body).not.toContain('<use');
  });

  it('a wide expansion past the budget rejects the icon with a clear warning', async () => {
    const d = tempDir('icons');
    let s = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs><g id="big">';
    s += '<path d="M0 0h1v1z"/>'.repeat(1000);
    s += '</g></defs>' + '<use href="#big"/>'.repeat(20) + '</svg>';
    expect(() => sanitizeSvgIcon(s, 'p-')).toThrow(`more than ${MAX_ICON_EXPANDED_ELEMENTS}`);
    mkdirSync(join(d, 'pack'));
    writeFileSync(join(d, 'pack', 'vnet.svg'), s);
    const r = await readIconPack(join(d, 'pack'));
    expect(r.icons.size).toBe(0);
    expect(r.warnings.join('\n')).toMatch(/vnet\.svg: draws 21043 elements once <use> is expanded .*; ignored/);
  });
});

describe('xmlUnescape', () => {
  it('reverses each entity exactly once', () => {
    expect(xmlUnescape('&quot;a&#39;b&apos;c&lt;d&gt;e&amp;f')).toBe(`"a'b'c<d>e&f`);
    // An escaped entity comes back as the entity, not as its character.
    expect(xmlUnescape('&amp;quot;&amp;lt;')).toBe('&quot;&lt;');
  });
});

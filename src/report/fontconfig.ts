/**
 * A fontconfig configuration that offers Chromium only the vendored fonts. The pages embed DejaVu as
 * data URLs, but a character DejaVu lacks (CJK, say) makes Chromium fall back to whatever the machine
 * has installed, and that font then lands in the PDF: the bytes would differ from machine to machine
 * and a system font would be embedded in a pack that promises none. With this file, fontconfig knows
 * no font but the vendored ones, so every machine renders the same glyphs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontsDir } from './assets.js';

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes `fonts.conf` into `dir` (the browser's private profile) and returns its path. */
export function writeFontconfig(dir: string): string {
  const file = join(dir, 'fonts.conf');
  const conf =
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
    `  <dir>${xml(fontsDir())}</dir>\n` +
    `  <cachedir>${xml(join(dir, 'fontconfig-cache'))}</cachedir>\n` +
    '</fontconfig>\n';
  writeFileSync(file, conf);
  return file;
}

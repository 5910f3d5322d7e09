// Writes generated hub-spoke designs as architecture files (`import * as d from 'aksnet'`), so the
// bench can time whole `aksnet` processes on them: the source is bench/hub-spoke.mjs's generator.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Architecture file text for a hub with `spokes` spokes; `variant` only changes the title. */
export function designSource(spokes, variant = 0) {
  const gen = readFileSync(join(here, 'hub-spoke.mjs'), 'utf8')
    .replace(/^import \* as d from '[^']+';$/m, "import * as d from 'aksnet';")
    .replace('export function hubSpoke(n)', 'function hubSpoke(n)');
  return `${gen}\nconst arch = hubSpoke(${spokes});\n${
    variant ? `arch.metadata.title = ${JSON.stringify(`Generated hub-spoke variant ${variant}`)};\n` : ''
  }export default arch;\n`;
}

/** Writes `count` designs of 1–5 spokes into `dir`; returns their paths. */
export function writeVariants(dir, count) {
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (let i = 1; i <= count; i++) {
    const file = join(dir, `hub-spoke-${String(i).padStart(3, '0')}.ts`);
    writeFileSync(file, designSource(1 + (i % 5), i));
    out.push(file);
  }
  return out;
}

/** Writes one design with `spokes` spokes into `dir`; returns its path. */
export function writeHubSpoke(dir, spokes) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `hub-spoke-${spokes}.ts`);
  writeFileSync(file, designSource(spokes));
  return file;
}

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The aksnet version from package.json. */
export function version(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(resolve(here, p), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'aksnet' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

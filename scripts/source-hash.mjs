// The hash of everything `npm run build` compiles (src/, dsl/, package.json, tsconfig.json). The build
// stores it in dist/.source-hash; test/global-setup.ts rebuilds when it no longer matches.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sourceHash(root) {
  const files = [join(root, 'package.json'), join(root, 'tsconfig.json')];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(m?ts|json)$/.test(e.name)) files.push(p);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'dsl'));
  const h = createHash('sha256');
  for (const f of files) h.update(relative(root, f).split('\\').join('/')).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

// Writes the HTML that `aksnet report <files> -o pack.pdf` hands to Chromium (the print medium), and the
// header title, for the second PDF floor (bench/chromium-pack-floor.mjs): what Chromium alone costs for
// the very pack aksnet prints.
//
//   node bench/pack-html.mjs <out.html> <design>...      (needs `npm run build`)
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { prepareInputs } from '../dist/src/report/pack.js';
import { buildViewModel } from '../dist/src/report/view-model.js';
import { renderHtml } from '../dist/src/report/html.js';
import { loadRules } from '../dist/src/validate/registry.js';
import { version } from '../dist/src/shared/version.js';

const [out, ...files] = process.argv.slice(2);
const inputs = await prepareInputs({ files, paper: 'a4' });
const rules = (await loadRules()).map((r) => r.meta);
const vm = buildViewModel(inputs, { version: version(), rules });
// The same diagram folder name as a pack written to pack.pdf.
const diagramDir = `${basename('pack.pdf', extname('pack.pdf'))}-diagrams`;
writeFileSync(out, renderHtml(vm, { paper: 'a4', medium: 'print', diagramDir }));
writeFileSync(`${out}.json`, JSON.stringify({ title: vm.headerTitle }));
process.exit(0);

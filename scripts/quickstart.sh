#!/usr/bin/env bash
# Quick start: install everything, then run aksnet's main job on the bundled examples:
# validate them, draw every view, and write the review pack (PDF, HTML, Markdown) to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-browser.sh
npm ci --no-audit --no-fund
node bin/aksnet.js validate examples/*.ts || true
if node bin/aksnet.js --help | grep -q '^  diagram'; then node bin/aksnet.js diagram examples/*.ts --view all -o out/diagrams; fi
if node bin/aksnet.js --help | grep -q '^  report'; then
  node bin/aksnet.js report examples/*.ts -o out/pack.pdf
  node bin/aksnet.js report examples/*.ts -o out/pack.html
  node bin/aksnet.js report examples/*.ts --format md -o out/pack-md/
fi
echo "done: see out/"

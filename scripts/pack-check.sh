#!/usr/bin/env bash
# Packs aksnet, installs the tarball into an empty folder and uses it the way a platform team would:
# init, a strict type check (skipLibCheck: false), check, build, build --check (clean, then stale after
# an edit), a helper module that is skipped, and same-named designs in two folders. A file missing
# from the package fails here. Prints `pack check: ok` or the failing step and exits non-zero.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/aksnet-pack-XXXXXX")"
trap 'rm -rf "$work"' EXIT
step() { echo "pack check: $*"; }
fail() { echo "pack check: FAILED: $*" >&2; exit 1; }

step "packing"
tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir "$work/project"
cd "$work/project"
npm init -y >/dev/null
typescript="$(node -p "require('$root/package.json').devDependencies.typescript")"
step "installing $tarball and typescript@$typescript"
npm install --no-audit --no-fund --prefer-offline "$work/$tarball" "typescript@$typescript" >/dev/null

step "init"
npx --no-install aksnet init
npx --no-install aksnet init >/dev/null 2>&1 && fail "init overwrote existing files"
mkdir -p designs/lib
printf "export const environment = (name: string): string => name.toLowerCase();\n" > designs/lib/naming.ts

step "tsc --noEmit (skipLibCheck: false)"
grep -q '"skipLibCheck": false' tsconfig.json || fail "tsconfig.json does not set skipLibCheck: false"
npx --no-install tsc --noEmit

step "check"
npx --no-install aksnet check designs/starter.ts

step "build"
npx --no-install aksnet build 2> build.log || { cat build.log; fail "build"; }
grep -q "note: skipped designs/lib/naming.ts" build.log || { cat build.log; fail "the helper module was not skipped with a note"; }
test -f docs/diagrams/starter.topology.svg || fail "no diagram written"
test -f docs/reviews/starter/review-pack.html || fail "no review pack written"

step "build --check (up to date)"
npx --no-install aksnet build --check
# Review packs are pinned to the config's reports.asOf, so another day's check still passes.
SOURCE_DATE_EPOCH=1893456000 npx --no-install aksnet build --check >/dev/null 2>&1 || fail "build --check depends on today's date"

step "build --check after an edit"
sed -i "s/name: 'traefik'/name: 'traefik-edge'/" designs/starter.ts
set +e
npx --no-install aksnet build --check > check.log 2>&1
code=$?
set -e
[ "$code" = 1 ] || { cat check.log; fail "build --check exited $code after an edit, expected 1"; }
grep -q "stale.*docs/diagrams/starter.ingress.svg" check.log || { cat check.log; fail "build --check did not name the stale diagram"; }

step "same-named designs in two folders"
mkdir -p designs/eu designs/us
cp designs/starter.ts designs/eu/prod.ts
cp designs/starter.ts designs/us/prod.ts
sed -i "s/westeurope/northeurope/g" designs/us/prod.ts
npx --no-install aksnet build >/dev/null 2>&1
test -f docs/diagrams/eu/prod.topology.svg && test -f docs/diagrams/us/prod.topology.svg || fail "same-named designs did not get distinct outputs"
cmp -s docs/diagrams/eu/prod.topology.svg docs/diagrams/us/prod.topology.svg && fail "eu and us diagrams are identical"
npx --no-install aksnet build --check >/dev/null

step "require() gives a clear message"
msg="$(node -e "require('aksnet/dsl')" 2>&1 || true)"
grep -q "aksnet is an ES module" <<< "$msg" || fail "require('aksnet/dsl') did not explain ESM: $msg"
node --input-type=module -e "import { defineArchitecture } from 'aksnet/dsl'; if (typeof defineArchitecture !== 'function') process.exit(1);"

echo "pack check: ok"

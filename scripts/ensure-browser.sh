#!/usr/bin/env bash
# Installs Debian's Chromium (and poppler-utils for looking at PDFs) when no Chromium or Chrome is
# found. PDF rendering needs a browser; everything else in aksnet works without one.
set -euo pipefail
if [ -n "${AKSNET_BROWSER:-}" ] && [ -x "${AKSNET_BROWSER}" ]; then exit 0; fi
for b in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$b" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" != "0" ]; then
  echo "aksnet: no Chromium/Chrome found; install one (e.g. sudo apt-get install chromium) or set AKSNET_BROWSER" >&2
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  echo "aksnet: installing Chromium with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null
else
  echo "aksnet: no Chromium/Chrome found and no apt-get; install a browser or set AKSNET_BROWSER" >&2
fi

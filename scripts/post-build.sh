#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), in order: split the views loaded on first use out of the
# main wasm (scripts/split-wasm.mjs), then bundle the corpus as data beside the app
# (scripts/bundle-corpus.sh). One script, because Trunk runs the hooks of a stage side by side
# and both steps rewrite index.html.
set -euo pipefail
out="${1:-${TRUNK_STAGING_DIR:?run by Trunk, or give the app folder as the first argument}}"
cd "$(dirname "$0")/.."
node scripts/split-wasm.mjs "$out"
bash scripts/bundle-corpus.sh "$out"

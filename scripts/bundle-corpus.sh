#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): bundles the corpus into the app Trunk has just built, so
# `trunk build` and `LECTERN_CORPUS=<dir> trunk build` make a complete dist/ as they always did.
# The corpus is `$LECTERN_CORPUS` (a relative path is taken from the repository root) or
# corpus/. A bad corpus fails the build here with the same messages as `lectern check`.
# The wasm does not depend on the corpus: `make corpus DIR=<dir>` swaps the corpus of a built
# dist/ without Trunk at all.
set -euo pipefail
out="${1:-${TRUNK_STAGING_DIR:?run by Trunk, or give the app folder as the first argument}}"
out="$(cd "$out" && pwd)"
cd "$(dirname "$0")/.."
cargo run -q --release -p lectern-corpus --bin lectern -- bundle "${LECTERN_CORPUS:-corpus}" --out "$out" >/dev/null
node scripts/package.mjs --link "$out"

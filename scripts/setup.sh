#!/usr/bin/env bash
# Installs what Lectern's build (and, with --test, its tests) need on a fresh machine, skipping
# every tool that is already there at the right version, so a second run takes seconds.
# Needs only rustup/cargo, Node/npm and (for --test) apt. Nothing is downloaded from outside the
# package registries: wasm-opt comes from the npm package `binaryen`, browsers from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must be exactly the version in Cargo.lock, or Trunk and the test runner
# refuse the build. `--locked` does not resolve against today's registry, so it is not used.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build compiles the standard library with the app (see RELEASE_WASM in the
# Makefile), from its sources.
if ! rustup component list --installed | grep -qx 'rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

wb=$(wasm_bindgen_version)
if [[ -z "$wb" ]]; then
  say "Cargo.lock names no wasm-bindgen; run 'cargo generate-lockfile' first" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb"; then
  say "installing wasm-bindgen-cli $wb (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$wb" --force
fi

# The split step of the release build (scripts/split-wasm.mjs) cuts views loaded on first use
# out of the main wasm with wasm-split-cli, from the crate wasm_split_cli_support. Its split
# points come from the wasm_split_helpers crate Leptos depends on; both speak version 0.2.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# npm ci only when node_modules is missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages (binaryen for wasm-opt, esbuild, Zopfli for the single file, Playwright, serve-static for the dev server)"
  npm ci --no-audit --no-fund
fi

if $want_test; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
say "ready"

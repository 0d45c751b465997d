# Lectern's two commands: `make serve` (set up, build the release bundle, serve it on
# http://127.0.0.1:8080) and `make test` (set up, run every test tier). Each sets up only what
# is missing; see scripts/setup.sh.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: serve test setup setup-test build package corpus size test-engine test-components test-e2e bench bench-size bench-search bench-keystroke bench-own check-corpus

serve: setup build
	node scripts/serve.mjs dist --port $(PORT)

test: setup-test test-engine test-components build size test-e2e

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

# The release wasm is built with Rust's standard library compiled alongside (the rust-src
# component, set up by setup.sh) so that a panic stops at once: no code that formats panic
# messages: 25.5 KB gzip less at start and 31.9 KB less in the single file (README, Benchmarks). Both are unstable
# options of the stable compiler (RUSTC_BOOTSTRAP), for this build only; the tests and a plain
# `trunk build` build as usual, and src/crash.rs shows the crash message either way.
RELEASE_WASM := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

# The release bundle in dist/ (Trunk: wasm-opt -Oz, relative URLs; its post_build hook bundles
# the corpus, $LECTERN_CORPUS or corpus/, as data files), then the package step:
# pkg/lectern.html (one self-contained file, also copied to dist/) and pkg/embed.js.
build:
	$(RELEASE_WASM) trunk build --release
	node scripts/package.mjs dist pkg

package:
	node scripts/package.mjs dist pkg

# Swap the corpus of an already built app, no wasm rebuild: make corpus DIR=path/to/corpus
# [DIST=dist] [PKG=pkg]. Validates (same messages as the build), indexes, writes the data files
# into DIST and packages DIST and PKG/lectern.html again.
DIST ?= dist
PKG ?= pkg
corpus:
	@test -n "$(DIR)" || { echo "make corpus: say which folder, e.g. make corpus DIR=path/to/corpus"; exit 2; }
	@test -f "$(DIST)/index.html" || { echo "make corpus: $(DIST)/index.html is missing; build the app first (make build)"; exit 2; }
	cargo run -q --release -p lectern-corpus --bin lectern -- bundle "$(DIR)" --out "$(DIST)"
	node scripts/package.mjs "$(DIST)" "$(PKG)"

# The size budget (size-budget.json): fails when the hosted app or the single file is heavier
# than allowed, gzip -9. Deterministic, so CI can hold every change to it.
size:
	node scripts/size.mjs --check

# Tier 1: the engine, the corpus loader and CLI, and the app's pure logic, natively.
test-engine:
	cargo test --workspace
	scripts/build-refuses-bad-corpus.sh
	node --test scripts/package.test.mjs scripts/split-wasm.test.mjs scripts/size.test.mjs scripts/serve.test.mjs bench/size-report.test.mjs

# Tier 2: components mounted in headless Chromium through wasm-bindgen-test.
test-components:
	cargo test -p lectern-app --target wasm32-unknown-unknown

# Tier 3: end-to-end tests with Playwright against the release build served on localhost (and
# the same app with other corpora swapped in by `make corpus`: the hostile-payload corpus in
# target/hostile-dist, a generated 250-document, 3 MB corpus in target/gen-dist, for the views
# at scale, and the bundled article edited in tests/fixtures/edited-v2 in target/edited-dist,
# for quote links across versions).
test-e2e:
	rm -rf target/hostile-dist target/gen-dist target/edited-dist
	cp -r dist target/hostile-dist
	$(MAKE) -s corpus DIR=tests/fixtures/hostile DIST=target/hostile-dist PKG=target/hostile-dist
	cp -r dist target/edited-dist
	$(MAKE) -s corpus DIR=tests/fixtures/edited-v2 DIST=target/edited-dist PKG=target/edited-dist
	cargo run -q --release -p lectern-corpus --bin lectern -- generate target/gen-corpus --mb 3 >/dev/null
	cp -r dist target/gen-dist
	$(MAKE) -s corpus DIR=target/gen-corpus DIST=target/gen-dist PKG=target/gen-dist
	playwright test

# Bundle sizes, time to first render and keystroke to results; prints figures, asserts nothing.
bench: setup-test build
	node bench/startup.mjs
	$(MAKE) --no-print-directory bench-keystroke

# Keystroke to results through the real search box on a generated 12 MB corpus, per query kind
# (the app rebuilt into target/bench-dist first, so it measures this checkout).
bench-keystroke: setup-test
	cargo run -q --release -p lectern-corpus --bin lectern -- generate target/bench/corpus-12mb --mb 12 >/dev/null
	LECTERN_CORPUS=target/bench/corpus-12mb $(RELEASE_WASM) trunk build --release --dist target/bench-dist
	node bench/keystroke.mjs --per-kind 5

# What the wasm is made of, by crate and by function (twiggy, installed here when missing).
bench-size: setup build
	command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0
	node scripts/size.mjs
	node bench/size-report.mjs
	node bench/size-report.mjs --main --top 40

# Search latency and success@1 per query kind, natively and in Chromium beside MiniSearch and
# Fuse.js, on a generated 12 MB corpus and on the bundled article; prints figures.
bench-search: setup-test build
	cargo run -q --release -p lectern-corpus --bin lectern -- generate target/bench/corpus-12mb --mb 12 >/dev/null
	cargo run -q --release -p lectern-corpus --bin lectern -- bench target/bench/corpus-12mb --per-kind 200
	node bench/search.mjs --per-kind 100 --fuse-per-kind 3

# A reader's own documents in the page: the generated 12 MB corpus (250 files) opened with
# "Open documents…", time until listed and searchable, longest main-thread task; prints figures.
bench-own: setup-test build
	node bench/own-documents.mjs --runs 3

# Validate a corpus folder without building the app: make check-corpus DIR=path/to/corpus
check-corpus:
	cargo run -q -p lectern-corpus --bin lectern -- check $(or $(DIR),corpus)

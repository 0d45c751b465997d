# Lectern's two commands: `make serve` (set up, build the release bundle, serve it on
# http://127.0.0.1:8080) and `make test` (set up, run every test tier). Each sets up only what
# is missing; see scripts/setup.sh.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: serve test setup setup-test build package size test-engine test-components test-e2e bench bench-size bench-search bench-keystroke check-corpus

serve: setup build
	node scripts/serve.mjs dist --port $(PORT)

test: setup-test test-engine test-components build size test-e2e

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

# The release bundle in dist/ (Trunk: wasm-opt -Oz, relative URLs), then the package step:
# pkg/lectern.html (one self-contained file, also copied to dist/) and pkg/embed.js.
build:
	trunk build --release
	node scripts/package.mjs dist pkg

package:
	node scripts/package.mjs dist pkg

# The size budget (size-budget.json): fails when the hosted app or the single file is heavier
# than allowed, gzip -9. Deterministic, so CI can hold every change to it.
size:
	node scripts/size.mjs --check

# Tier 1: the engine, the corpus loader and CLI, and the app's pure logic, natively.
test-engine:
	cargo test --workspace
	scripts/build-refuses-bad-corpus.sh
	node --test scripts/package.test.mjs scripts/size.test.mjs scripts/serve.test.mjs

# Tier 2: components mounted in headless Chromium through wasm-bindgen-test.
test-components:
	cargo test -p lectern-app --target wasm32-unknown-unknown

# Tier 3: end-to-end tests with Playwright against the release build served on localhost (and
# builds of the hostile-payload corpus in target/hostile-dist and of a generated 250-document,
# 3 MB corpus in target/gen-dist, for the views at scale).
test-e2e:
	LECTERN_CORPUS=tests/fixtures/hostile trunk build --release --dist target/hostile-dist
	cargo run -q --release -p lectern-corpus --bin lectern -- generate target/gen-corpus --mb 3 >/dev/null
	LECTERN_CORPUS=target/gen-corpus trunk build --release --dist target/gen-dist
	playwright test

# Bundle sizes, time to first render and keystroke to results; prints figures, asserts nothing.
bench: setup-test build
	node bench/startup.mjs
	$(MAKE) --no-print-directory bench-keystroke

# Keystroke to results through the real search box on a generated 12 MB corpus, per query kind
# (the app rebuilt into target/bench-dist first, so it measures this checkout).
bench-keystroke: setup-test
	cargo run -q --release -p lectern-corpus --bin lectern -- generate target/bench/corpus-12mb --mb 12 >/dev/null
	LECTERN_CORPUS=target/bench/corpus-12mb trunk build --release --dist target/bench-dist
	node bench/keystroke.mjs --per-kind 5

# What the wasm is made of, by crate and by function (twiggy, installed here when missing).
bench-size: setup build
	command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0
	node scripts/size.mjs
	node bench/size-report.mjs

# Search latency and success@1 per query kind, natively and in Chromium beside MiniSearch and
# Fuse.js, on a generated 12 MB corpus and on the bundled article; prints figures.
bench-search: setup-test build
	cargo run -q --release -p lectern-corpus --bin lectern -- generate target/bench/corpus-12mb --mb 12 >/dev/null
	cargo run -q --release -p lectern-corpus --bin lectern -- bench target/bench/corpus-12mb --per-kind 200
	node bench/search.mjs --per-kind 100 --fuse-per-kind 3

# Validate a corpus folder without building the app: make check-corpus DIR=path/to/corpus
check-corpus:
	cargo run -q -p lectern-corpus --bin lectern -- check $(or $(DIR),corpus)

#!/usr/bin/env bash
# Proves the build refuses a bad corpus with a message that names the file, the line and the fix,
# and still bundles a good one. It runs scripts/bundle-corpus.sh, the very step Trunk's
# post_build hook runs (so `trunk build` and `make corpus` fail the same way). Part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$bad" "$out"' EXIT
printf -- '---\nauthor: Nobody\n---\nText without a title.\n' > "$bad/untitled.md"
printf -- '---\ntitle: Twin\n---\nOne.\n' > "$bad/twin.md"
printf 'Two.\n' > "$bad/twin.txt"

log=$(LECTERN_CORPUS="$bad" scripts/bundle-corpus.sh "$out" 2>&1) && { echo "FAIL: the build accepted a bad corpus"; exit 1; }
failed=0
for expected in "untitled.md:1: the document has no title" "twin.txt: the id \`twin\` is already used by $bad/twin.md" "Fix: "; do
  if grep -qF -- "$expected" <<<"$log"; then
    echo "ok: build error says: $expected"
  else
    echo "FAIL: build error does not say: $expected"; failed=1
  fi
done
[[ $failed == 0 ]] || { echo "$log" | tail -20; exit 1; }
[[ -z "$(ls -A "$out")" ]] || { echo "FAIL: a bad corpus left files in the app folder: $(ls "$out")"; exit 1; }
echo "ok: a bad corpus writes nothing"
cargo run -q --release -p lectern-corpus --bin lectern -- bundle corpus --out "$out" >/dev/null
ls "$out"/corpus-*.bin "$out"/index-*.bin "$out"/lectern-data.json >/dev/null
echo "ok: the default corpus bundles again"

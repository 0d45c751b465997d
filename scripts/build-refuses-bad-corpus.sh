#!/usr/bin/env bash
# Proves the app build itself (not only the engine) refuses a bad corpus with a message that
# names the file, the line and the fix, and still builds with a good one. Part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=$(mktemp -d)
trap 'rm -rf "$bad"' EXIT
printf -- '---\nauthor: Nobody\n---\nText without a title.\n' > "$bad/untitled.md"
printf -- '---\ntitle: Twin\n---\nOne.\n' > "$bad/twin.md"
printf 'Two.\n' > "$bad/twin.txt"

out=$(LECTERN_CORPUS="$bad" cargo build -p lectern-app 2>&1) && { echo "FAIL: the build accepted a bad corpus"; exit 1; }
failed=0
for expected in "untitled.md:1: the document has no title" "twin.txt: the id \`twin\` is already used by $bad/twin.md" "Fix: "; do
  if grep -qF -- "$expected" <<<"$out"; then
    echo "ok: build error says: $expected"
  else
    echo "FAIL: build error does not say: $expected"; failed=1
  fi
done
[[ $failed == 0 ]] || { echo "$out" | tail -20; exit 1; }
cargo build -q -p lectern-app
echo "ok: the build succeeds again with the default corpus"

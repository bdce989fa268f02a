#!/usr/bin/env bash
# `make test`: every layer, in order, with one summary line each. A failing
# layer does not stop the others (you see everything that is wrong at once),
# but the run exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
results=()
failed=0
passed=0

layer() {
  local name="$1"; shift
  local log="target/test-${name// /-}.log"
  local start=$SECONDS
  echo "==> $name"
  if "$@" 2>&1 | tee "$log"; then
    results+=("PASS  $name ($((SECONDS - start)) s)$(summary "$log")")
    passed=$((passed + 1))
  else
    results+=("FAIL  $name ($((SECONDS - start)) s)$(summary "$log") — see $log")
    failed=$((failed + 1))
  fi
}

# The counts a layer's runner printed, if any.
summary() {
  local counts
  counts=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$1" | awk '{p+=$1; f+=$3} END {if (NR) printf "%d passed, %d failed", p, f}')
  [ -z "$counts" ] && counts=$(grep -Eo '^\s*[0-9]+ (passed|failed|flaky|skipped)' "$1" | tr -s ' ' | tr '\n' ' ' | sed 's/ $//')
  [ -n "$counts" ] && echo ": $counts"
}

export CARGO_TERM_COLOR=never

# --workspace: the app and the notes compiler (crates/notes-compiler).
layer "cargo fmt" cargo fmt --all --check
layer "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
# The widgets' one-language builds (features only-zh / only-en) compile other
# code paths: linted too.
layer "cargo clippy, one-language builds" sh -c \
  'cargo clippy --lib --bins --features only-zh -- -D warnings && cargo clippy --lib --bins --features only-en -- -D warnings'
layer "cargo test" cargo test --workspace
layer "Python blocks of the notes (python3)" python3 tools/check_code.py
# The Python object-diagram model against CPython itself (tools/py_alias_check.py).
layer "CPython object graphs" python3 tools/py_alias_check.py
layer "wasm-bindgen tests (headless Chromium)" \
  cargo test --target wasm32-unknown-unknown --test browser
if layer "release build" make --no-print-directory build; then :; fi
if [ -f dist/index.html ]; then
  layer "Playwright end-to-end" npx playwright test
else
  results+=("FAIL  Playwright end-to-end: no build to test")
  failed=$((failed + 1))
fi

echo
echo "Summary"
for r in "${results[@]}"; do echo "  $r"; done
echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

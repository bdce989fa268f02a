# mianjing: the two set-up commands are `make serve` and `make test`.
# Both install what is missing (and skip what is present); see README.md.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help tools test-tools wasm-target wasm-bindgen npm browser build serve test bench clean

# Tools installed into the project (npm) come first: the build must find the
# npm wasm-opt, not an older system one.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER := /usr/bin/chromedriver

# The wasm-bindgen CLI must match the crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3}' Cargo.lock)
PORT ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

help:
	@echo "make serve   build the app and serve it on http://127.0.0.1:$(PORT)"
	@echo "make test    run every test (installs what is missing)"
	@echo "make bench   measure sizes and speed (writes target/bench.json)"

tools: wasm-target wasm-bindgen npm
test-tools: tools browser

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# Not --locked: the CLI's own lockfile names a crate version the registry
# no longer serves.
wasm-bindgen:
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli@$(WASM_BINDGEN_VERSION)

npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then :; \
	else $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver fonts-noto-cjk; fi

build: tools
	node tools/build.mjs dist

serve: build
	node tools/serve.mjs --dir dist --port $(PORT)

test: test-tools
	bash tools/test.sh

# The timing measures call hooks that only a `bench` build has: it gets its
# own target dir, so switching features never rebuilds the release one.
bench: test-tools build
	CARGO_TARGET_DIR=target/bench node tools/build.mjs target/dist-bench --features bench
	node tests/bench/bench.mjs

clean:
	rm -rf dist target/screenshots target/bench.json test-results

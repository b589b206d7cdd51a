# newslens — every task a developer or CI runs. `make serve` and `make test`
# set up what is missing first (each step is skipped when already there).

WASM_BINDGEN_VERSION := 0.2.130
WASM := target/wasm32-unknown-unknown/release/newslens.wasm
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8000
export PATH := $(HOME)/.cargo/bin:$(PATH)
# wasm-opt for size, but without its one-caller inlining (-ocimfs=0): merging
# every function that has one caller into it leaves large functions that
# Node 20's V8 runs slower (Chromium 156's the same). Without it the page path
# is 7-9% faster in Node and the wasm about 3 KB smaller gzipped (bench/RESULTS.md,
# update of 2026-12-03, third session; bench/compare-builds.mjs compares builds).
WASM_OPT_FLAGS := -Oz -ocimfs=0 --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals

.PHONY: setup build serve test test-native test-wasm test-browser lint dist bench eval clean

setup:
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@command -v $(CHROMIUM) >/dev/null && command -v chromedriver >/dev/null \
	  || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }
	@[ -d node_modules/playwright-core ] && [ -d node_modules/binaryen ] && [ -d node_modules/axe-core ] \
	  || npm ci --no-audit --no-fund
	@echo "setup: ok"

# The site is www/ alone: the wasm glue in www/pkg, the seed articles in
# www/seeds/index.json (their titles, dates and texts in one file),
# and www/version.js, the build's name for the service worker (www/sw.js).
build:
	cargo build --release --target wasm32-unknown-unknown --lib
	wasm-bindgen --target web --no-typescript --out-dir www/pkg $(WASM)
	node node_modules/binaryen/bin/wasm-opt $(WASM_OPT_FLAGS) www/pkg/newslens_bg.wasm -o www/pkg/newslens_bg.wasm
	rm -rf www/seeds && mkdir -p www/seeds && node scripts/seed-index.mjs seeds www/seeds/index.json
	node scripts/stamp-version.mjs www
	cargo build --release --bin newslens
	@printf 'wasm: %s bytes, gzip %s bytes\n' "$$(wc -c < www/pkg/newslens_bg.wasm)" "$$(gzip -9c www/pkg/newslens_bg.wasm | wc -c)"

serve: setup build
	node scripts/serve.mjs www $(PORT)

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test --lib --bins
	cargo test --doc
	cargo test --test '*' -- --nocapture

test-wasm:
	cargo test --target wasm32-unknown-unknown --test wasm

test-browser:
	node --test --test-concurrency=1 tests/e2e/

test: setup build lint test-native test-wasm test-browser

# dist/: the site for any static host, plus dist/newslens.html, the whole reader
# in one file that works double-clicked from a USB stick (file://).
dist: build
	rm -rf dist && mkdir -p dist && cp -r www/. dist/
	node scripts/build-onefile.mjs www dist/newslens.html
	@echo "dist/ is ready to copy to any static host; dist/newslens.html works on its own"

# Speed and size (bench/README.md). Reported, not asserted, except the
# scaling test's generous linearity bound. Took 6 minutes on 2 cores (run O, with the browser bench).
EDGE_DIR := target/edge-bench
bench: setup build
	@[ -d node_modules/chrono-node ] || npm ci --no-audit --no-fund
	@command -v /usr/bin/time >/dev/null \
	  || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q time; }
	python3 bench/cli_bench.py --runs 3
	cargo bench --profile perf --bench core
	cargo build --release --target wasm32-unknown-unknown \
	  --manifest-path bench/edge/Cargo.toml --target-dir $(EDGE_DIR)
	wasm-bindgen --target web --no-typescript --out-dir $(EDGE_DIR)/pkg \
	  $(EDGE_DIR)/wasm32-unknown-unknown/release/newslens_edge_bench.wasm
	node node_modules/binaryen/bin/wasm-opt $(WASM_OPT_FLAGS) $(EDGE_DIR)/pkg/newslens_edge_bench_bg.wasm \
	  -o $(EDGE_DIR)/pkg/newslens_edge_bench_bg.wasm
	node bench/node-bench.mjs --rounds 5 --edge $(EDGE_DIR)/pkg
	node bench/browser-bench.mjs --rounds 5 --loads 10
	node bench/size.mjs www/pkg
	@# Last, and its failure reported without stopping the rest (leading -).
	-cargo test --profile perf --test scaling -- --ignored --nocapture

eval:
	cargo build --release --bin newslens
	python3 scripts/evaluate.py tests/gold/seeds --labels actor,place,date,figure,quote

clean:
	cargo clean
	rm -rf www/pkg www/seeds dist

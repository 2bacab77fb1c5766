# Thistle: `make demo` opens the TUI on the demo place; `make test` runs every test.
# Both install what a fresh Debian machine lacks first.

SWIFT ?= swift
APT_PACKAGES := libncurses-dev libsqlite3-dev pkg-config tmux sqlite3 faketime postgresql-15 openssl groff-base

.PHONY: deps build demo install dist docs-screens test reliability fuzz bench bench-compare clean

# Release builds link the Swift runtime and Foundation into the binary: a short command then
# starts in ~9 ms rather than ~16 ms of loading and binding shared libraries (docs/PERFORMANCE.md).
RELEASE := -c release --static-swift-stdlib

# Installs only what is missing (needs root or sudo the first time).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --product thistle

demo: build
	$$($(SWIFT) build --show-bin-path)/thistle demo

# The release binary, its man page (made from the command definitions by `thistle manual`) and its
# bash, zsh and fish completions, under $(PREFIX) (and $(DESTDIR), for packaging).
PREFIX ?= /usr/local
install: deps
	$(SWIFT) build $(RELEASE) --product thistle
	bin="$$($(SWIFT) build $(RELEASE) --show-bin-path)/thistle"; made="$$(mktemp -d)"; \
	  "$$bin" manual > "$$made/thistle.1" && \
	  "$$bin" --generate-completion-script bash > "$$made/thistle.bash" && \
	  "$$bin" --generate-completion-script zsh > "$$made/_thistle" && \
	  "$$bin" --generate-completion-script fish > "$$made/thistle.fish" && \
	  install -D -m 755 "$$bin" "$(DESTDIR)$(PREFIX)/bin/thistle" && \
	  install -D -m 644 "$$made/thistle.1" "$(DESTDIR)$(PREFIX)/share/man/man1/thistle.1" && \
	  install -D -m 644 "$$made/thistle.bash" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/thistle" && \
	  install -D -m 644 "$$made/_thistle" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_thistle" && \
	  install -D -m 644 "$$made/thistle.fish" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/thistle.fish"; \
	  status=$$?; rm -rf "$$made"; exit $$status

# dist/thistle: one self-contained file for a field laptop (the Swift runtime linked in, symbols
# stripped, the demo place appended: SampleData unpacks it into ~/.cache/thistle on first use).
# Installs by copying it; it needs only the system's libc, libstdc++, ncurses and SQLite.
dist: deps
	$(SWIFT) build $(RELEASE) --product thistle
	mkdir -p dist
	scripts/pack-sample-data sample-data/fife > dist/sample.pack
	strip -o dist/thistle.stripped "$$($(SWIFT) build $(RELEASE) --show-bin-path)/thistle"
	{ cat dist/thistle.stripped dist/sample.pack; \
	  printf 'THISTLE-SAMPLE-DATA %012d\n' "$$(stat -c %s dist/sample.pack)"; } > dist/thistle.part
	chmod 755 dist/thistle.part && mv dist/thistle.part dist/thistle && rm dist/sample.pack dist/thistle.stripped
	dist/thistle --version
	@echo "dist/thistle: $$(du -h dist/thistle | cut -f1); copy it to a laptop's PATH (ldd: $$(ldd dist/thistle | wc -l) libraries, all from the system)"

# Captures the screens of docs/user-guide.md from tmux at 80×24 by walking the guide's days on a
# demo database, and writes them into the guide (`make test` fails when they no longer match).
docs-screens: deps
	$(SWIFT) build --build-tests
	THISTLE_BIN="$$($(SWIFT) build --show-bin-path)/thistle" THISTLE_RECORD_GUIDE=1 \
	  $(SWIFT) test --skip-build --filter UserGuideScreensTests

# One build of everything (the end-to-end tests drive the thistle binary it makes), then every test.
# The hub tests start their own throwaway PostgreSQL (initdb as a non-root user, a free loopback port).
test: deps
	$(SWIFT) build --build-tests
	THISTLE_BIN="$$($(SWIFT) build --show-bin-path)/thistle" $(SWIFT) test --skip-build

# The full counts of docs/RELIABILITY.md (`make test` runs each briefly): 200 kills of a writer
# mid-write (4 min), 10,000 fuzzed bundles (1 min), 1,000 each of fuzzed indicator and place files
# (2 min), every bad text on every text flag (2 min), 2,000 damaged command lines (5 min) and
# 100,000 monkey events (13 min): about half an hour on 2 cores.
reliability: deps
	$(SWIFT) build --build-tests
	THISTLE_BIN="$$($(SWIFT) build --show-bin-path)/thistle" THISTLE_CRASH_KILLS=200 THISTLE_FUZZ_BUNDLES=10000 \
	  THISTLE_FUZZ_FILES=1000 THISTLE_BAD_INPUT=all THISTLE_FUZZ_ARGUMENTS=2000 THISTLE_MONKEY_EVENTS=100000 \
	  $(SWIFT) test --skip-build \
	  --filter 'CrashSafetyTests|BundleTests.testFuzzed|FileFuzzTests|BadInputCommandTests|MonkeyTests'

# libFuzzer on the bundle decoder (docs/RELIABILITY.md): a release build instrumented with
# -sanitize=fuzzer in .build/fuzz (a quarter of an hour the first time), a seed bundle, then
# FUZZ_SECONDS of fuzzing; a finding is saved as .build/fuzz/crash-* and fails the target.
# It links with the toolchain's lld: gold fails on the instrumented objects.
FUZZ_SECONDS ?= 60
fuzz: deps
	mkdir -p .build/fuzz
	lld="$$(dirname "$$(readlink -f "$$(command -v swiftc)")")/ld.lld"; \
	  printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$$lld" > .build/fuzz/toolset.json
	$(SWIFT) build -c release --product thistle-fuzz --scratch-path .build/fuzz --toolset .build/fuzz/toolset.json \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
	mkdir -p .build/fuzz/corpus
	THISTLE_FUZZ_SEED_OUT=.build/fuzz/corpus/seed.bundle .build/fuzz/release/thistle-fuzz -runs=1 >/dev/null 2>&1
	.build/fuzz/release/thistle-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -artifact_prefix=.build/fuzz/ .build/fuzz/corpus

# The benchmarks of docs/PERFORMANCE.md, in release mode, on the fife-scale place (100,000 cases);
# the first run generates .build/bench/fife.sqlite (~4 min). Not part of `make test`.
bench: deps
	$(SWIFT) build $(RELEASE) --product thistle
	$(SWIFT) build $(RELEASE) --product thistle-bench
	scripts/bench --thistle "$$($(SWIFT) build $(RELEASE) --show-bin-path)/thistle" \
	  --bench "$$($(SWIFT) build $(RELEASE) --show-bin-path)/thistle-bench"

# Times `thistle queue` against taskwarrior and raw sqlite3 on the fife-scale place (100,000 cases);
# the first run generates .build/bench/fife.sqlite (~4 min) and installs taskwarrior if missing.
bench-compare: deps
	$(SWIFT) build $(RELEASE) --product thistle
	scripts/bench-compare --thistle "$$($(SWIFT) build $(RELEASE) --show-bin-path)/thistle"

clean:
	rm -rf .build

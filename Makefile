# Coach: `make run` serves the app on its own PostgreSQL; `make test` runs every suite.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
# Precompiled headers need ccache's pch sloppiness to hit the cache.
export CCACHE_SLOPPINESS ?= pch_defines,time_macros,include_file_mtime,include_file_ctime
# Cache hits across clones in different folders (CI clones afresh every run).
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= 1

.PHONY: all build build-server run test test-asan bench bench-data bench-coaching bench-xlsx bootstrap web clean format tidy fuzz fuzz-smoke

all: build

bootstrap:
	@scripts/bootstrap

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: bootstrap $(BUILD)/build.ninja
	cmake --build $(BUILD)

# Only what `make run` runs: the server (the test suites and benchmarks wait for `make test`).
build-server: bootstrap $(BUILD)/build.ninja
	cmake --build $(BUILD) --target coach

web: bootstrap
	@scripts/web-build

run: build-server web
	COACH_WEB_DIR=web/dist $(BUILD)/coach serve --demo-data

test: build web
	@scripts/test

# The unit and integration suites under AddressSanitizer and UndefinedBehaviorSanitizer, built in
# build-asan (-DCOACH_SANITIZE=ON); see scripts/test-asan.
test-asan: bootstrap
	@scripts/test-asan

bench: build
	@bench/run

# On generated data: a METRICS import against a raw COPY, a full history rebuild against one
# set-based statement, the team dashboard against pgbench on the same SQL, the overview's p99
# and the query plans; see bench/issue3/run.
bench-data: build
	@BUILD=$(BUILD) bench/issue3/run

# The XLSX decompression bombs against the importer's reader: peak RSS and the limit each hits;
# see bench/xlsx/run.
bench-xlsx: build
	@BUILD=$(BUILD) bench/xlsx/run

# On the same data with a year of coaching: session prep, a team leader's sessions against
# pgbench on the same SQL, note creates, and notes at a steady rate beside the team dashboard;
# see bench/issue13/run.
bench-coaching: build
	@BUILD=$(BUILD) bench/issue13/run

# libFuzzer (clang) targets of tests/fuzz, built in build-fuzz and run one at a time: the smoke
# run (15 s each, in make test) and the long run (until 10^7 executions or FUZZ_MAX_TIME s,
# default 600, each); see tests/fuzz/run and bench/RESULTS.md.
fuzz-smoke: bootstrap
	@tests/fuzz/run --smoke

fuzz: bootstrap
	@tests/fuzz/run --long

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

# clang-tidy cannot read GCC's precompiled headers: it gets a compile database without them.
tidy:
	cmake -S . -B build-tidy -G Ninja -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON >/dev/null
	cmake --build build-tidy --target coach_core -- -n >/dev/null
	run-clang-tidy -p build-tidy -quiet 'src/.*\.cpp'

clean:
	rm -rf $(BUILD)

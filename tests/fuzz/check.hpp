#pragma once
// Included by each fuzz target's one source file.
#include <cstdio>
#include <cstdlib>

// UBSan's checks are built recoverable so that a known finding can be suppressed by file
// (tests/fuzz/known.supp, `make fuzz`); every other report stops the run as a crash.
extern "C" const char* __ubsan_default_options() {
    return "halt_on_error=1:print_stacktrace=1";
}

// An invariant a fuzz target checks: when it fails, abort() so libFuzzer keeps the input as a
// crash (a plain assert() would vanish under NDEBUG).
#define FUZZ_CHECK(cond)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (0)

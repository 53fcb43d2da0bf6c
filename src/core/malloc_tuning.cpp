#include "core/malloc_tuning.hpp"

#include <malloc.h>

namespace coach {

void tune_malloc_for_serving() noexcept {
    constexpr int kMiB = 1024 * 1024;
    // Fixed values also turn off glibc's dynamic threshold (which only ever grows).
    mallopt(M_MMAP_THRESHOLD, 2 * kMiB);
    mallopt(M_TRIM_THRESHOLD, 16 * kMiB);
}

}  // namespace coach

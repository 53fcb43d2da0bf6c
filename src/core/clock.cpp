#include "core/clock.hpp"

#include <atomic>

namespace coach::clock {
namespace {
std::atomic<std::int64_t> offset_seconds{0};
std::atomic<std::uint64_t> offset_generation{0};
}  // namespace

std::chrono::system_clock::time_point now() {
    return std::chrono::system_clock::now() + offset();
}

std::chrono::seconds offset() {
    return std::chrono::seconds(offset_seconds.load(std::memory_order_acquire));
}

void set_offset(std::chrono::seconds offset) {
    offset_seconds.store(offset.count(), std::memory_order_release);
    offset_generation.fetch_add(1, std::memory_order_acq_rel);
}

std::uint64_t generation() {
    return offset_generation.load(std::memory_order_acquire);
}

}  // namespace coach::clock

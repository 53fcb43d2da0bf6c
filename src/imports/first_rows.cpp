#include "imports/first_rows.hpp"

namespace coach::imports {
namespace {

std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

constexpr std::size_t kInitialSlots = 1 << 10;

}  // namespace

FirstRows::FirstRows() : keys_(kInitialSlots, 0), index_(kInitialSlots, 0) {}

void FirstRows::grow() {
    std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
    std::vector<std::uint32_t> index(keys.size(), 0);
    const std::size_t mask = keys.size() - 1;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        if (!keys_[i])
            continue;
        std::size_t j = mix(keys_[i]) & mask;
        while (keys[j])
            j = (j + 1) & mask;
        keys[j] = keys_[i];
        index[j] = index_[i];
    }
    keys_.swap(keys);
    index_.swap(index);
}

std::uint32_t& FirstRows::slot(std::uint32_t agent, std::int32_t day) {
    // Days from 1970 plus 2^30: non-negative for any date of a file (years 0001-9999), and
    // one-to-one on int32 days in any case (modulo 2^32).
    const auto shifted = static_cast<std::uint32_t>(static_cast<std::int64_t>(day) + (1LL << 30));
    const std::uint64_t key = (static_cast<std::uint64_t>(agent) + 1) << 32 | (shifted >> kDayBits);
    if ((blocks_.size() + 1) * 10 > keys_.size() * 7)
        grow();
    const std::size_t mask = keys_.size() - 1;
    std::size_t j = mix(key) & mask;
    while (keys_[j] && keys_[j] != key)
        j = (j + 1) & mask;
    if (!keys_[j]) {
        keys_[j] = key;
        blocks_.emplace_back();  // value-initialized: zeros
        index_[j] = static_cast<std::uint32_t>(blocks_.size());
    }
    return blocks_[index_[j] - 1][shifted & ((1u << kDayBits) - 1)];
}

}  // namespace coach::imports

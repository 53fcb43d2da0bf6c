#pragma once
// The first row of each (agent, day) of a METRICS file, to report the duplicates inside it.
//
// Kept in blocks of 8 consecutive days per agent (4 bytes a day), found through a hash table
// of blocks (12 bytes a slot, at most 70 % full). A file of daily rows costs about 8 bytes a
// row (20,000,000 rows: 80 MB of blocks and a 50 MB table), where a hash entry per row cost
// about 30 with the table's spare room and its doubling (613 MiB at 20,000,000 rows). A file
// of one row per agent a week or a month costs about 50 bytes a row.
#include <array>
#include <cstdint>
#include <deque>
#include <vector>

namespace coach::imports {

class FirstRows {
  public:
    FirstRows();
    // The slot of agent `agent` (an ordinal) on day `day` (days since 1970-01-01): 0 until
    // the caller stores something (nonzero) in it.
    std::uint32_t& slot(std::uint32_t agent, std::int32_t day);

  private:
    static constexpr unsigned kDayBits = 3;  // 8 days a block
    using Block = std::array<std::uint32_t, 1u << kDayBits>;
    void grow();

    // Open addressing: key (agent + 1) << 32 | block number -> index in blocks_ (0: empty).
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> index_;
    std::deque<Block> blocks_;  // a deque never copies its blocks when it grows
};

}  // namespace coach::imports

// FirstRows: one slot per (agent, day), whatever the agents, the days and the order.
#include "imports/first_rows.hpp"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace coach::imports {
namespace {

TEST(FirstRows, EachAgentAndDayHasItsOwnSlotThatKeepsItsValue) {
    FirstRows index;
    std::map<std::pair<std::uint32_t, std::int32_t>, std::uint32_t> expected;
    std::uint32_t row = 1;
    // 300 agents x 200 days, days in a shuffled order, across block edges (multiples of 32),
    // before 1970 (negative days) and far apart; enough keys to make the table grow.
    for (std::uint32_t agent = 0; agent < 300; ++agent)
        for (std::int32_t k = 0; k < 200; ++k) {
            std::int32_t day = (k * 37) % 200 - 100 + (agent % 3 == 0 ? 20000 : 0);
            std::uint32_t& slot = index.slot(agent * 7, day);
            ASSERT_EQ(slot, 0u) << agent << ' ' << day;
            slot = row;
            expected[{agent * 7, day}] = row++;
        }
    for (const auto& [key, value] : expected)
        EXPECT_EQ(index.slot(key.first, key.second), value) << key.first << ' ' << key.second;
    // New keys next to the stored ones are still empty.
    EXPECT_EQ(index.slot(0, 100), 0u);
    EXPECT_EQ(index.slot(1, 0), 0u);
    EXPECT_EQ(index.slot(0, -101), 0u);
}

TEST(FirstRows, ExtremeDaysAndAgentsDoNotCollide) {
    FirstRows index;
    index.slot(0, INT32_MIN / 4) = 1;
    index.slot(0, INT32_MAX / 4) = 2;
    index.slot(UINT32_MAX - 1, 0) = 3;
    EXPECT_EQ(index.slot(0, INT32_MIN / 4), 1u);
    EXPECT_EQ(index.slot(0, INT32_MAX / 4), 2u);
    EXPECT_EQ(index.slot(UINT32_MAX - 1, 0), 3u);
    EXPECT_EQ(index.slot(1, 0), 0u);
}

}  // namespace
}  // namespace coach::imports

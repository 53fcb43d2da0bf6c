// PostgreSQL array literals (src/db/arrays.hpp).
#include "db/arrays.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace coach::db {
namespace {

TEST(DbArrays, WritesQuotedTextAndPlainIntegers) {
    EXPECT_EQ(text_array({"a", "b\"c", "d\\e"}), R"({"a","b\"c","d\\e"})");
    EXPECT_EQ(text_array({}), "{}");
    EXPECT_EQ(int_array({1, -2, 30}), "{1,-2,30}");
}

TEST(DbArrays, ReadsPlainItems) {
    EXPECT_EQ(plain_array_items("{a1,b2,c3}"), (std::vector<std::string>{"a1", "b2", "c3"}));
    EXPECT_EQ(plain_array_items("{x}"), (std::vector<std::string>{"x"}));
    EXPECT_TRUE(plain_array_items("{}").empty());
    EXPECT_TRUE(plain_array_items("").empty());
    EXPECT_TRUE(plain_array_items("a,b").empty());  // not an array literal
}

TEST(DbArrays, VisitsPlainItemsAsViewsIntoTheText) {
    const std::string_view text = "{1,22,333}";
    std::vector<std::string_view> seen;
    for_each_plain_array_item(text, [&seen](std::string_view item) { seen.push_back(item); });
    ASSERT_EQ(seen, (std::vector<std::string_view>{"1", "22", "333"}));
    EXPECT_EQ(seen[1].data(), text.data() + 3);  // no copy
}

}  // namespace
}  // namespace coach::db

// from=/to= of the views (src/dashboards/date_range.hpp).
#include "dashboards/date_range.hpp"

#include <gtest/gtest.h>

namespace coach::dashboards {
namespace {

TEST(DashboardsDateRange, Defaults) {
    std::vector<FieldError> e;
    auto r = read_date_range(std::nullopt, std::nullopt, "2026-03-31", 90, 731, e);
    ASSERT_TRUE(r);
    // 90 days ending 2026-03-31: from 2026-01-01 (31 + 28 + 31 = 90 days, both ends included)
    EXPECT_EQ(r->from, "2026-01-01");
    EXPECT_EQ(r->to, "2026-03-31");
    r = read_date_range(std::nullopt, std::string("2024-03-01"), "2026-03-31", 2, 731, e);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->from, "2024-02-29");  // leap year
    r = read_date_range(std::string("2025-01-01"), std::nullopt, "2025-01-01", 90, 731, e);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->from, "2025-01-01");
    EXPECT_EQ(r->to, "2025-01-01");
    EXPECT_TRUE(e.empty());
}

TEST(DashboardsDateRange, Errors) {
    std::vector<FieldError> e;
    EXPECT_FALSE(
        read_date_range(std::string("2026-02-30"), std::string("x"), "2026-03-31", 90, 731, e));
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].field, "from");
    EXPECT_EQ(e[0].message, "must be a date (YYYY-MM-DD)");
    EXPECT_EQ(e[1].field, "to");
    e.clear();
    EXPECT_FALSE(read_date_range(std::string("2026-03-02"), std::string("2026-03-01"), "2026-03-31",
                                 90, 731, e));
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].field, "from");
    EXPECT_EQ(e[0].message, "must not be after to");
    e.clear();
    // 2025-01-01 .. 2026-01-01 is 366 days: allowed at 366, refused at 365.
    EXPECT_TRUE(read_date_range(std::string("2025-01-01"), std::string("2026-01-01"), "2026-03-31",
                                90, 366, e));
    EXPECT_FALSE(read_date_range(std::string("2025-01-01"), std::string("2026-01-01"), "2026-03-31",
                                 90, 365, e));
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].field, "to");
    EXPECT_EQ(e[0].message, "the range may cover at most 365 days");
}

TEST(DashboardsDateRange, Arithmetic) {
    EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
    EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
    EXPECT_EQ(days_between("2026-01-01", "2026-12-31"), 364);
}

}  // namespace
}  // namespace coach::dashboards

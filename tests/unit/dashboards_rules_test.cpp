// Dashboard rules (src/dashboards/rules.hpp): levels, coaching cadence, trends; every
// expectation computed by hand.
#include "dashboards/rules.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace coach::dashboards {
namespace {

TEST(DashboardsLevel, BoundariesAreInclusiveFromBelow) {
    EXPECT_EQ(level_of(100.0), Level::Excellent);
    EXPECT_EQ(level_of(90.0), Level::Excellent);
    EXPECT_EQ(level_of(89.99), Level::Good);
    EXPECT_EQ(level_of(80.0), Level::Good);
    EXPECT_EQ(level_of(79.99), Level::Fair);
    EXPECT_EQ(level_of(70.0), Level::Fair);
    EXPECT_EQ(level_of(69.99), Level::Poor);
    EXPECT_EQ(level_of(60.0), Level::Poor);
    EXPECT_EQ(level_of(59.99), Level::Critical);
    EXPECT_EQ(level_of(0.0), Level::Critical);
    EXPECT_EQ(level_of(std::nullopt), std::nullopt);
}

TEST(DashboardsLevel, CoachingGapAndCadence) {
    EXPECT_EQ(coaching_gap_days(Level::Excellent), 30);
    EXPECT_EQ(coaching_gap_days(Level::Good), 14);
    EXPECT_EQ(coaching_gap_days(Level::Fair), 7);
    EXPECT_EQ(coaching_gap_days(Level::Poor), 3);
    EXPECT_EQ(coaching_gap_days(Level::Critical), 1);
    EXPECT_EQ(coaching_gap_days(std::nullopt), 14);
    EXPECT_EQ(coaching_cadence(Level::Fair), "FAIR: every 7 days");
    EXPECT_EQ(coaching_cadence(Level::Critical), "CRITICAL: every day");
    EXPECT_EQ(coaching_cadence(std::nullopt), "no level yet: every 14 days");
}

TEST(DashboardsLevel, NamesRoundTrip) {
    for (Level l : {Level::Excellent, Level::Good, Level::Fair, Level::Poor, Level::Critical})
        EXPECT_EQ(parse_level(to_string(l)), l);
    EXPECT_EQ(parse_level("excellent"), std::nullopt);
    for (Trend t : {Trend::Improving, Trend::Stable, Trend::Declining, Trend::InsufficientData})
        EXPECT_EQ(parse_trend(to_string(t)), t);
    EXPECT_EQ(to_string(Trend::InsufficientData), "INSUFFICIENT_DATA");
}

using V = std::vector<double>;

TEST(DashboardsTrend, ExactlyFivePercentIsAChange) {
    // previous avg 80, current avg 84: (84 - 80) / 80 = +5 % exactly -> IMPROVING.
    EXPECT_EQ(trend_of(V{84, 84, 84}, V{80, 80, 80}, false), Trend::Improving);
    // 83.99: +4.9875 % -> STABLE.
    EXPECT_EQ(trend_of(V{83.99, 83.99, 83.99}, V{80, 80, 80}, false), Trend::Stable);
    // 76 vs 80: -5 % exactly -> DECLINING; 76.01: -4.9875 % -> STABLE.
    EXPECT_EQ(trend_of(V{76, 76, 76}, V{80, 80, 80}, false), Trend::Declining);
    EXPECT_EQ(trend_of(V{76.01, 76.01, 76.01}, V{80, 80, 80}, false), Trend::Stable);
}

TEST(DashboardsTrend, AveragesNotSumsAndNoRoundingOfAverages) {
    // current 3 days avg (70 + 71 + 72) / 3 = 71; previous 4 days avg (65 + 68 + 69 + 68.4) / 4
    // = 67.6; change = 3.4 / 67.6 = +5.03 % -> IMPROVING (sums 213 vs 270.4 would mislead).
    EXPECT_EQ(trend_of(V{70, 71, 72}, V{65, 68, 69, 68.4}, false), Trend::Improving);
    // Averages that do not terminate: current 100/3 = 33.333..., previous 31.75 each:
    // (33.333 - 31.75) / 31.75 = +4.9869 % -> STABLE; 31.74: +5.0200 % -> IMPROVING.
    EXPECT_EQ(trend_of(V{33, 33, 34}, V{31.75, 31.75, 31.75}, false), Trend::Stable);
    EXPECT_EQ(trend_of(V{33, 33, 34}, V{31.74, 31.74, 31.74}, false), Trend::Improving);
}

TEST(DashboardsTrend, AhtLowerIsBetter) {
    // AHT 300 s -> 285 s: -5 % exactly -> IMPROVING; 315 s: +5 % -> DECLINING.
    EXPECT_EQ(trend_of(V{285, 285, 285}, V{300, 300, 300}, true), Trend::Improving);
    EXPECT_EQ(trend_of(V{315, 315, 315}, V{300, 300, 300}, true), Trend::Declining);
    // 286: -4.67 % -> STABLE.
    EXPECT_EQ(trend_of(V{286, 286, 286}, V{300, 300, 300}, true), Trend::Stable);
    // The same numbers, higher is better: the opposite.
    EXPECT_EQ(trend_of(V{285, 285, 285}, V{300, 300, 300}, false), Trend::Declining);
}

TEST(DashboardsTrend, NeedsThreePointsInEachPeriod) {
    EXPECT_EQ(trend_of(V{90, 90}, V{50, 50, 50}, false), Trend::InsufficientData);
    EXPECT_EQ(trend_of(V{90, 90, 90}, V{50, 50}, false), Trend::InsufficientData);
    EXPECT_EQ(trend_of(V{}, V{}, false), Trend::InsufficientData);
    EXPECT_EQ(trend_of(V{90, 90, 90}, V{50, 50, 50}, false), Trend::Improving);
}

TEST(DashboardsTrend, FromZero) {
    // previous average 0: any rise is IMPROVING, none is STABLE; for AHT a rise is DECLINING.
    EXPECT_EQ(trend_of(V{0.01, 0, 0}, V{0, 0, 0}, false), Trend::Improving);
    EXPECT_EQ(trend_of(V{0, 0, 0}, V{0, 0, 0}, false), Trend::Stable);
    EXPECT_EQ(trend_of(V{1, 0, 0}, V{0, 0, 0}, true), Trend::Declining);
    // to zero: -100 % -> DECLINING.
    EXPECT_EQ(trend_of(V{0, 0, 0}, V{10, 10, 10}, false), Trend::Declining);
}

TEST(DashboardsTrend, ValuesAreTakenAtTwoDecimals) {
    // 84.004 is stored as 84.00: exactly +5 %.
    EXPECT_EQ(trend_of(V{84.004, 84, 84}, V{80, 80, 80}, false), Trend::Improving);
    // The double nearest 1.005 is 1.00499999999999989...: 1.00 (never more than the value).
    PeriodSum s = period_sum(V{1.005, 2.2, 3});  // 1.00 + 2.20 + 3.00
    EXPECT_EQ(s.count, 3);
    EXPECT_EQ(s.hundredths, 620);
}

TEST(DashboardsMetrics, ColumnsAndDirections) {
    ASSERT_EQ(kMetrics.size(), 9u);
    EXPECT_EQ(kMetrics[0].column, "service_score");
    EXPECT_TRUE(find_metric("aht")->lower_is_better);
    EXPECT_FALSE(find_metric("csat")->lower_is_better);
    EXPECT_EQ(find_metric("nope"), nullptr);
}

}  // namespace
}  // namespace coach::dashboards

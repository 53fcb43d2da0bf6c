#include "core/org_time_zone.hpp"

#include <gtest/gtest.h>

namespace coach {
namespace {

using namespace std::chrono;

// 2026-03-31 23:30 UTC: 2026-04-01 in Kiritimati (+14), still 2026-03-31 in UTC and in
// Honolulu (-10), and 2026-03-31 in Pago Pago (-11) until 11:00 UTC the next day.
const sys_seconds kLateUtc = sys_days{2026y / March / 31} + 23h + 30min;

TEST(OrgTimeZone, StartsAsUtc) {
    OrgTimeZone z;
    EXPECT_EQ(z.name(), "UTC");
    EXPECT_EQ(z.generation(), 0u);
    EXPECT_EQ(z.today(kLateUtc), "2026-03-31");
}

TEST(OrgTimeZone, TodayFollowsTheOffset) {
    OrgTimeZone z;
    z.update("Pacific/Kiritimati", hours(14));
    EXPECT_EQ(z.today(kLateUtc), "2026-04-01");
    EXPECT_EQ(z.today(sys_days{2026y / March / 31} + 9h + 59min), "2026-03-31");
    EXPECT_EQ(z.today(sys_days{2026y / March / 31} + 10h), "2026-04-01");
    z.update("Pacific/Pago_Pago", -hours(11));
    EXPECT_EQ(z.today(sys_days{2026y / April / 1} + 10h + 59min), "2026-03-31");
    EXPECT_EQ(z.today(sys_days{2026y / April / 1} + 11h), "2026-04-01");
    // Year boundary, and India's half hour.
    z.update("Asia/Kolkata", hours(5) + minutes(30));
    EXPECT_EQ(z.today(sys_days{2026y / December / 31} + 18h + 29min), "2026-12-31");
    EXPECT_EQ(z.today(sys_days{2026y / December / 31} + 18h + 30min), "2027-01-01");
}

TEST(OrgTimeZone, GenerationChangesWithTheNameOnly) {
    OrgTimeZone z;
    EXPECT_FALSE(z.update("UTC", seconds(0)));
    EXPECT_EQ(z.generation(), 0u);
    EXPECT_TRUE(z.update("Europe/Berlin", hours(1)));
    EXPECT_EQ(z.generation(), 1u);
    // Summer time: the offset moves, the zone (and so every session) stays.
    EXPECT_FALSE(z.update("Europe/Berlin", hours(2)));
    EXPECT_EQ(z.generation(), 1u);
    EXPECT_EQ(z.name(), "Europe/Berlin");
    EXPECT_TRUE(z.update("UTC", seconds(0)));
    EXPECT_EQ(z.generation(), 2u);
}

}  // namespace
}  // namespace coach

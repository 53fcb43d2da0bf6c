#include <gtest/gtest.h>

#include "auth/role.hpp"

namespace coach::auth {
namespace {

TEST(AuthRole, ToStringGivesSchemaStrings) {
    EXPECT_EQ(to_string(Role::Admin), "ADMIN");
    EXPECT_EQ(to_string(Role::Manager), "MANAGER");
    EXPECT_EQ(to_string(Role::TeamLeader), "TEAM_LEADER");
    EXPECT_EQ(to_string(Role::Agent), "AGENT");
}

TEST(AuthRole, ParseAcceptsSchemaStrings) {
    EXPECT_EQ(parse_role("ADMIN"), Role::Admin);
    EXPECT_EQ(parse_role("MANAGER"), Role::Manager);
    EXPECT_EQ(parse_role("TEAM_LEADER"), Role::TeamLeader);
    EXPECT_EQ(parse_role("AGENT"), Role::Agent);
}

TEST(AuthRole, RoundTripsEveryRole) {
    for (Role role : kAllRoles) {
        const auto parsed = parse_role(to_string(role));
        ASSERT_TRUE(parsed.has_value()) << to_string(role);
        EXPECT_EQ(*parsed, role);
    }
}

TEST(AuthRole, ParseRejectsAnythingElse) {
    for (std::string_view text :
         {"", "admin", "Admin", "agent", "team_leader", "TEAMLEADER", "TEAM-LEADER", "TEAM LEADER",
          " ADMIN", "ADMIN ", "ADMIN\n", "AGENTS", "SUPERUSER", "MANAGE"}) {
        EXPECT_FALSE(parse_role(text).has_value()) << '"' << text << '"';
    }
    EXPECT_FALSE(parse_role(std::string_view("ADMIN\0", 6)).has_value());
}

}  // namespace
}  // namespace coach::auth

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/scope.hpp"

namespace coach::auth {
namespace {

// A small organisation:
//   admin
//   m1 ── tl1 ── a1, a2, d1 (soft-deleted)
//   m2 ── tl2 ── a3
//   tl3 (no manager), orphan (agent without team leader)
enum Who { kAdmin, kM1, kM2, kTl1, kTl2, kA1, kA2, kA3, kD1, kOrphan, kTl3, kCount };

std::vector<Subject> org() {
    std::vector<Subject> users(kCount);
    users[kAdmin] = {"admin", Role::Admin, std::nullopt, std::nullopt, std::nullopt, false};
    users[kM1] = {"m1", Role::Manager, std::nullopt, std::nullopt, std::nullopt, false};
    users[kM2] = {"m2", Role::Manager, std::nullopt, std::nullopt, std::nullopt, false};
    users[kTl1] = {"tl1", Role::TeamLeader, std::nullopt, "m1", std::nullopt, false};
    users[kTl2] = {"tl2", Role::TeamLeader, std::nullopt, "m2", std::nullopt, false};
    users[kA1] = {"a1", Role::Agent, "tl1", std::nullopt, "m1", false};
    users[kA2] = {"a2", Role::Agent, "tl1", std::nullopt, "m1", false};
    users[kA3] = {"a3", Role::Agent, "tl2", std::nullopt, "m2", false};
    users[kD1] = {"d1", Role::Agent, "tl1", std::nullopt, "m1", true};
    users[kOrphan] = {"orphan", Role::Agent, std::nullopt, std::nullopt, std::nullopt, false};
    users[kTl3] = {"tl3", Role::TeamLeader, std::nullopt, std::nullopt, std::nullopt, false};
    return users;
}

Principal as_principal(const Subject& user) {
    return {user.id, user.role};
}

// Who sees whom, written out by hand. Row = principal, column = subject, both in Who order:
//                                       adm m1 m2 tl1 tl2 a1 a2 a3 d1 orph tl3
constexpr std::array<std::array<int, kCount>, kCount> kExpectedScope = {{
    /* admin  */ {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    /* m1     */ {0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0},
    /* m2     */ {0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0},
    /* tl1    */ {0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0},
    /* tl2    */ {0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0},
    /* a1     */ {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0},
    /* a2     */ {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0},
    /* a3     */ {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0},
    /* d1     */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},  // deleted: not even self
    /* orphan */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0},
    /* tl3    */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
}};

TEST(AuthScope, EveryRoleAgainstEverySubject) {
    const auto users = org();
    for (int p = 0; p < kCount; ++p) {
        for (int s = 0; s < kCount; ++s) {
            EXPECT_EQ(in_scope(as_principal(users[p]), users[s]), kExpectedScope[p][s] == 1)
                << users[p].id << " -> " << users[s].id;
        }
    }
}

// The permission table (docs/architecture.md, "Permissions"), one 5-letter string per (role,
// resource) over the actions Read, Create, Update, Delete, Approve:
//   A all in scope (admin: everyone)     P anyone in scope
//   W TEAM_LEADERs and AGENTs in scope   O own agents (AGENT with team_leader_id = self)
//   S self only                          - nobody
// clang-format off
const std::map<Resource, std::array<const char*, 4>> kTable = {
    //                          ADMIN    MANAGER  TEAM_LEADER  AGENT
    {Resource::Users,         {"AAAA-", "PWW--", "P----",     "S-S--"}},
    {Resource::Metrics,       {"AAAA-", "PPPP-", "P----",     "S----"}},
    {Resource::Imports,       {"AAAA-", "PPPP-", "-----",     "-----"}},
    {Resource::Sessions,      {"AAAA-", "PPPP-", "OOOO-",     "S----"}},
    {Resource::QuickNotes,    {"AAAA-", "P----", "OOOO-",     "-----"}},
    {Resource::ActionItems,   {"AAAA-", "PPPP-", "OOOO-",     "S-S--"}},
    {Resource::ActionPlans,   {"AAAAA", "PPPPP", "OOO--",     "S----"}},
    {Resource::Effectiveness, {"AAAA-", "PPPP-", "PPPP-",     "-----"}},
    {Resource::Profiles,      {"AAAA-", "PPPP-", "OOOO-",     "S-S--"}},
    {Resource::AuditLog,      {"AAAA-", "-----", "-----",     "-----"}},
    {Resource::Jobs,          {"AAAA-", "P----", "-----",     "-----"}},
    {Resource::Settings,      {"AAAA-", "P----", "S----",     "S----"}},
    {Resource::Teams,         {"AAAA-", "P----", "S----",     "-----"}},
    {Resource::Notifications, {"SSSS-", "SSSS-", "SSSS-",     "SSSS-"}},
};
// clang-format on

bool expected_may(const std::vector<Subject>& users, int p, int s, char grant) {
    const Subject& principal = users[p];
    const Subject& subject = users[s];
    const bool scope = kExpectedScope[p][s] == 1;
    switch (grant) {
        case 'A':
        case 'P':
            return scope;
        case 'W':
            return scope && p != s &&
                   (subject.role == Role::TeamLeader || subject.role == Role::Agent);
        case 'O':
            return scope && subject.role == Role::Agent && subject.team_leader_id == principal.id;
        case 'S':
            return scope && p == s;
        default:
            return false;
    }
}

TEST(AuthScope, MatrixCoversEveryResource) {
    EXPECT_EQ(kTable.size(), std::size(kAllResources));
    for (Resource resource : kAllResources) {
        EXPECT_TRUE(kTable.contains(resource)) << to_string(resource);
    }
}

TEST(AuthScope, MatrixForEveryRoleResourceActionAndSubject) {
    const auto users = org();
    int checked = 0;
    int granted = 0;
    for (const auto& [resource, row] : kTable) {
        for (std::size_t a = 0; a < std::size(kAllActions); ++a) {
            const Action action = kAllActions[a];
            for (int p = 0; p < kCount; ++p) {
                const auto role_index = static_cast<std::size_t>(users[p].role);
                const char grant = row[role_index][a];
                for (int s = 0; s < kCount; ++s) {
                    const bool want = expected_may(users, p, s, grant);
                    EXPECT_EQ(may(as_principal(users[p]), resource, action, users[s]), want)
                        << users[p].id << " " << to_string(action) << " " << to_string(resource)
                        << " of " << users[s].id;
                    ++checked;
                    granted += want ? 1 : 0;
                }
            }
        }
    }
    EXPECT_EQ(checked, 14 * 5 * kCount * kCount);
    EXPECT_GT(granted, 0);
}

// role_may: whether the role's cell grants anything at all (a route's 403 before loading).
TEST(AuthScope, RoleMayIsTheTableCellNotBeingEmpty) {
    const auto users = org();
    int checked = 0;
    for (const auto& [resource, row] : kTable) {
        for (std::size_t a = 0; a < std::size(kAllActions); ++a) {
            for (Role role : {Role::Admin, Role::Manager, Role::TeamLeader, Role::Agent}) {
                const char grant = row[static_cast<std::size_t>(role)][a];
                EXPECT_EQ(role_may(role, resource, kAllActions[a]), grant != '-')
                    << to_string(role) << " " << to_string(kAllActions[a]) << " "
                    << to_string(resource);
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 14 * 5 * 4);
    EXPECT_FALSE(role_may(Role::Agent, Resource::Teams, Action::Read));
    EXPECT_TRUE(role_may(Role::TeamLeader, Resource::Teams, Action::Read));
    // GET /settings for everyone, PATCH /settings and GET /audit-log for ADMINs only.
    for (Role role : {Role::Admin, Role::Manager, Role::TeamLeader, Role::Agent}) {
        EXPECT_TRUE(role_may(role, Resource::Settings, Action::Read)) << to_string(role);
        EXPECT_EQ(role_may(role, Resource::Settings, Action::Update), role == Role::Admin)
            << to_string(role);
        EXPECT_EQ(role_may(role, Resource::AuditLog, Action::Read), role == Role::Admin)
            << to_string(role);
    }
}

TEST(AuthScope, OutOfScopeIsAlwaysDenied) {
    const auto users = org();
    for (int p = 0; p < kCount; ++p) {
        for (int s = 0; s < kCount; ++s) {
            if (kExpectedScope[p][s] == 1) {
                continue;
            }
            for (Resource resource : kAllResources) {
                for (Action action : kAllActions) {
                    EXPECT_FALSE(may(as_principal(users[p]), resource, action, users[s]))
                        << users[p].id << " " << to_string(action) << " " << to_string(resource)
                        << " of " << users[s].id;
                }
            }
        }
    }
}

TEST(AuthScope, SpotChecks) {
    const auto u = org();
    const Principal admin = as_principal(u[kAdmin]);
    const Principal m1 = as_principal(u[kM1]);
    const Principal tl1 = as_principal(u[kTl1]);
    const Principal a1 = as_principal(u[kA1]);

    // Admin sees and edits soft-deleted users; nobody else does.
    EXPECT_TRUE(may(admin, Resource::Users, Action::Update, u[kD1]));
    EXPECT_FALSE(may(m1, Resource::Users, Action::Read, u[kD1]));
    EXPECT_FALSE(may(tl1, Resource::Sessions, Action::Read, u[kD1]));

    // Managers create/update team leaders and agents in scope, never managers or admins.
    EXPECT_TRUE(may(m1, Resource::Users, Action::Update, u[kTl1]));
    EXPECT_TRUE(may(m1, Resource::Users, Action::Create, u[kA2]));
    EXPECT_FALSE(may(m1, Resource::Users, Action::Update, u[kM1]));
    EXPECT_FALSE(may(m1, Resource::Users, Action::Delete, u[kA1]));
    EXPECT_FALSE(may(m1, Resource::Users, Action::Update, u[kTl2]));

    // Approving a PIP: the agent's manager or an admin, never a team leader.
    EXPECT_TRUE(may(m1, Resource::ActionPlans, Action::Approve, u[kA1]));
    EXPECT_FALSE(may(as_principal(u[kM2]), Resource::ActionPlans, Action::Approve, u[kA1]));
    EXPECT_FALSE(may(tl1, Resource::ActionPlans, Action::Approve, u[kA1]));
    EXPECT_TRUE(may(tl1, Resource::ActionPlans, Action::Create, u[kA1]));
    EXPECT_TRUE(may(admin, Resource::ActionPlans, Action::Approve, u[kA3]));
    // Approve means nothing outside action plans, even for an admin.
    EXPECT_FALSE(may(admin, Resource::Sessions, Action::Approve, u[kA1]));

    // Team leaders work on their own agents only; their own rows are read-only in users.
    EXPECT_TRUE(may(tl1, Resource::QuickNotes, Action::Create, u[kA1]));
    EXPECT_FALSE(may(tl1, Resource::QuickNotes, Action::Create, u[kA3]));
    EXPECT_FALSE(may(tl1, Resource::Sessions, Action::Create, u[kTl1]));
    EXPECT_TRUE(may(tl1, Resource::Effectiveness, Action::Read, u[kTl1]));
    EXPECT_FALSE(may(tl1, Resource::Users, Action::Update, u[kTl1]));
    EXPECT_FALSE(may(tl1, Resource::Imports, Action::Read, u[kTl1]));

    // Managers only read quick notes.
    EXPECT_TRUE(may(m1, Resource::QuickNotes, Action::Read, u[kA1]));
    EXPECT_FALSE(may(m1, Resource::QuickNotes, Action::Update, u[kA1]));

    // Agents: own rows, read mostly, update own user, action items and profile.
    EXPECT_TRUE(may(a1, Resource::Metrics, Action::Read, u[kA1]));
    EXPECT_FALSE(may(a1, Resource::Metrics, Action::Update, u[kA1]));
    EXPECT_TRUE(may(a1, Resource::ActionItems, Action::Update, u[kA1]));
    EXPECT_FALSE(may(a1, Resource::ActionItems, Action::Create, u[kA1]));
    EXPECT_TRUE(may(a1, Resource::Profiles, Action::Update, u[kA1]));
    EXPECT_FALSE(may(a1, Resource::Profiles, Action::Read, u[kA2]));
    EXPECT_FALSE(may(a1, Resource::QuickNotes, Action::Read, u[kA1]));
    EXPECT_FALSE(may(a1, Resource::Effectiveness, Action::Read, u[kA1]));

    // System-wide resources: the caller passes itself as target.
    EXPECT_TRUE(may(m1, Resource::Settings, Action::Read, u[kM1]));
    EXPECT_FALSE(may(m1, Resource::Settings, Action::Update, u[kM1]));
    EXPECT_FALSE(may(tl1, Resource::AuditLog, Action::Read, u[kTl1]));
    EXPECT_TRUE(may(admin, Resource::Jobs, Action::Create, u[kAdmin]));
    // Every role reads the settings (the web app shows dates in the organisation's zone);
    // only an ADMIN changes them. Only an ADMIN reads the audit log.
    EXPECT_TRUE(may(tl1, Resource::Settings, Action::Read, u[kTl1]));
    EXPECT_TRUE(may(a1, Resource::Settings, Action::Read, u[kA1]));
    EXPECT_TRUE(may(admin, Resource::Settings, Action::Update, u[kAdmin]));
    EXPECT_FALSE(may(a1, Resource::Settings, Action::Update, u[kA1]));
    EXPECT_FALSE(may(m1, Resource::AuditLog, Action::Read, u[kM1]));
    EXPECT_TRUE(may(admin, Resource::AuditLog, Action::Read, u[kAdmin]));
}

TEST(AuthScope, CreateChecksTheProposedRecord) {
    const Principal m1{"m1", Role::Manager};
    // A new agent (no id yet) placed under tl1, whose manager is m1.
    const Subject new_agent{"", Role::Agent, "tl1", std::nullopt, "m1", false};
    EXPECT_TRUE(may(m1, Resource::Users, Action::Create, new_agent));
    // The same agent placed under tl2 (manager m2) is out of m1's reach.
    const Subject elsewhere{"", Role::Agent, "tl2", std::nullopt, "m2", false};
    EXPECT_FALSE(may(m1, Resource::Users, Action::Create, elsewhere));
    // A new team leader reporting to m1.
    const Subject new_tl{"", Role::TeamLeader, std::nullopt, "m1", std::nullopt, false};
    EXPECT_TRUE(may(m1, Resource::Users, Action::Create, new_tl));
    // Promoting tl1 to manager: the proposed record is a MANAGER, refused.
    const Subject promoted{"tl1", Role::Manager, std::nullopt, "m1", std::nullopt, false};
    EXPECT_FALSE(may(m1, Resource::Users, Action::Update, promoted));
    const Subject new_admin{"", Role::Admin, std::nullopt, "m1", std::nullopt, false};
    EXPECT_FALSE(may(m1, Resource::Users, Action::Create, new_admin));
}

TEST(AuthScope, HierarchyIsReadByRole) {
    const Principal m1{"m1", Role::Manager};
    const Principal tl1{"tl1", Role::TeamLeader};
    // An agent row with manager_id set directly is not a team leader of m1.
    const Subject odd_agent{"x", Role::Agent, std::nullopt, "m1", std::nullopt, false};
    EXPECT_FALSE(in_scope(m1, odd_agent));
    // A team leader row with team_leader_id = tl1 is not one of tl1's agents.
    const Subject odd_tl{"y", Role::TeamLeader, "tl1", std::nullopt, std::nullopt, false};
    EXPECT_FALSE(in_scope(tl1, odd_tl));
    // A manager whose manager_id points at m1 is not in m1's scope.
    const Subject other_manager{"z", Role::Manager, std::nullopt, "m1", std::nullopt, false};
    EXPECT_FALSE(in_scope(m1, other_manager));
}

TEST(AuthScope, EmptyIdsNeverMatch) {
    const Principal nobody_manager{"", Role::Manager};
    const Principal nobody_tl{"", Role::TeamLeader};
    const Principal nobody_agent{"", Role::Agent};
    const Subject blank{"", Role::Agent, "", "", "", false};
    const Subject blank_tl{"", Role::TeamLeader, "", "", "", false};
    EXPECT_FALSE(in_scope(nobody_manager, blank));
    EXPECT_FALSE(in_scope(nobody_manager, blank_tl));
    EXPECT_FALSE(in_scope(nobody_tl, blank));
    EXPECT_FALSE(in_scope(nobody_agent, blank));
    EXPECT_FALSE(may(nobody_agent, Resource::Users, Action::Read, blank));
}

TEST(AuthScope, EditableFieldLists) {
    using V = std::vector<std::string_view>;
    EXPECT_EQ(agent_self_editable_user_fields(), (V{"phone", "avatar_url", "timezone"}));
    EXPECT_EQ(agent_self_editable_profile_fields(),
              (V{"career_aspirations", "personal_goals", "preferred_feedback_method",
                 "peer_comparison_opt_in"}));
    const V item_fields = agent_self_editable_action_item_fields();
    EXPECT_NE(std::find(item_fields.begin(), item_fields.end(), "progress_percentage"),
              item_fields.end());
    // Agents never touch hierarchy, role, status or verification through these lists.
    for (const V& fields :
         {agent_self_editable_user_fields(), agent_self_editable_profile_fields(), item_fields}) {
        for (std::string_view forbidden :
             {"role", "team_leader_id", "manager_id", "status", "email", "password_hash",
              "verified_by", "deleted_at", "percentile_ranking"}) {
            EXPECT_EQ(std::find(fields.begin(), fields.end(), forbidden), fields.end())
                << forbidden;
        }
    }
}

// Listing soft-deleted users goes with seeing them: only the roles whose scope holds d1.
TEST(AuthScope, MayListDeletedIsSeeingDeletedUsers) {
    const auto users = org();
    for (Role role : {Role::Admin, Role::Manager, Role::TeamLeader, Role::Agent}) {
        bool sees_a_deleted_user = false;
        for (const Subject& who : users) {
            if (who.role == role) {
                sees_a_deleted_user =
                    sees_a_deleted_user || in_scope(as_principal(who), users[kD1]);
            }
        }
        EXPECT_EQ(may_list_deleted(role), sees_a_deleted_user) << static_cast<int>(role);
    }
    EXPECT_TRUE(may_list_deleted(Role::Admin));
    EXPECT_FALSE(may_list_deleted(Role::Manager));
    EXPECT_FALSE(may_list_deleted(Role::TeamLeader));
    EXPECT_FALSE(may_list_deleted(Role::Agent));
}

TEST(AuthScope, UserFieldsMayChange) {
    using V = std::vector<std::string_view>;
    const auto users = org();
    // An AGENT: their own contact fields on their own row, nothing on anyone else's.
    EXPECT_EQ(user_fields_may_change(as_principal(users[kA1]), users[kA1]),
              agent_self_editable_user_fields());
    EXPECT_EQ(user_fields_may_change(as_principal(users[kA1]), users[kA2]), V{});
    EXPECT_EQ(user_fields_may_change(as_principal(users[kA1]), users[kTl1]), V{});
    // Every other role: no column limit (may(Update) decides), on any target.
    for (Who who : {kAdmin, kM1, kTl1}) {
        for (const Subject& target : users) {
            EXPECT_EQ(user_fields_may_change(as_principal(users[who]), target), std::nullopt)
                << users[who].id << " on " << target.id;
        }
    }
}

TEST(AuthScope, NamesForLogs) {
    EXPECT_EQ(to_string(Resource::QuickNotes), "quick_notes");
    EXPECT_EQ(to_string(Resource::AuditLog), "audit_log");
    EXPECT_EQ(to_string(Action::Approve), "approve");
    for (Resource resource : kAllResources) {
        EXPECT_FALSE(to_string(resource).empty());
    }
    for (Action action : kAllActions) {
        EXPECT_FALSE(to_string(action).empty());
    }
}

}  // namespace
}  // namespace coach::auth

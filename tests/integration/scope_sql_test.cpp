// The permission table's SQL twins (migration 0016: coach_may; the piece auth/reaches with
// auth::list_reach, through the users list that uses it) and its C++ form (auth::may,
// auth/scope.cpp) must agree on every (viewer, user) pair of an organisation, for every
// resource and every action.
#include "auth/scope_sql.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "support/test_server.hpp"
#include "users/sql.hpp"

#include <gtest/gtest.h>

#include <set>

namespace coach::test {
namespace {

struct Everyone {
    db::PgResult rows;
    std::vector<auth::Subject> subjects;
};

// Create_org's users plus a team leader without manager, an agent without team leader and a
// deleted agent.
Everyone everyone(TestDatabase& db) {
    Org o = create_org(db);
    db.exec(
        "INSERT INTO users (email, name, role, password_hash, team_leader_id, deleted_at) VALUES "
        "('lonely.tl@org.test', 'L', 'TEAM_LEADER', 'x', NULL, NULL), "
        "('lonely.a@org.test', 'L', 'AGENT', 'x', NULL, NULL), "
        "('gone.a@org.test', 'G', 'AGENT', 'x', $1, now())",
        db::params(o.tl1));
    Everyone e{db.exec("SELECT * FROM user_subjects ORDER BY subject_id"), {}};
    const auth::SubjectColumns cols(e.rows);
    for (int i = 0; i < e.rows.rows(); ++i)
        e.subjects.push_back(auth::subject_at(e.rows, i, cols));
    return e;
}

std::vector<std::string> names_of_resources() {
    std::vector<std::string> out;
    for (auth::Resource r : auth::kAllResources)
        out.emplace_back(auth::to_string(r));
    return out;
}

std::vector<std::string> names_of_actions() {
    std::vector<std::string> out;
    for (auth::Action a : auth::kAllActions)
        out.emplace_back(auth::to_string(a));
    return out;
}

TEST(ScopeSql, CoachMayAgreesWithMayForEveryPairResourceAndAction) {
    TestDatabase db;
    Everyone e = everyone(db);
    ASSERT_EQ(e.subjects.size(), 12u);
    // Per viewer, every (target, resource, action) in one statement.
    const std::string sql = R"sql(
SELECT s.subject_id, r.resource, a.action,
       coalesce(coach_may($1, $2, r.resource, a.action, s.subject_id, s.subject_role,
                          s.subject_team_leader_id, s.subject_manager_id,
                          s.subject_team_leaders_manager_id, s.subject_deleted), false)
  FROM user_subjects s, unnest($3::text[]) r(resource), unnest($4::text[]) a(action))sql";
    const std::string resources = db::text_array(names_of_resources());
    const std::string actions = db::text_array(names_of_actions());
    int checked = 0, granted = 0;
    for (const auth::Subject& viewer : e.subjects) {
        if (viewer.deleted)
            continue;
        const auth::Principal p{viewer.id, viewer.role};
        auto r = db.exec(sql, db::params(p.id, auth::to_string(p.role), resources, actions));
        std::set<std::string> from_sql;
        for (int i = 0; i < r.rows(); ++i)
            if (r.get_bool(i, 3))
                from_sql.insert(std::string(r.get(i, 0)) + " " + std::string(r.get(i, 1)) + " " +
                                std::string(r.get(i, 2)));
        for (const auth::Subject& target : e.subjects)
            for (auth::Resource resource : auth::kAllResources)
                for (auth::Action action : auth::kAllActions) {
                    const bool want = auth::may(p, resource, action, target);
                    const std::string key = target.id + " " +
                                            std::string(auth::to_string(resource)) + " " +
                                            std::string(auth::to_string(action));
                    EXPECT_EQ(from_sql.contains(key), want)
                        << auth::to_string(p.role) << " " << p.id << " " << key;
                    ++checked;
                    granted += want ? 1 : 0;
                }
    }
    // 10 live viewers x 12 users x every resource and action.
    EXPECT_EQ(
        checked,
        10 * 12 * static_cast<int>(std::size(auth::kAllResources) * std::size(auth::kAllActions)));
    EXPECT_GT(granted, 0);
}

// The users list with no filter, deleted users included: exactly the users the piece
// auth/reaches lets viewer `p` see with `reach`.
db::Params every_user_reached(const auth::Principal& p, std::string_view reach) {
    const std::optional<std::string> none;
    return db::params(p.id, reach, none, none, none, none, none, none, true, none, none, 1000);
}

TEST(ScopeSql, ListReachIsMayReadForEveryPairAndResource) {
    TestDatabase db;
    Everyone e = everyone(db);
    int checked = 0, granted = 0;
    std::set<std::string_view> reaches;
    for (const auth::Subject& viewer : e.subjects) {
        if (viewer.deleted)
            continue;
        const auth::Principal p{viewer.id, viewer.role};
        for (auth::Resource resource : auth::kAllResources) {
            const std::string_view reach = auth::list_reach(p.role, resource);
            reaches.insert(reach);
            auto r = db.exec(std::string(users::sql::list_users), every_user_reached(p, reach));
            std::set<std::string> from_sql;
            for (int i = 0; i < r.rows(); ++i)
                from_sql.insert(std::string(r.get(i, db::column(r, "id"))));
            for (const auth::Subject& target : e.subjects) {
                const bool want = auth::may(p, resource, auth::Action::Read, target);
                EXPECT_EQ(from_sql.contains(target.id), want)
                    << auth::to_string(p.role) << " " << p.id << " " << auth::to_string(resource)
                    << " (" << reach << ") of " << target.id;
                ++checked;
                granted += want ? 1 : 0;
            }
        }
    }
    EXPECT_EQ(checked, 10 * 12 * static_cast<int>(std::size(auth::kAllResources)));
    EXPECT_GT(granted, 0);
    // Every branch of the piece is exercised.
    EXPECT_EQ(reaches,
              (std::set<std::string_view>{"all", "managed", "team", "own_agents", "self", "none"}));
}

// The piece is written so that, with the reach known when the statement is planned, only its
// branch is left and what remains can use an index. A change that stops the folding fails here.
TEST(ScopeSql, ReachFoldsToItsBranchWhenPlanned) {
    TestDatabase db;
    Org o = create_org(db);
    const auth::Principal tl{o.tl1, auth::Role::TeamLeader};
    auto plan = db.exec("EXPLAIN (COSTS OFF) " + std::string(users::sql::list_users),
                        every_user_reached(tl, auth::list_reach(tl.role, auth::Resource::Users)));
    std::string text;
    for (int i = 0; i < plan.rows(); ++i)
        text += std::string(plan.get(i, 0)) + "\n";
    EXPECT_EQ(text.find("CASE"), std::string::npos) << text;
    // Only the team leader's branch is left: self and its own agents, by team_leader_id.
    EXPECT_NE(text.find("team_leader_id = '" + o.tl1 + "'"), std::string::npos) << text;
    EXPECT_EQ(text.find("MANAGER"), std::string::npos) << text;
    // The manager's branch, the only one with a subquery, is gone.
    EXPECT_EQ(text.find("SubPlan"), std::string::npos) << text;
}

}  // namespace
}  // namespace coach::test

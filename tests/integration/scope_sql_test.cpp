// The SQL scope predicate (list queries) and the pure scope rules (single rows) must agree on
// every (viewer, user) pair of an organisation.
#include "auth/scope_sql.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <set>

namespace coach::test {
namespace {

TEST(ScopeSql, PredicateAgreesWithInScopeForEveryPair) {
    TestDatabase db;
    Org o = create_org(db);
    // An extra twist: a team leader without manager and an agent without team leader.
    db.exec(
        "INSERT INTO users (email, name, role, password_hash) VALUES "
        "('lonely.tl@org.test', 'L', 'TEAM_LEADER', 'x'), ('lonely.a@org.test', 'L', 'AGENT', "
        "'x')");
    auto all = db.exec(
        "SELECT u.id, u.role, u.team_leader_id, u.manager_id, tl.manager_id, "
        "u.deleted_at IS NOT NULL FROM users u LEFT JOIN users tl ON tl.id = u.team_leader_id "
        "ORDER BY u.id");
    ASSERT_EQ(all.rows(), 11);
    const std::string sql =
        "SELECT u.id FROM users u WHERE " + auth::scope_predicate("$1", "$2") + " ORDER BY u.id";
    int checked = 0;
    for (int v = 0; v < all.rows(); ++v) {
        auth::Subject viewer = auth::subject_from_row(all, v);
        if (viewer.deleted)
            continue;
        auth::Principal p{viewer.id, viewer.role};
        auto visible = db.exec(sql, db::params(p.id, auth::to_string(p.role)));
        std::set<std::string> from_sql;
        for (int i = 0; i < visible.rows(); ++i)
            from_sql.insert(std::string(visible.get(i, 0)));
        for (int t = 0; t < all.rows(); ++t) {
            auth::Subject target = auth::subject_from_row(all, t);
            EXPECT_EQ(from_sql.contains(target.id), auth::in_scope(p, target))
                << auth::to_string(p.role) << " " << p.id << " -> " << target.id;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 10 * 11);  // every live viewer against every user
}

}  // namespace
}  // namespace coach::test

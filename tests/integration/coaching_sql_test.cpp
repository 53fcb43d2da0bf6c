// method_evidence (migration 0024), the aggregate session prep reads its method evidence from,
// against the same aggregate computed from coaching_effectiveness after every kind of write.
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

constexpr const char* kLive = R"sql(
SELECT primary_issue, intervention_method, count(*)::text, sum(improvement_percentage)::text
  FROM coaching_effectiveness
 WHERE improvement_percentage IS NOT NULL
   AND primary_issue IS NOT NULL AND intervention_method IS NOT NULL
 GROUP BY 1, 2 ORDER BY 1, 2)sql";
constexpr const char* kKept = R"sql(
SELECT primary_issue, intervention_method, sessions::text, total_improvement::text
  FROM method_evidence WHERE sessions > 0 ORDER BY 1, 2)sql";

std::vector<std::vector<std::string>> rows_of(TestDatabase& db, const char* sql) {
    auto r = db.exec(sql);
    std::vector<std::vector<std::string>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({std::string(r.get(i, 0)), std::string(r.get(i, 1)), std::string(r.get(i, 2)),
                       std::string(r.get(i, 3))});
    return out;
}

TEST(CoachingSql, MethodEvidenceFollowsEveryWriteOfTheRecords) {
    TestDatabase db;
    Org o = create_org(db);
    auto same = [&](const char* step) {
        EXPECT_EQ(rows_of(db, kKept), rows_of(db, kLive)) << step;
    };
    same("start");
    // One statement of several records: two keys, one unmeasured, one without a method.
    db.exec(
        "INSERT INTO coaching_effectiveness (agent_id, team_leader_id, primary_issue, "
        "intervention_method, improvement_percentage) VALUES "
        "($1, $2, 'Quality', 'Shadowing', 5.5), ($1, $2, 'Quality', 'Shadowing', -1.5), "
        "($1, $2, 'AHT', 'Role-play', 3), ($1, $2, 'AHT', 'Role-play', NULL), "
        "($1, $2, 'AHT', NULL, 8)",
        db::params(o.a1, o.tl1));
    same("inserted");
    EXPECT_EQ(rows_of(db, kKept).size(), 2u);
    // Measured later (NULL -> a figure), re-measured (a figure -> another), moved to another
    // method, unmeasured again.
    db.exec(
        "UPDATE coaching_effectiveness SET improvement_percentage = 4 "
        "WHERE improvement_percentage IS NULL");
    same("measured");
    db.exec(
        "UPDATE coaching_effectiveness SET improvement_percentage = 2.25 "
        "WHERE improvement_percentage = 5.5");
    same("re-measured");
    db.exec(
        "UPDATE coaching_effectiveness SET intervention_method = 'Call review' "
        "WHERE improvement_percentage = 3");
    same("method changed");
    db.exec(
        "UPDATE coaching_effectiveness SET improvement_percentage = NULL "
        "WHERE improvement_percentage = -1.5");
    same("unmeasured");
    db.exec("DELETE FROM coaching_effectiveness WHERE primary_issue = 'AHT'");
    same("deleted");
    EXPECT_EQ(rows_of(db, kKept),
              (std::vector<std::vector<std::string>>{{"Quality", "Shadowing", "1", "2.25"}}));
}

}  // namespace
}  // namespace coach::test

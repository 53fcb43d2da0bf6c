// /api/v1/users for every role, in and out of scope; hierarchy rules; audit; pagination.
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <set>
#include <thread>

namespace coach::test {
namespace {
namespace json = boost::json;

class UsersApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "a1", "a2", "a3"})
            (*tokens_)[who] = login(*server_, std::string(who) + "@org.test");
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_->clear();
    }
    static HttpResult as(const std::string& who, const std::string& method,
                         const std::string& target, const std::string& body = {}) {
        return server_->as(tokens_->at(who), method, target, body);
    }
    // ids of every item of the collection at `target`, following next_cursor.
    static std::set<std::string> ids(const std::string& who, const std::string& target) {
        std::set<std::string> out;
        for (const auto& item : all_items(*server_, tokens_->at(who), target))
            out.insert(std::string(item.at("id").as_string()));
        return out;
    }
    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
};
TestServer* UsersApi::server_ = nullptr;
Org* UsersApi::org_ = nullptr;
std::map<std::string, std::string>* UsersApi::tokens_ = new std::map<std::string, std::string>();

TEST_F(UsersApi, ListShowsExactlyTheCallersScope) {
    const Org& o = *org_;
    EXPECT_EQ(ids("admin", "/api/v1/users"),
              (std::set<std::string>{o.admin, o.m1, o.m2, o.tl1, o.tl2, o.a1, o.a2, o.a3}));
    EXPECT_EQ(ids("m1", "/api/v1/users"), (std::set<std::string>{o.m1, o.tl1, o.a1, o.a2}));
    EXPECT_EQ(ids("m2", "/api/v1/users"), (std::set<std::string>{o.m2, o.tl2, o.a3}));
    EXPECT_EQ(ids("tl1", "/api/v1/users"), (std::set<std::string>{o.tl1, o.a1, o.a2}));
    EXPECT_EQ(ids("a3", "/api/v1/users"), (std::set<std::string>{o.a3}));
    // Soft-deleted users only for an admin who asks for them.
    EXPECT_TRUE(ids("admin", "/api/v1/users?include_deleted=true").contains(o.gone));
    EXPECT_FALSE(ids("tl1", "/api/v1/users?include_deleted=true").contains(o.gone));
}

TEST_F(UsersApi, ListFiltersAndSearch) {
    const Org& o = *org_;
    EXPECT_EQ(ids("admin", "/api/v1/users?role=AGENT"), (std::set<std::string>{o.a1, o.a2, o.a3}));
    EXPECT_EQ(ids("admin", "/api/v1/users?team_leader_id=" + o.tl1),
              (std::set<std::string>{o.a1, o.a2}));
    EXPECT_EQ(ids("admin", "/api/v1/users?manager_id=" + o.m2), (std::set<std::string>{o.tl2}));
    EXPECT_EQ(ids("admin", "/api/v1/users?q=ann"), (std::set<std::string>{o.a1}));
    EXPECT_EQ(ids("admin", "/api/v1/users?q=E3"), (std::set<std::string>{o.a3}));
    EXPECT_EQ(ids("admin", "/api/v1/users?q=%25"), (std::set<std::string>{}));  // literal %
    auto bad =
        as("admin", "GET", "/api/v1/users?role=KING&team_leader_id=x&include_deleted=yes&limit=0");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json().at("error").at("details"),
              json::parse(R"([{"field":"role","message":"must be one of ADMIN, MANAGER, )"
                          R"(TEAM_LEADER, AGENT"},{"field":"team_leader_id","message":"must be )"
                          R"(a UUID"},{"field":"include_deleted","message":"must be one of )"
                          R"(true, false"},{"field":"limit","message":"must be an integer )"
                          R"(between 1 and 500"}])"))
        << bad.body;
    EXPECT_EQ(as("admin", "GET", "/api/v1/users?cursor=garbage").status, 422);
}

TEST_F(UsersApi, KeysetPaginationVisitsEveryoneOnce) {
    auto first = as("admin", "GET", "/api/v1/users?limit=3");
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.json().at("items").as_array().size(), 3u);
    EXPECT_TRUE(first.json().at("next_cursor").is_string());
    EXPECT_EQ(ids("admin", "/api/v1/users?limit=3").size(), 8u);
    EXPECT_EQ(ids("admin", "/api/v1/users?limit=1").size(), 8u);
}

TEST_F(UsersApi, GetIsScopedAndOutOfScopeIs404) {
    const Org& o = *org_;
    auto own = as("tl1", "GET", "/api/v1/users/" + o.a1);
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.json().at("email").as_string(), "a1@org.test");
    EXPECT_FALSE(own.json().as_object().contains("password_hash"));
    EXPECT_FALSE(own.json().as_object().contains("password_reset_token"));
    EXPECT_EQ(as("tl1", "GET", "/api/v1/users/" + o.a3).status, 404);
    EXPECT_EQ(as("m1", "GET", "/api/v1/users/" + o.a3).status, 404);
    EXPECT_EQ(as("m1", "GET", "/api/v1/users/" + o.a2).status, 200);
    EXPECT_EQ(as("a1", "GET", "/api/v1/users/" + o.a2).status, 404);
    EXPECT_EQ(as("a1", "GET", "/api/v1/users/" + o.a1).status, 200);
    EXPECT_EQ(as("tl1", "GET", "/api/v1/users/" + o.gone).status, 404);
    EXPECT_EQ(as("admin", "GET", "/api/v1/users/" + o.gone).status, 200);
    EXPECT_EQ(as("admin", "GET", "/api/v1/users/00000000-0000-0000-0000-000000000000").status, 404);
}

TEST_F(UsersApi, ManagerCreatesAgentsInScopeOnly) {
    const Org& o = *org_;
    auto ok = as("m1", "POST", "/api/v1/users",
                 json::serialize(json::object{{"email", "new.agent@org.test"},
                                              {"name", "New Agent"},
                                              {"role", "AGENT"},
                                              {"team_leader_id", o.tl1},
                                              {"password", "a long password"}}));
    ASSERT_EQ(ok.status, 201) << ok.body;
    std::string id(ok.json().at("id").as_string());
    EXPECT_EQ(ok.headers["location"], "/api/v1/users/" + id);
    EXPECT_EQ(ok.json().at("status").as_string(), "ACTIVE");
    RequestOptions login_body;
    login_body.body = R"({"email": "new.agent@org.test", "password": "a long password"})";
    EXPECT_EQ(server_->request("POST", "/api/v1/auth/login", login_body).status, 200);

    auto other_team = as("m1", "POST", "/api/v1/users",
                         json::serialize(json::object{{"email", "x1@org.test"},
                                                      {"name", "X"},
                                                      {"role", "AGENT"},
                                                      {"team_leader_id", o.tl2}}));
    // Another manager's team leader is answered as nobody: the same 422 as an unknown id, so
    // the answer does not tell that the id exists.
    EXPECT_EQ(other_team.status, 422) << other_team.body;
    auto nobody = as(
        "m1", "POST", "/api/v1/users",
        json::serialize(json::object{
            {"email", "x1@org.test"}, {"name", "X"}, {"role", "AGENT"}, {"team_leader_id", o.a3}}));
    EXPECT_EQ(nobody.body, other_team.body);  // an agent out of scope: not "must be a TL"
    auto unknown = as(
        "m1", "POST", "/api/v1/users",
        json::serialize(json::object{{"email", "x1@org.test"},
                                     {"name", "X"},
                                     {"role", "AGENT"},
                                     {"team_leader_id", "00000000-0000-4000-8000-000000000000"}}));
    EXPECT_EQ(unknown.body, other_team.body);
    auto a_manager = as("m1", "POST", "/api/v1/users",
                        R"({"email": "x2@org.test", "name": "X", "role": "MANAGER"})");
    EXPECT_EQ(a_manager.status, 403);
    EXPECT_EQ(as("tl1", "POST", "/api/v1/users",
                 R"({"email": "x3@org.test", "name": "X", "role": "AGENT"})")
                  .status,
              403);
    EXPECT_EQ(as("a1", "POST", "/api/v1/users",
                 R"({"email": "x4@org.test", "name": "X", "role": "AGENT"})")
                  .status,
              403);
}

TEST_F(UsersApi, HierarchyIsValidated) {
    const Org& o = *org_;
    auto agent_under_manager = as(
        "admin", "POST", "/api/v1/users",
        json::serialize(json::object{
            {"email", "h1@org.test"}, {"name", "H"}, {"role", "AGENT"}, {"team_leader_id", o.m1}}));
    EXPECT_EQ(agent_under_manager.status, 422);
    EXPECT_EQ(agent_under_manager.json().at("error").at("details").at(0).at("message").as_string(),
              "must refer to a TEAM_LEADER");
    auto tl_with_tl = as("admin", "POST", "/api/v1/users",
                         json::serialize(json::object{{"email", "h2@org.test"},
                                                      {"name", "H"},
                                                      {"role", "TEAM_LEADER"},
                                                      {"manager_id", o.m1},
                                                      {"team_leader_id", o.tl1}}));
    EXPECT_EQ(tl_with_tl.status, 422);
    auto unknown = as(
        "admin", "POST", "/api/v1/users",
        json::serialize(json::object{{"email", "h3@org.test"},
                                     {"name", "H"},
                                     {"role", "AGENT"},
                                     {"team_leader_id", "11111111-1111-1111-1111-111111111111"}}));
    EXPECT_EQ(unknown.status, 422);
    auto self = as("admin", "PATCH", "/api/v1/users/" + o.tl1,
                   json::serialize(json::object{{"manager_id", o.tl1}}));
    EXPECT_EQ(self.status, 422);
    // A team leader with agents cannot become an agent (the agents would be orphaned).
    auto demote =
        as("admin", "PATCH", "/api/v1/users/" + o.tl1, R"({"role": "AGENT", "manager_id": null})");
    EXPECT_EQ(demote.status, 409) << demote.body;
}

TEST_F(UsersApi, DuplicateEmailOrEmployeeIdIs409) {
    auto dup = as("admin", "POST", "/api/v1/users",
                  R"({"email": "A1@ORG.TEST", "name": "Copy", "role": "ADMIN"})");
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(dup.json().at("error").at("details").at(0).at("field").as_string(), "email");
    auto dup_emp = as("admin", "POST", "/api/v1/users",
                      R"({"email": "e@org.test", "name": "Copy", "role": "ADMIN",
                          "employee_id": "E1"})");
    EXPECT_EQ(dup_emp.status, 409);
    EXPECT_EQ(dup_emp.json().at("error").at("details").at(0).at("field").as_string(),
              "employee_id");
}

TEST_F(UsersApi, PatchRulesPerRole) {
    const Org& o = *org_;
    auto own_phone = as("a1", "PATCH", "/api/v1/users/" + o.a1, R"({"phone": "555-0101"})");
    ASSERT_EQ(own_phone.status, 200) << own_phone.body;
    EXPECT_EQ(own_phone.json().at("phone").as_string(), "555-0101");
    // A link the web app shows: http(s) only, never a script.
    for (const char* bad : {"javascript:alert(1)", "data:text/html,x", "/relative.png", "https://"})
        EXPECT_EQ(as("a1", "PATCH", "/api/v1/users/" + o.a1,
                     json::serialize(json::object{{"avatar_url", bad}}))
                      .status,
                  422)
            << bad;
    auto avatar = as("a1", "PATCH", "/api/v1/users/" + o.a1,
                     R"({"avatar_url": "https://cdn.example.com/a1.png"})");
    ASSERT_EQ(avatar.status, 200) << avatar.body;
    EXPECT_EQ(avatar.json().at("avatar_url").as_string(), "https://cdn.example.com/a1.png");
    EXPECT_EQ(as("a1", "PATCH", "/api/v1/users/" + o.a1, R"({"name": "Queen Ann"})").status, 403);
    EXPECT_EQ(as("a1", "PATCH", "/api/v1/users/" + o.a2, R"({"phone": "1"})").status, 404);
    EXPECT_EQ(as("tl1", "PATCH", "/api/v1/users/" + o.a1, R"({"phone": "1"})").status, 403);
    auto manager = as("m1", "PATCH", "/api/v1/users/" + o.a2, R"({"department": "Billing"})");
    EXPECT_EQ(manager.status, 200);
    EXPECT_EQ(manager.json().at("department").as_string(), "Billing");
    // Moving an agent to another manager's team leader leaves the manager's scope: refused,
    // as a move to nobody.
    auto away = as("m1", "PATCH", "/api/v1/users/" + o.a2,
                   json::serialize(json::object{{"team_leader_id", o.tl2}}));
    EXPECT_EQ(away.status, 422);
    EXPECT_EQ(away.body, as("m1", "PATCH", "/api/v1/users/" + o.a2,
                            R"({"team_leader_id": "00000000-0000-4000-8000-000000000000"})")
                             .body);
    EXPECT_EQ(as("m1", "PATCH", "/api/v1/users/" + o.m1, R"({"phone": "1"})").status, 403);
    auto clear = as("admin", "PATCH", "/api/v1/users/" + o.a2, R"({"department": null})");
    EXPECT_TRUE(clear.json().at("department").is_null());
    EXPECT_EQ(as("admin", "PATCH", "/api/v1/users/" + o.a2, R"({"name": null})").status, 422);
    EXPECT_EQ(as("admin", "PATCH", "/api/v1/users/" + o.a2, R"({})").status, 422);
    EXPECT_EQ(as("admin", "PATCH", "/api/v1/users/" + o.a2, R"({"password": "x"})").status, 422);
}

TEST_F(UsersApi, MutationsAreAudited) {
    const Org& o = *org_;
    ASSERT_EQ(as("admin", "PATCH", "/api/v1/users/" + o.a3, R"({"shift_pattern": "Night"})").status,
              200);
    auto a = server_->db().exec(
        "SELECT actor_id, before->>'shift_pattern', after->>'shift_pattern', request_id, ip "
        "FROM audit_log WHERE action = 'user.update' AND entity_id = $1::uuid",
        db::params(o.a3));
    ASSERT_EQ(a.rows(), 1);
    EXPECT_EQ(a.get(0, 0), o.admin);
    EXPECT_TRUE(a.is_null(0, 1));
    EXPECT_EQ(a.get(0, 2), "Night");
    EXPECT_EQ(a.get(0, 3).size(), 16u);
    EXPECT_EQ(a.get(0, 4), "127.0.0.1");
    auto passwords = server_->db().exec(
        "SELECT count(*) FROM audit_log WHERE after::text LIKE '%password%' "
        "OR before::text LIKE '%password%'");
    EXPECT_EQ(passwords.get_int(0, 0), 0);
}

TEST_F(UsersApi, DeleteIsAdminOnlySoftAndRefusedWithReports) {
    const Org& o = *org_;
    auto created = as("admin", "POST", "/api/v1/users",
                      json::serialize(json::object{{"email", "temp@org.test"},
                                                   {"name", "Temp"},
                                                   {"role", "AGENT"},
                                                   {"team_leader_id", o.tl2}}));
    ASSERT_EQ(created.status, 201);
    std::string id(created.json().at("id").as_string());
    EXPECT_EQ(as("m2", "DELETE", "/api/v1/users/" + id).status, 403);
    EXPECT_EQ(as("admin", "DELETE", "/api/v1/users/" + o.tl2).status, 409);    // has agents
    EXPECT_EQ(as("admin", "DELETE", "/api/v1/users/" + o.admin).status, 409);  // self
    EXPECT_EQ(as("admin", "DELETE", "/api/v1/users/" + id).status, 204);
    EXPECT_EQ(as("admin", "DELETE", "/api/v1/users/" + id).status, 409);
    EXPECT_EQ(as("m2", "GET", "/api/v1/users/" + id).status, 404);
    auto row = server_->db().exec("SELECT deleted_at IS NOT NULL FROM users WHERE id = $1::uuid",
                                  db::params(id));
    EXPECT_TRUE(row.get_bool(0, 0));  // soft: the row stays
}

// Two changes racing on the hierarchy: each request reads what it checks and writes in one
// transaction, the rows it depends on locked, so the rule "nobody reports to a deleted user"
// holds whichever commits first. The other change is played by a second connection that holds
// its locks until the request is seen waiting for them.
class UsersRace : public UsersApi {
  protected:
    static bool request_waits_for(db::SyncConnection& holder) {
        return test::request_waits_for(server_->db(), holder);
    }
    static std::string create(const std::string& body) {
        auto r = as("admin", "POST", "/api/v1/users", body);
        EXPECT_EQ(r.status, 201) << r.body;
        return std::string(r.json().at("id").as_string());
    }
    static std::string team_leader_of(const std::string& id) {
        auto r = server_->db().exec(
            "SELECT coalesce(team_leader_id::text, '') FROM users WHERE id = $1::uuid",
            db::params(id));
        return std::string(r.get(0, 0));
    }
};

// The team leader is being deleted (that transaction got there first) while an agent is moved
// to them: the move waits, then sees the deletion and is refused.
TEST_F(UsersRace, MovingAnAgentToATeamLeaderBeingDeletedIsRefused) {
    const Org& o = *org_;
    std::string tl = create(json::serialize(json::object{{"email", "race.tl1@org.test"},
                                                         {"name", "Race TL"},
                                                         {"role", "TEAM_LEADER"},
                                                         {"manager_id", o.m1}}));
    std::string agent = create(json::serialize(json::object{{"email", "race.a1@org.test"},
                                                            {"name", "Race A"},
                                                            {"role", "AGENT"},
                                                            {"team_leader_id", o.tl1}}));

    auto holder = server_->db().conn().sibling();
    ASSERT_TRUE(holder) << holder.error().message;
    ASSERT_TRUE(holder->exec("BEGIN"));
    ASSERT_TRUE(
        holder->exec("SELECT id FROM users WHERE id = $1::uuid FOR UPDATE", db::params(tl)));
    ASSERT_TRUE(
        holder->exec("UPDATE users SET deleted_at = now() WHERE id = $1::uuid", db::params(tl)));
    auto move = std::async(std::launch::async, [&] {
        return as("admin", "PATCH", "/api/v1/users/" + agent,
                  json::serialize(json::object{{"team_leader_id", tl}}));
    });
    EXPECT_TRUE(request_waits_for(*holder));
    ASSERT_TRUE(holder->exec("COMMIT"));
    auto moved = move.get();
    EXPECT_EQ(moved.status, 422) << moved.body;
    EXPECT_EQ(team_leader_of(agent), o.tl1);
}

// An agent is being moved to the team leader (that transaction got there first) while the
// team leader is deleted: the deletion waits, then counts the new report and is refused.
TEST_F(UsersRace, DeletingATeamLeaderWhileAnAgentMovesToThemIsRefused) {
    const Org& o = *org_;
    std::string tl = create(json::serialize(json::object{{"email", "race.tl2@org.test"},
                                                         {"name", "Race TL 2"},
                                                         {"role", "TEAM_LEADER"},
                                                         {"manager_id", o.m1}}));
    std::string agent = create(json::serialize(json::object{{"email", "race.a2@org.test"},
                                                            {"name", "Race A 2"},
                                                            {"role", "AGENT"},
                                                            {"team_leader_id", o.tl1}}));

    auto holder = server_->db().conn().sibling();
    ASSERT_TRUE(holder) << holder.error().message;
    ASSERT_TRUE(holder->exec("BEGIN"));
    ASSERT_TRUE(holder->exec("SELECT id FROM users WHERE id = $1::uuid FOR SHARE", db::params(tl)));
    ASSERT_TRUE(holder->exec("UPDATE users SET team_leader_id = $2::uuid WHERE id = $1::uuid",
                             db::params(agent, tl)));
    auto remove = std::async(std::launch::async,
                             [&] { return as("admin", "DELETE", "/api/v1/users/" + tl); });
    EXPECT_TRUE(request_waits_for(*holder));
    ASSERT_TRUE(holder->exec("COMMIT"));
    auto removed = remove.get();
    EXPECT_EQ(removed.status, 409) << removed.body;
    auto row = server_->db().exec("SELECT deleted_at IS NULL FROM users WHERE id = $1::uuid",
                                  db::params(tl));
    EXPECT_TRUE(row.get_bool(0, 0));
    EXPECT_EQ(team_leader_of(agent), tl);
}

}  // namespace
}  // namespace coach::test

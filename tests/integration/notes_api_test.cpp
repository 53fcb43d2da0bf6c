// /api/v1/quick-notes for every role, in and out of scope: writing from a phone with three
// fields, the priority and deadline rules, idempotent retries (also racing), addressing,
// linking to a session, filters, and agents kept out of every route.
#include "support/org_api_test.hpp"

#include <gtest/gtest.h>

#include <future>
#include <set>

namespace coach::test {
namespace {
namespace json = boost::json;

class NotesApi : public OrgApiTest<NotesApi> {
  protected:
    static HttpResult write(const std::string& who, const std::string& agent,
                            const std::string& type, const std::string& content,
                            const std::string& key = "") {
        std::map<std::string, std::string> headers;
        if (!key.empty())
            headers["Idempotency-Key"] = key;
        return as(who, "POST", "/api/v1/quick-notes",
                  json::serialize(
                      json::object{{"agent_id", agent}, {"note_type", type}, {"content", content}}),
                  headers);
    }
    static std::string written(const std::string& who, const std::string& agent,
                               const std::string& type, const std::string& content) {
        auto r = write(who, agent, type, content);
        EXPECT_EQ(r.status, 201) << r.body;
        return std::string(r.json().at("id").as_string());
    }
};

TEST_F(NotesApi, ThreeFieldsFromAPhoneMakeANoteWithItsPriorityAndDeadline) {
    const Org& o = *org_;
    auto r = write("tl1", o.a1, "URGENT", "Raised voice with a customer, call 4411");
    ASSERT_EQ(r.status, 201) << r.body;
    const auto note = r.json().as_object();
    EXPECT_EQ(note.at("priority"), "HIGH");
    EXPECT_EQ(json_text(note.at("team_leader_id")), o.tl1);
    EXPECT_EQ(json_text(note.at("created_by")), o.tl1);
    EXPECT_EQ(note.at("agent_name"), "Ann Agent");
    EXPECT_EQ(note.at("addressed"), false);
    EXPECT_EQ(note.at("overdue"), false);
    const std::string id(note.at("id").as_string());
    EXPECT_EQ(r.headers.at("location"), "/api/v1/quick-notes/" + id);
    // The deadline: 48 hours for HIGH, 1 week for MEDIUM, 2 weeks for LOW.
    EXPECT_EQ(count("SELECT extract(epoch FROM address_by - created_at)::int / 3600 "
                    "FROM quick_notes WHERE id = $1::uuid",
                    db::params(id)),
              48);
    const std::string coaching = written("tl1", o.a1, "COACHING", "Long holds");
    const std::string praise = written("tl1", o.a1, "POSITIVE", "Great save on a churn call");
    EXPECT_EQ(count("SELECT extract(epoch FROM address_by - created_at)::int / 3600 "
                    "FROM quick_notes WHERE id = $1::uuid",
                    db::params(coaching)),
              168);
    EXPECT_EQ(count("SELECT extract(epoch FROM address_by - created_at)::int / 3600 "
                    "FROM quick_notes WHERE id = $1::uuid",
                    db::params(praise)),
              336);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'note.create' "
                    "AND entity_id = $1::uuid AND actor_id = $2::uuid",
                    db::params(id, o.tl1)),
              1);
}

TEST_F(NotesApi, AgentsGetNothingAndManagersOnlyRead) {
    const Org& o = *org_;
    const std::string id = written("tl1", o.a2, "COACHING", "Needs script refresher");
    for (auto [method, target] : {std::pair<std::string, std::string>{"GET", "/api/v1/quick-notes"},
                                  {"GET", "/api/v1/quick-notes/" + id},
                                  {"PATCH", "/api/v1/quick-notes/" + id},
                                  {"POST", "/api/v1/quick-notes/" + id + "/address"},
                                  {"POST", "/api/v1/quick-notes"}}) {
        for (auto agent : {"a1", "a2"}) {
            auto r = as(agent, method, target, R"({"content": "x"})");
            EXPECT_EQ(r.status, 403) << agent << " " << method << " " << target << r.body;
        }
    }
    // The manager reads their team's notes, never writes them.
    EXPECT_EQ(as("m1", "GET", "/api/v1/quick-notes/" + id).status, 200);
    EXPECT_EQ(write("m1", o.a2, "GENERAL", "x").status, 403);
    EXPECT_EQ(as("m1", "PATCH", "/api/v1/quick-notes/" + id, R"({"content": "y"})").status, 403);
    // Out of scope: not found; writing about someone else's agent: as if nobody.
    for (auto who : {"m2", "tl2"})
        EXPECT_EQ(as(who, "GET", "/api/v1/quick-notes/" + id).status, 404) << who;
    EXPECT_EQ(as("tl2", "PATCH", "/api/v1/quick-notes/" + id, R"({"content": "y"})").status, 404);
    auto other = write("tl2", o.a1, "GENERAL", "x");
    EXPECT_EQ(other.status, 422) << other.body;
    // An admin writes too (the team leader stays the agent's).
    auto admin = write("admin", o.a3, "GENERAL", "Spotted on the floor");
    ASSERT_EQ(admin.status, 201) << admin.body;
    EXPECT_EQ(json_text(admin.json().at("team_leader_id")), o.tl2);
    EXPECT_EQ(json_text(admin.json().at("created_by")), o.admin);
}

TEST_F(NotesApi, ARetriedCreateMakesOneNote) {
    const Org& o = *org_;
    auto first = write("tl1", o.a1, "COACHING", "Offline note", "note-key-1");
    ASSERT_EQ(first.status, 201) << first.body;
    auto again = write("tl1", o.a1, "COACHING", "Offline note", "note-key-1");
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.json().at("id"), first.json().at("id"));
    EXPECT_EQ(again.headers.at("idempotent-replayed"), "true");
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes WHERE content = 'Offline note'"), 1);
    // Edited since, the retry still answers the first note; the key reused for a note about
    // another agent is refused; another writer's key space is their own.
    ASSERT_EQ(as("tl1", "PATCH", "/api/v1/quick-notes/" + json_text(first.json().at("id")),
                 R"({"content": "Offline note, edited"})")
                  .status,
              200);
    auto edited = write("tl1", o.a1, "COACHING", "Offline note", "note-key-1");
    EXPECT_EQ(edited.status, 201);
    EXPECT_EQ(edited.json().at("content"), "Offline note, edited");
    EXPECT_EQ(write("tl1", o.a2, "COACHING", "Offline note", "note-key-1").status, 409);
    EXPECT_EQ(write("admin", o.a1, "COACHING", "Offline note", "note-key-1").status, 201);
    EXPECT_EQ(write("tl1", o.a1, "COACHING", "Bad key", std::string(101, 'k')).status, 400);
}

TEST_F(NotesApi, TwoRetriesRacingStillMakeOneNote) {
    const Org& o = *org_;
    std::vector<std::future<HttpResult>> sends;
    for (int i = 0; i < 4; ++i)
        sends.push_back(std::async(std::launch::async, [&] {
            return write("tl1", o.a2, "URGENT", "Raced note", "note-key-race");
        }));
    std::set<std::string> ids_seen;
    for (auto& s : sends) {
        auto r = s.get();
        ASSERT_EQ(r.status, 201) << r.body;
        ids_seen.insert(json_text(r.json().at("id")));
    }
    EXPECT_EQ(ids_seen.size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes WHERE content = 'Raced note'"), 1);
}

TEST_F(NotesApi, BadInputNamesEveryField) {
    const Org& o = *org_;
    auto r = as("tl1", "POST", "/api/v1/quick-notes",
                R"({"agent_id": "nope", "note_type": "RANT", "content": "   ", "mood": 1})");
    ASSERT_EQ(r.status, 422) << r.body;
    std::set<std::string> fields;
    const json::value error = r.json();
    for (const auto& d : error.at("error").at("details").as_array())
        fields.insert(std::string(d.at("field").as_string()));
    EXPECT_EQ(fields, (std::set<std::string>{"agent_id", "note_type", "content", "mood"}));
    auto missing = as("tl1", "POST", "/api/v1/quick-notes", "{}");
    EXPECT_EQ(missing.status, 422);
    EXPECT_EQ(as("tl1", "POST", "/api/v1/quick-notes", "not json").status, 400);
    EXPECT_EQ(as("tl1", "GET", "/api/v1/quick-notes?addressed=maybe&priority=URGENT").status, 422);
    EXPECT_EQ(as("tl1", "GET", "/api/v1/quick-notes?cursor=abc").status, 422);
    EXPECT_EQ(as("tl1", "GET", "/api/v1/quick-notes/00000000-0000-0000-0000-000000000000").status,
              404);
    // A session of another agent cannot be linked.
    auto session = server_->db().exec(
        "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date) "
        "VALUES ($1::uuid, $2::uuid, now()) RETURNING id::text",
        db::params(o.a2, o.tl1));
    auto linked = as("tl1", "POST", "/api/v1/quick-notes",
                     json::serialize(json::object{{"agent_id", o.a1},
                                                  {"note_type", "GENERAL"},
                                                  {"content", "x"},
                                                  {"linked_session_id", session.get(0, 0)}}));
    EXPECT_EQ(linked.status, 422) << linked.body;
}

// A create is written and checked in one round trip, its refusals rolled back: none of them
// leaves a note, a fact or an audit entry behind; with a key, a refusal does not use it up.
TEST_F(NotesApi, ARefusedCreateLeavesNothing) {
    const Org& o = *org_;
    auto& db = server_->db();
    db.exec("UPDATE users SET status = 'TERMINATED' WHERE id = $1::uuid", db::params(o.a3));
    auto session = db.exec(
        "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date) "
        "VALUES ($1::uuid, $2::uuid, now()) RETURNING id::text",
        db::params(o.a2, o.tl1));
    const std::string other_session(session.get(0, 0));
    auto urgent = [&](const std::string& agent, const std::string& linked = "") {
        json::object body{{"agent_id", agent}, {"note_type", "URGENT"}, {"content", "Refused"}};
        if (!linked.empty())
            body["linked_session_id"] = linked;
        return json::serialize(body);
    };
    const std::map<std::string, std::string> keyed{{"Idempotency-Key", "refused-1"}};
    const std::string facts =
        "SELECT coalesce(sum(unaddressed_high_notes), 0) FROM agent_coaching_facts";
    const long long audits = count("SELECT count(*) FROM audit_log WHERE action = 'note.create'");
    const long long high = count(facts);
    struct Case {
        const char* who;
        std::string body;
        int status;
    };
    for (const Case& c : std::vector<Case>{
             {"tl2", urgent(o.a1), 422},                                    // another team's agent
             {"admin", urgent(o.a3), 422},                                  // terminated
             {"tl1", urgent(o.gone), 422},                                  // deleted
             {"admin", urgent(o.tl1), 422},                                 // no agent
             {"tl1", urgent("00000000-0000-4000-8000-000000000000"), 422},  // nobody
             {"tl1", urgent(o.a1, other_session), 422},  // another agent's session
         }) {
        auto r = as(c.who, "POST", "/api/v1/quick-notes", c.body, keyed);
        EXPECT_EQ(r.status, c.status) << c.who << " " << c.body << " " << r.body;
    }
    db.exec("UPDATE users SET status = 'ACTIVE' WHERE id = $1::uuid", db::params(o.a3));
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes WHERE content = 'Refused'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'note.create'"), audits);
    EXPECT_EQ(count(facts), high);
    // The key is still free: the first create that passes uses it.
    auto ok = as("tl1", "POST", "/api/v1/quick-notes", urgent(o.a1), keyed);
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes WHERE content = 'Refused'"), 1);
    EXPECT_EQ(count(facts), high + 1);
}

TEST_F(NotesApi, ChangingAndAddressing) {
    const Org& o = *org_;
    const std::string id = written("tl1", o.a1, "GENERAL", "Headset issue");
    auto upgraded =
        as("tl1", "PATCH", "/api/v1/quick-notes/" + id, R"({"note_type": "COMPLIANCE"})");
    ASSERT_EQ(upgraded.status, 200) << upgraded.body;
    EXPECT_EQ(upgraded.json().at("priority"), "HIGH");  // the type's, with its 48 h deadline
    EXPECT_EQ(count("SELECT extract(epoch FROM address_by - created_at)::int / 3600 "
                    "FROM quick_notes WHERE id = $1::uuid",
                    db::params(id)),
              48);
    EXPECT_EQ(as("tl1", "POST", "/api/v1/quick-notes/" + id + "/address", "{}").status, 422);
    auto done = as("tl1", "POST", "/api/v1/quick-notes/" + id + "/address",
                   R"({"addressed_notes": "Talked it through at the desk"})");
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.json().at("addressed"), true);
    EXPECT_EQ(json_text(done.json().at("addressed_by")), o.tl1);
    EXPECT_EQ(as("tl1", "POST", "/api/v1/quick-notes/" + id + "/address",
                 R"({"addressed_notes": "again"})")
                  .status,
              409);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid "
                    "AND action IN ('note.update', 'note.address')",
                    db::params(id)),
              2);
}

TEST_F(NotesApi, ListsFilterAndFollowTheHierarchy) {
    const Org& o = *org_;
    const std::string mine = written("tl2", o.a3, "URGENT", "List test");
    // Past its deadline: written three days ago, HIGH (48 h).
    server_->db().exec(
        "UPDATE quick_notes SET created_at = now() - interval '3 days', "
        "priority = 'MEDIUM' WHERE id = $1::uuid",
        db::params(mine));
    server_->db().exec("UPDATE quick_notes SET priority = 'HIGH' WHERE id = $1::uuid",
                       db::params(mine));
    EXPECT_TRUE(ids("tl2", "/api/v1/quick-notes").contains(mine));
    EXPECT_TRUE(ids("m2", "/api/v1/quick-notes?overdue=true").contains(mine));
    EXPECT_FALSE(ids("m2", "/api/v1/quick-notes?overdue=false").contains(mine));
    EXPECT_FALSE(ids("m1", "/api/v1/quick-notes").contains(mine));
    EXPECT_FALSE(ids("tl1", "/api/v1/quick-notes").contains(mine));
    EXPECT_TRUE(ids("admin", "/api/v1/quick-notes?priority=HIGH&agent_id=" + o.a3).contains(mine));
    EXPECT_FALSE(ids("admin", "/api/v1/quick-notes?note_type=POSITIVE").contains(mine));
    auto got = as("m2", "GET", "/api/v1/quick-notes/" + mine);
    EXPECT_EQ(got.json().at("overdue"), true);
}

}  // namespace
}  // namespace coach::test

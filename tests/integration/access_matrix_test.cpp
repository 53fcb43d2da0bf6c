// The access matrix (issue 11's harness; docs/architecture.md, "Permissions"): every operation
// of the server's own openapi.json, called by each of the four roles on a row in the caller's
// scope and on one outside it, compared with the table below. An operation the table does not
// list fails the test, so a new route gets its entry with its first commit.
//
// The callers: admin, m1 (manager of tl1), tl1 (team leader of a1, a2), a1 (agent). "In scope"
// rows belong to a1 (an import: m1's; a notification: the caller's own); "outside" rows to a3
// (tl2's agent, m2's side; an import: m2's; a notification: a3's).
#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <functional>
#include <map>
#include <set>

namespace coach::test {
namespace {
namespace json = boost::json;

// What a call should get: the route let the caller through (any answer but 401, 403 and 404;
// e.g. 200, 201, 204, 409 or 422 for a body the route then checks), 403, or 404.
// V: 422, a body naming a row the caller cannot see (as one that does not exist); I: 200 with
// the one item of a bulk write refused.
enum class Expect : char {
    Allowed = 'A',
    Forbidden = 'F',
    NotFound = 'N',
    Invisible = 'V',
    ItemRefused = 'I'
};

enum Role { kAdmin, kManager, kTeamLeader, kAgent };
constexpr const char* kRoleNames[] = {"ADMIN", "MANAGER", "TEAM_LEADER", "AGENT"};

// The rows a call is about, on either side of the caller's scope.
struct Side {
    std::string agent, team_leader, metric, history, session, note, import, notification, name;
};

struct Entry {
    // Per role (ADMIN, MANAGER, TEAM_LEADER, AGENT): two letters, in scope then outside:
    // A allowed, F 403, N 404, V and I (Expect). "AA AN AN AN" = everyone on their own side,
    // 404 beyond.
    std::string expected;
    // The target and body for one side and caller ("" body: none).
    std::function<std::string(const Side&, Role)> target;
    std::function<std::string(const Side&)> body = {};
    std::string content_type = "application/json";
    bool fresh_token = false;  // the call ends the session: a token of its own
};

std::string q(const std::string& s) {
    return json::serialize(json::value(s));
}

class AccessMatrix : public ::testing::Test {
  protected:
    void SetUp() override {
        org_ = create_org(server_.db());
        auto& db = server_.db();
        auto one = [&](const std::string& sql, const std::vector<std::string>& args) {
            db::Params p;
            for (const auto& a : args)
                p.values.emplace_back(a);
            return std::string(db.exec(sql, p).get(0, 0));
        };
        for (auto [side, agent, tl, manager] : {std::tuple{&in_, org_.a1, org_.tl1, org_.m1},
                                                std::tuple{&out_, org_.a3, org_.tl2, org_.m2}}) {
            side->agent = agent;
            side->team_leader = tl;
            side->metric =
                one("INSERT INTO performance_metrics (agent_id, metric_date, service_score) "
                    "VALUES ($1::uuid, '2025-03-03', 80) RETURNING id",
                    {agent});
            side->history =
                one("INSERT INTO performance_history (agent_id, period_type, period_ending) VALUES "
                    "($1::uuid, 'WEEK', '2025-03-09') RETURNING id",
                    {agent});
            side->session = one(
                "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date) VALUES "
                "($1::uuid, $2::uuid, now() + interval '1 day') RETURNING id",
                {agent, tl});
            side->note =
                one("INSERT INTO quick_notes (agent_id, team_leader_id, note_type, content) VALUES "
                    "($1::uuid, $2::uuid, 'COACHING', 'Watch the holds') RETURNING id",
                    {agent, tl});
            side->import =
                one("INSERT INTO import_logs (file_name, import_type, imported_by, status) VALUES "
                    "('m.csv', 'METRICS', $1::uuid, 'SUCCESS') RETURNING id",
                    {manager});
        }
        for (int side = 0; side < 2; ++side)
            for (int r = 0; r < 4; ++r) {
                const Side& s = side == 0 ? in_ : out_;
                victims_[side][r] = one(
                    "INSERT INTO users (email, name, role, password_hash, team_leader_id) VALUES "
                    "($1, 'Val Victim', 'AGENT', '!', $2::uuid) RETURNING id",
                    {"victim" + std::to_string(side) + std::to_string(r) + "@org.test",
                     s.team_leader});
                doomed_[side][r] =
                    one("INSERT INTO performance_metrics (agent_id, metric_date, service_score) "
                        "VALUES ($1::uuid, DATE '2025-04-01' + $2::int, 70) RETURNING id",
                        {s.agent, std::to_string(r)});
            }
        out_.notification =
            one("INSERT INTO notifications (recipient_id, kind, subject) VALUES ($1::uuid, 'test', "
                "'Theirs') RETURNING id",
                {org_.a3});
        const std::string emails[] = {"admin@org.test", "m1@org.test", "tl1@org.test",
                                      "a1@org.test"};
        const std::string ids[] = {org_.admin, org_.m1, org_.tl1, org_.a1};
        for (int r = 0; r < 4; ++r) {
            tokens_[r] = login(server_, emails[r]);
            own_notification_[r] =
                one("INSERT INTO notifications (recipient_id, kind, subject) VALUES ($1::uuid, "
                    "'test', 'Yours') RETURNING id",
                    {ids[r]});
        }
    }

    // Rows a successful call removes: one per caller and side, so that no call finds its row
    // gone by an earlier caller's.
    std::string victim(const Side& s, Role r) { return victims_[&s == &in_ ? 0 : 1][r]; }
    std::string doomed_metric(const Side& s, Role r) { return doomed_[&s == &in_ ? 0 : 1][r]; }

    static Expect got(const HttpResult& r) {
        if (r.status == 403)
            return Expect::Forbidden;
        if (r.status == 404)
            return Expect::NotFound;
        if (r.status == 422 && r.body.find("you can see") != std::string::npos)
            return Expect::Invisible;
        if (r.status == 200 && r.body.starts_with(R"({"items":[{"index":0,"status":"error")"))
            return Expect::ItemRefused;
        return Expect::Allowed;
    }

    TestServer server_;
    Org org_;
    Side in_, out_;
    std::string tokens_[4];
    std::string own_notification_[4];
    std::string victims_[2][4], doomed_[2][4];
};

TEST_F(AccessMatrix, EveryOperationForEveryRoleInAndOutOfScope) {
    // A session of the caller's own for the routes that end it.
    auto fresh = [&](Role r) {
        const char* emails[] = {"admin@org.test", "m1@org.test", "tl1@org.test", "a1@org.test"};
        return login(server_, emails[r]);
    };
    const std::string csv_in = "employee_id,metric_date,service_score\nE1,2025-03-04,81\n";
    std::map<std::string, Entry> table;
    auto add = [&](const std::string& op, Entry e) { table.emplace(op, std::move(e)); };
    auto fixed = [](std::string t) { return [t](const Side&, Role) { return t; }; };
    // The target with the side's row: "/api/v1/users/{}" with side.*member.
    auto row = [](std::string pattern, std::string Side::*member) {
        return [pattern, member](const Side& s, Role) {
            std::string t = pattern;
            t.replace(t.find("{}"), 2, s.*member);
            return t;
        };
    };
    auto body = [](std::string b) { return [b](const Side&) { return b; }; };
    int created = 0;
    // clang-format off
    add("GET /healthz", {"AA AA AA AA", fixed("/healthz")});
    add("GET /readyz", {"AA AA AA AA", fixed("/readyz")});
    add("GET /metrics", {"NN NN NN NN", fixed("/metrics")});  // only for the scraper's token
    add("GET /api/v1/openapi.json", {"AA AA AA AA", fixed("/api/v1/openapi.json")});
    add("POST /api/v1/auth/login", {"AA AA AA AA", fixed("/api/v1/auth/login"),
        body(R"({"email":"a2@org.test","password":"correct horse battery"})")});
    add("POST /api/v1/auth/logout", {"AA AA AA AA", fixed("/api/v1/auth/logout"), {}, "", true});
    add("POST /api/v1/auth/logout-all", {"AA AA AA AA", fixed("/api/v1/auth/logout-all"), {}, "", true});
    add("GET /api/v1/auth/me", {"AA AA AA AA", fixed("/api/v1/auth/me")});
    add("GET /api/v1/auth/csrf", {"AA AA AA AA", fixed("/api/v1/auth/csrf")});
    add("POST /api/v1/auth/password-reset", {"AA AA AA AA", fixed("/api/v1/auth/password-reset"),
        body(R"({"email":"nobody@org.test"})")});
    add("POST /api/v1/auth/password-reset/confirm", {"AA AA AA AA",
        fixed("/api/v1/auth/password-reset/confirm"),
        body(R"({"token":"nope","new_password":"a long new password"})")});
    add("PUT /api/v1/auth/password", {"AA AA AA AA", fixed("/api/v1/auth/password"),
        body(R"({"current_password":"wrong one","new_password":"x"})")});
    add("GET /api/v1/users", {"AA AA AA AA", row("/api/v1/users?team_leader_id={}", &Side::team_leader)});
    add("POST /api/v1/users", {"AA AV FF FF", fixed("/api/v1/users"), [&created](const Side& s) {
        return R"({"email":"new)" + std::to_string(++created) + R"(@org.test","name":"New Agent",)"
               R"("role":"AGENT","team_leader_id":)" + q(s.team_leader) + "}"; }});
    add("GET /api/v1/users/{id}", {"AA AN AN AN", row("/api/v1/users/{}", &Side::agent)});
    add("PATCH /api/v1/users/{id}", {"AA AN FN AN", row("/api/v1/users/{}", &Side::agent),
        body(R"({"phone":"555-0100"})")});
    add("DELETE /api/v1/users/{id}", {"AA FN FN NN", [&](const Side& s, Role r) {
        return "/api/v1/users/" + victim(s, r); }});
    add("GET /api/v1/jobs", {"AA AA FF FF", fixed("/api/v1/jobs")});
    add("POST /api/v1/jobs/{name}/run", {"AA FF FF FF", fixed("/api/v1/jobs/overdue_sweep/run"),
        body("{}")});
    add("GET /api/v1/performance-metrics", {"AA AN AN AN",
        row("/api/v1/performance-metrics?agent_id={}", &Side::agent)});
    add("PUT /api/v1/performance-metrics", {"AA AI FF FF", fixed("/api/v1/performance-metrics"),
        [](const Side& s) { return R"([{"agent_id":)" + q(s.agent) +
                                   R"(,"metric_date":"2025-03-05","service_score":77}])"; }});
    add("GET /api/v1/performance-metrics/export", {"AA AN AN AN",
        row("/api/v1/performance-metrics/export?agent_id={}", &Side::agent)});
    add("GET /api/v1/performance-metrics/{id}", {"AA AN AN AN",
        row("/api/v1/performance-metrics/{}", &Side::metric)});
    add("DELETE /api/v1/performance-metrics/{id}", {"AA AN FN FN", [&](const Side& s, Role r) {
        return "/api/v1/performance-metrics/" + doomed_metric(s, r); }});
    add("GET /api/v1/performance-history", {"AA AN AN AN",
        row("/api/v1/performance-history?agent_id={}", &Side::agent)});
    add("GET /api/v1/performance-history/export", {"AA AN AN AN",
        row("/api/v1/performance-history/export?agent_id={}", &Side::agent)});
    add("GET /api/v1/performance-history/{id}", {"AA AN AN AN",
        row("/api/v1/performance-history/{}", &Side::history)});
    add("GET /api/v1/dashboard", {"AA AA AA AA", fixed("/api/v1/dashboard")});
    add("GET /api/v1/teams/{team_leader_id}/dashboard", {"AA AN AN FF",
        row("/api/v1/teams/{}/dashboard", &Side::team_leader)});
    add("GET /api/v1/teams/{team_leader_id}/dashboard/export", {"AA AN AN FF",
        row("/api/v1/teams/{}/dashboard/export", &Side::team_leader)});
    add("GET /api/v1/teams/{team_leader_id}/daily-averages", {"AA AN AN FF",
        row("/api/v1/teams/{}/daily-averages", &Side::team_leader)});
    add("GET /api/v1/team-performance-summary", {"AA AA AA FF",
        fixed("/api/v1/team-performance-summary")});
    add("GET /api/v1/team-performance-summary/export", {"AA AA AA FF",
        fixed("/api/v1/team-performance-summary/export")});
    add("GET /api/v1/agents/{id}/overview", {"AA AN AN AN",
        row("/api/v1/agents/{}/overview", &Side::agent)});
    add("GET /api/v1/analytics/correlations", {"AA AA AA FF",
        fixed("/api/v1/analytics/correlations")});
    add("POST /api/v1/imports", {"AA AA FF FF", fixed("/api/v1/imports?type=METRICS&force=true"),
        body(csv_in), "text/csv"});
    add("GET /api/v1/imports", {"AA AA FF FF", fixed("/api/v1/imports")});
    add("GET /api/v1/imports/{id}", {"AA AN FF FF", row("/api/v1/imports/{}", &Side::import)});
    add("POST /api/v1/imports/{id}/rollback", {"AA AN FF FF",
        row("/api/v1/imports/{}/rollback", &Side::import)});
    add("GET /api/v1/imports/templates/{import_type}", {"AA AA FF FF",
        fixed("/api/v1/imports/templates/METRICS")});
    add("GET /api/v1/settings", {"AA AA AA AA", fixed("/api/v1/settings")});
    add("PATCH /api/v1/settings", {"AA FF FF FF", fixed("/api/v1/settings"),
        body(R"({"timezone":"UTC"})")});
    add("GET /api/v1/audit-log", {"AA FF FF FF", fixed("/api/v1/audit-log")});
    add("GET /api/v1/coaching-sessions", {"AA AA AA AA",
        row("/api/v1/coaching-sessions?agent_id={}", &Side::agent)});
    add("POST /api/v1/coaching-sessions", {"AA AV AV FF", fixed("/api/v1/coaching-sessions"),
        [](const Side& s) { return R"({"agent_id":)" + q(s.agent) +
            R"(,"scheduled_date":"2031-01-06T10:00:00Z","allow_overlap":true})"; }});
    add("GET /api/v1/coaching-sessions/{id}", {"AA AN AN AN",
        row("/api/v1/coaching-sessions/{}", &Side::session)});
    add("PATCH /api/v1/coaching-sessions/{id}", {"AA AN AN FN",
        row("/api/v1/coaching-sessions/{}", &Side::session), body(R"({"discussion_notes":"x"})")});
    const std::pair<std::string, std::string> steps[] = {
        {"prep", "{}"}, {"start", "{}"}, {"cancel", R"({"reason":"Agent is sick"})"},
        {"no-show", R"({"reason":"Did not come"})"},
        {"complete", R"({"summary":"Good","primary_issue":"Quality",)"
                     R"("intervention_method":"Call review"})"}};
    for (const auto& [step, step_body] : steps)
        add("POST /api/v1/coaching-sessions/{id}/" + step, {"AA AN AN FN",
            row("/api/v1/coaching-sessions/{}/" + step, &Side::session), body(step_body)});
    add("POST /api/v1/coaching-sessions/{id}/acknowledge", {"FF FN FN AN",
        row("/api/v1/coaching-sessions/{}/acknowledge", &Side::session),
        body(R"({"acknowledgement":"ACKNOWLEDGED"})")});
    add("GET /api/v1/quick-notes", {"AA AA AA FF",
        row("/api/v1/quick-notes?agent_id={}", &Side::agent)});
    add("POST /api/v1/quick-notes", {"AA FF AV FF", fixed("/api/v1/quick-notes"),
        [](const Side& s) { return R"({"agent_id":)" + q(s.agent) +
            R"(,"note_type":"COACHING","content":"Holds too long"})"; }});
    add("GET /api/v1/quick-notes/{id}", {"AA AN AN FF", row("/api/v1/quick-notes/{}", &Side::note)});
    add("PATCH /api/v1/quick-notes/{id}", {"AA FF AN FF", row("/api/v1/quick-notes/{}", &Side::note),
        body(R"({"content":"Holds still too long"})")});
    add("POST /api/v1/quick-notes/{id}/address", {"AA FF AN FF",
        row("/api/v1/quick-notes/{}/address", &Side::note), body(R"({"addressed_notes":"Talked it over"})")});
    add("GET /api/v1/notifications", {"AA AA AA AA", fixed("/api/v1/notifications")});
    add("GET /api/v1/notifications/unread-count", {"AA AA AA AA",
        fixed("/api/v1/notifications/unread-count")});
    add("POST /api/v1/notifications/read-all", {"AA AA AA AA",
        fixed("/api/v1/notifications/read-all")});
    add("POST /api/v1/notifications/{id}/read", {"AN AN AN AN",
        fixed("/api/v1/notifications/{own_notification}/read")});
    // clang-format on

    std::vector<std::string> failures;
    std::set<std::string> listed;
    const json::value description = api_description(server_);
    for (const ApiOperation& api : api_operations(description)) {
        const std::string op = api.method + " " + api.path;
        auto it = table.find(op);
        if (it == table.end()) {
            failures.push_back(op + ": no entry in the access matrix");
            continue;
        }
        listed.insert(op);
        const Entry& e = it->second;
        const std::string method = op.substr(0, op.find(' '));
        for (int r = 0; r < 4; ++r) {
            for (int side = 0; side < 2; ++side) {
                const Side& s = side == 0 ? in_ : out_;
                RequestOptions o;
                o.token = e.fresh_token ? fresh(Role(r)) : tokens_[r];
                o.body = e.body ? e.body(s) : "";
                o.content_type = e.content_type;
                o.invalid_parts = true;  // bodies the route may refuse: not the point here
                std::string target = e.target(s, Role(r));
                // A notification: the caller's own in scope.
                if (auto at = target.find("{own_notification}"); at != std::string::npos)
                    target.replace(at, 18, side == 0 ? own_notification_[r] : s.notification);
                HttpResult res = server_.request(method, target, o);
                if (e.fresh_token)  // "sign out everywhere" ended the caller's other sessions
                    tokens_[r] = fresh(Role(r));
                char want = e.expected.at(static_cast<std::size_t>(r * 3 + side));
                char have = static_cast<char>(got(res));
                if (res.status >= 500 || res.status == 401 || res.status == 0 || want != have)
                    failures.push_back(op + " as " + kRoleNames[r] +
                                       (side == 0 ? " in scope" : " outside") + ": expected " +
                                       want + ", got " + std::to_string(res.status) + " " +
                                       res.body.substr(0, 160));
            }
        }
    }
    for (const auto& [op, _] : table)
        if (!listed.contains(op))
            failures.push_back(op + ": in the matrix but not in openapi.json");
    for (const auto& f : failures)
        ADD_FAILURE() << f;
}

}  // namespace
}  // namespace coach::test

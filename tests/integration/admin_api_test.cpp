// /api/v1/settings and /api/v1/audit-log: who may read and change the settings, the time zone
// checked against PostgreSQL's zones and audited, the running server in the new zone at once;
// the audit log for ADMINs only, its filters (the dates in the organisation's zone), keyset
// paging and refused queries.
#include "core/base64url.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <set>

namespace coach::test {
namespace {
namespace json = boost::json;

class AdminApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();  // the time zone watch: every minute (test_config)
        org_ = new Org(create_org(server_->db()));
        for (auto who : {"admin", "m1", "tl1", "a1"})
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
    // The stored setting (its JSON text), "" when there is none.
    static std::string stored_zone() {
        auto r = server_->db().exec("SELECT value::text FROM settings WHERE key = 'timezone'");
        return r.rows() == 0 ? "" : std::string(r.get(0, 0));
    }
    static long long audit_count(const std::string& action) {
        return server_->db()
            .exec("SELECT count(*) FROM audit_log WHERE action = $1", db::params(action))
            .get_int(0, 0);
    }
    // Sets the time zone as the admin (fails the test unless 200).
    static void set_zone(const std::string& zone) {
        auto r = as("admin", "PATCH", "/api/v1/settings",
                    json::serialize(json::object{{"time_zone", zone}}));
        ASSERT_EQ(r.status, 200) << r.body;
        ASSERT_EQ(r.json().at("time_zone").as_string(), zone);
    }
    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
};
TestServer* AdminApi::server_ = nullptr;
Org* AdminApi::org_ = nullptr;
std::map<std::string, std::string>* AdminApi::tokens_ = new std::map<std::string, std::string>();

std::string str(const json::value& v) {
    return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

// A 422's details as "field: message" lines (fails the test when it is not the error model).
std::string details(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.error_code(), "validation_failed") << r.body;
    std::string out;
    auto body = r.json();
    if (!body.is_object() || !body.at("error").as_object().contains("details"))
        return out;
    for (const auto& d : body.at("error").at("details").as_array())
        out += str(d.at("field")) + ": " + str(d.at("message")) + "\n";
    return out;
}

std::vector<std::string> ids_of(const json::value& page) {
    std::vector<std::string> out;
    for (const auto& item : page.at("items").as_array())
        out.push_back(str(item.at("id")));
    return out;
}

// --- settings ---------------------------------------------------------------------------

TEST_F(AdminApi, EveryRoleReadsTheSettings) {
    set_zone("Europe/Lisbon");
    auto admin = as("admin", "GET", "/api/v1/settings");
    ASSERT_EQ(admin.status, 200) << admin.body;
    auto v = admin.json();
    EXPECT_EQ(str(v.at("time_zone")), "Europe/Lisbon");
    EXPECT_EQ(str(v.at("updated_by")), org_->admin);
    EXPECT_TRUE(v.at("updated_at").is_string());
    for (auto who : {"m1", "tl1", "a1"}) {
        auto r = as(who, "GET", "/api/v1/settings");
        ASSERT_EQ(r.status, 200) << who << ": " << r.body;
        EXPECT_EQ(r.json(), v) << who;
    }
    EXPECT_EQ(server_->request("GET", "/api/v1/settings").status, 401);
}

TEST_F(AdminApi, WithoutTheSettingTheZoneIsCoachTimezone) {
    Config config = test_config();
    config.timezone = "America/New_York";  // COACH_TIMEZONE
    TestServer fresh(config);
    create_org(fresh.db());
    auto r = fresh.as(login(fresh, "a1@org.test"), "GET", "/api/v1/settings");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json(), json::parse(R"({"time_zone": "America/New_York", "updated_at": null,
                                        "updated_by": null})"));
}

TEST_F(AdminApi, OnlyAnAdminChangesTheSettings) {
    set_zone("Europe/Lisbon");
    const long long audited = audit_count("settings.update");
    for (auto who : {"m1", "tl1", "a1"}) {
        auto r = as(who, "PATCH", "/api/v1/settings", R"({"time_zone": "Asia/Tokyo"})");
        EXPECT_EQ(r.status, 403) << who << ": " << r.body;
        EXPECT_EQ(r.error_code(), "forbidden") << who;
    }
    RequestOptions anonymous;
    anonymous.body = R"({"time_zone": "Asia/Tokyo"})";
    EXPECT_EQ(server_->request("PATCH", "/api/v1/settings", anonymous).status, 401);
    EXPECT_EQ(stored_zone(), "\"Europe/Lisbon\"");
    EXPECT_EQ(audit_count("settings.update"), audited);
    EXPECT_EQ(str(as("tl1", "GET", "/api/v1/settings").json().at("time_zone")), "Europe/Lisbon");
}

TEST_F(AdminApi, AnAdminChangesTheTimeZoneAndTheChangeIsAudited) {
    server_->db().exec("DELETE FROM settings WHERE key = 'timezone'");
    auto first = as("admin", "PATCH", "/api/v1/settings", R"({"time_zone": "Europe/Lisbon"})");
    ASSERT_EQ(first.status, 200) << first.body;
    auto v = first.json();
    EXPECT_EQ(str(v.at("time_zone")), "Europe/Lisbon");
    EXPECT_EQ(str(v.at("updated_by")), org_->admin);
    ASSERT_TRUE(v.at("updated_at").is_string());
    EXPECT_EQ(stored_zone(), "\"Europe/Lisbon\"");
    // What every role reads now.
    auto read = as("a1", "GET", "/api/v1/settings");
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.json(), v);

    auto row = server_->db().exec(
        "SELECT a.actor_id::text, a.entity_type, a.entity_id = s.id, a.before::text, "
        "       a.after->>'time_zone', a.after->>'updated_by', host(a.ip), a.request_id "
        "  FROM audit_log a, settings s "
        " WHERE a.action = 'settings.update' AND s.key = 'timezone' "
        " ORDER BY a.created_at DESC, a.id DESC LIMIT 1");
    ASSERT_EQ(row.rows(), 1);
    EXPECT_EQ(row.get(0, 0), org_->admin);
    EXPECT_EQ(row.get(0, 1), "settings");
    EXPECT_TRUE(row.get_bool(0, 2));
    // Before: no setting, so the fallback zone, never written.
    EXPECT_EQ(json::parse(row.get(0, 3)),
              json::parse(R"({"time_zone": "UTC", "updated_at": null, "updated_by": null})"));
    EXPECT_EQ(row.get(0, 4), "Europe/Lisbon");
    EXPECT_EQ(row.get(0, 5), org_->admin);
    EXPECT_EQ(row.get(0, 6), "127.0.0.1");
    EXPECT_FALSE(row.is_null(0, 7));

    // A second change audits the first as its before, on the same row.
    auto second = as("admin", "PATCH", "/api/v1/settings", R"({"time_zone": "Asia/Tokyo"})");
    ASSERT_EQ(second.status, 200) << second.body;
    auto audits = server_->db().exec(
        "SELECT before::text, after::text FROM audit_log WHERE action = 'settings.update' "
        "ORDER BY created_at DESC, id DESC LIMIT 1");
    EXPECT_EQ(json::parse(audits.get(0, 0)), v);
    EXPECT_EQ(json::parse(audits.get(0, 1)), second.json());
    EXPECT_EQ(server_->db().exec("SELECT count(*) FROM settings").get_int(0, 0), 1);
    EXPECT_EQ(str(as("m1", "GET", "/api/v1/settings").json().at("time_zone")), "Asia/Tokyo");
}

TEST_F(AdminApi, TimesAreUtcWhateverTheZone) {
    // The watch re-reads the zone every minute; the PATCH refreshes it before answering, so the
    // next request (on either I/O thread) already runs in the new zone (its dates). Timestamps
    // are written at UTC with "Z" in every zone, on every pooled connection, opened before the
    // change or after: the same text each time. Kiritimati (+14) and Pago Pago (-11) have no
    // daylight saving time.
    const std::string user = "/api/v1/users/" + org_->a1;
    set_zone("UTC");
    auto utc = as("admin", "GET", user);
    ASSERT_EQ(utc.status, 200) << utc.body;
    const std::string created_at = str(utc.json().at("created_at"));
    EXPECT_TRUE(created_at.ends_with("Z")) << created_at;
    auto kiritimati =
        as("admin", "PATCH", "/api/v1/settings", R"({"time_zone": "Pacific/Kiritimati"})");
    ASSERT_EQ(kiritimati.status, 200) << kiritimati.body;
    EXPECT_TRUE(str(kiritimati.json().at("updated_at")).ends_with("Z")) << kiritimati.body;
    EXPECT_EQ(as("a1", "GET", "/api/v1/settings").json(), kiritimati.json());
    auto a = as("admin", "GET", user);
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(str(a.json().at("created_at")), created_at);
    set_zone("Pacific/Pago_Pago");
    for (int i = 0; i < 4; ++i) {  // several requests: both threads' pools
        auto b = as("tl1", "GET", user);
        ASSERT_EQ(b.status, 200) << b.body;
        EXPECT_EQ(str(b.json().at("created_at")), created_at);
    }
}

TEST_F(AdminApi, BadBodiesAreRefusedAndChangeNothing) {
    set_zone("Europe/Lisbon");
    const long long audited = audit_count("settings.update");
    auto patch = [](const std::string& body) {
        return as("admin", "PATCH", "/api/v1/settings", body);
    };

    for (const char* malformed : {R"({"time_zone": )", R"(["Europe/Paris"])", "nope"}) {
        auto r = patch(malformed);
        EXPECT_EQ(r.status, 400) << malformed << ": " << r.body;
        EXPECT_EQ(r.error_code(), "bad_request") << malformed;
    }
    RequestOptions text;
    text.token = tokens_->at("admin");
    text.content_type = "text/plain";
    text.body = R"({"time_zone": "Europe/Paris"})";
    EXPECT_EQ(server_->request("PATCH", "/api/v1/settings", text).status, 415);

    EXPECT_EQ(details(patch(R"({"time_zone": 5})")), "time_zone: must be a string\n");
    EXPECT_EQ(details(patch(R"({"time_zone": ["Europe/Paris"]})")),
              "time_zone: must be a string\n");
    EXPECT_EQ(details(patch(R"({"time_zone": null})")), "time_zone: must not be null\n");
    EXPECT_EQ(details(patch(R"({"time_zone": ""})")), "time_zone: must not be empty\n");
    EXPECT_EQ(details(patch(json::serialize(json::object{{"time_zone", std::string(65, 'A')}}))),
              "time_zone: must be at most 64 characters\n");
    EXPECT_EQ(details(patch(R"({})")), "body: names no field to change\n");
    const std::string unknown_zone =
        "time_zone: must be a time zone name PostgreSQL knows, such as Europe/Lisbon\n";
    // Not a zone; an offset PostgreSQL would read as a zone but job_timezone() refuses; a name
    // in the wrong case.
    for (const char* zone : {"Mars/Olympus_Mons", "5", "UTC+1", "europe/paris"})
        EXPECT_EQ(details(patch(json::serialize(json::object{{"time_zone", zone}}))), unknown_zone)
            << zone;
    // Unknown fields, alone or beside a good zone: the whole body is refused, naming each.
    EXPECT_EQ(details(patch(R"({"time_zone": "Europe/Paris", "locale": "fr"})")),
              "locale: is not a known field\n");
    EXPECT_EQ(details(patch(R"({"timezone": "Europe/Paris"})")),
              "timezone: is not a known field\n");

    EXPECT_EQ(stored_zone(), "\"Europe/Lisbon\"");
    EXPECT_EQ(audit_count("settings.update"), audited);
    EXPECT_EQ(str(as("admin", "GET", "/api/v1/settings").json().at("time_zone")), "Europe/Lisbon");
}

// --- audit log --------------------------------------------------------------------------

TEST_F(AdminApi, OnlyAnAdminReadsTheAuditLog) {
    for (auto who : {"m1", "tl1", "a1"}) {
        auto r = as(who, "GET", "/api/v1/audit-log");
        EXPECT_EQ(r.status, 403) << who << ": " << r.body;
        EXPECT_EQ(r.error_code(), "forbidden") << who;
        // Even with a bad filter: the role is refused first.
        EXPECT_EQ(as(who, "GET", "/api/v1/audit-log?actor_id=nope").status, 403) << who;
    }
    EXPECT_EQ(server_->request("GET", "/api/v1/audit-log").status, 401);

    auto r = as("admin", "GET", "/api/v1/audit-log?action=auth.login&actor_id=" + org_->tl1);
    ASSERT_EQ(r.status, 200) << r.body;
    auto items = r.json().at("items").as_array();
    ASSERT_GE(items.size(), 1u);  // tl1 signed in when the suite started
    for (const auto& item : items) {
        EXPECT_EQ(str(item.at("action")), "auth.login");
        EXPECT_EQ(str(item.at("actor_id")), org_->tl1);
        EXPECT_EQ(str(item.at("actor_name")), "Tom Leader");
        EXPECT_EQ(str(item.at("entity_type")), "users");
        EXPECT_EQ(str(item.at("ip")), "127.0.0.1");
    }
}

TEST_F(AdminApi, TheAuditLogIsNewestFirstAndPagesWithAFilter) {
    // Four entries at one instant and one an hour before (all action test.page), and entries
    // that the filter must leave out. The key (created_at, id) orders the four by id.
    server_->db().exec(
        "INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, ip, "
        "                       request_id, created_at) "
        "SELECT $1::uuid, 'test.page', 'widgets', gen_random_uuid(), "
        "       '[1, \"two\", {\"three\": 3}]', '\"text\"', '10.0.0.1', 'req-' || i, "
        "       '2024-05-01 12:00:00.123456+00' "
        "  FROM generate_series(1, 4) i",
        db::params(org_->admin));
    server_->db().exec(
        "INSERT INTO audit_log (action, entity_type, before, after, created_at) "
        "VALUES ('test.page', 'widgets', NULL, '{\"n\": 5}', '2024-05-01 11:00:00+00'), "
        "       ('test.other', 'widgets', NULL, NULL, '2024-05-01 12:30:00+00')");
    auto expected = server_->db().exec(
        "SELECT id::text FROM audit_log WHERE action = 'test.page' "
        "ORDER BY created_at DESC, id DESC");
    ASSERT_EQ(expected.rows(), 5);

    auto first = as("admin", "GET", "/api/v1/audit-log?action=test.page&limit=3");
    ASSERT_EQ(first.status, 200) << first.body;
    auto page1 = first.json();
    ASSERT_TRUE(page1.at("next_cursor").is_string());
    auto ids1 = ids_of(page1);
    ASSERT_EQ(ids1.size(), 3u);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(ids1[i], expected.get(i, 0)) << i;
    const auto& item = page1.at("items").at(0).as_object();
    EXPECT_EQ(str(item.at("actor_id")), org_->admin);
    EXPECT_EQ(str(item.at("actor_name")), "Ada Admin");
    EXPECT_EQ(str(item.at("entity_type")), "widgets");
    EXPECT_TRUE(item.at("entity_id").is_string());
    EXPECT_EQ(item.at("before"), json::parse(R"([1, "two", {"three": 3}])"));
    EXPECT_EQ(item.at("after"), json::value("text"));
    EXPECT_EQ(str(item.at("ip")), "10.0.0.1");
    EXPECT_TRUE(str(item.at("request_id")).starts_with("req-"));

    // The next page continues inside the four entries of one instant.
    auto second =
        as("admin", "GET",
           "/api/v1/audit-log?action=test.page&limit=3&cursor=" + str(page1.at("next_cursor")));
    ASSERT_EQ(second.status, 200) << second.body;
    auto page2 = second.json();
    EXPECT_TRUE(page2.at("next_cursor").is_null());
    auto ids2 = ids_of(page2);
    ASSERT_EQ(ids2.size(), 2u);
    EXPECT_EQ(ids2[0], expected.get(3, 0));
    EXPECT_EQ(ids2[1], expected.get(4, 0));
    // The system's entry: no actor.
    const auto& system = page2.at("items").at(1).as_object();
    EXPECT_TRUE(system.at("actor_id").is_null());
    EXPECT_TRUE(system.at("actor_name").is_null());
    EXPECT_TRUE(system.at("before").is_null());
    EXPECT_EQ(system.at("after"), json::parse(R"({"n": 5})"));
    EXPECT_TRUE(system.at("ip").is_null());
    EXPECT_TRUE(system.at("request_id").is_null());
    EXPECT_TRUE(system.at("entity_id").is_null());

    // Without the filter, everything, newest first, across pages.
    auto all = all_items(*server_, tokens_->at("admin"), "/api/v1/audit-log?limit=4");
    std::set<std::string> seen;
    for (const auto& e : all)
        EXPECT_TRUE(seen.insert(str(e.at("id"))).second) << "twice: " << e;
    EXPECT_EQ(static_cast<long long>(seen.size()),
              server_->db().exec("SELECT count(*) FROM audit_log").get_int(0, 0));
    for (std::size_t i = 1; i < all.size(); ++i) {
        auto order = server_->db().exec(
            "SELECT (a.created_at, a.id) >= (b.created_at, b.id) FROM audit_log a, audit_log b "
            "WHERE a.id = $1::uuid AND b.id = $2::uuid",
            db::params(str(all[i - 1].at("id")), str(all[i].at("id"))));
        EXPECT_TRUE(order.get_bool(0, 0)) << i;
    }
}

TEST_F(AdminApi, TheAuditLogFiltersByActorAndEntity) {
    set_zone("Europe/Lisbon");
    set_zone("Europe/Madrid");
    const std::string settings_id(
        server_->db().exec("SELECT id::text FROM settings WHERE key = 'timezone'").get(0, 0));
    auto r = as("admin", "GET",
                "/api/v1/audit-log?entity_type=settings&entity_id=" + settings_id +
                    "&actor_id=" + org_->admin + "&action=settings.update&limit=1");
    ASSERT_EQ(r.status, 200) << r.body;
    auto items = r.json().at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(str(items[0].at("entity_id")), settings_id);
    EXPECT_EQ(str(items[0].at("before").at("time_zone")), "Europe/Lisbon");
    EXPECT_EQ(str(items[0].at("after").at("time_zone")), "Europe/Madrid");
    EXPECT_TRUE(r.json().at("next_cursor").is_string());  // the earlier changes

    // Someone else's entries, or another entity's: none of these.
    for (const std::string& query : {"actor_id=" + org_->m1 + "&action=settings.update",
                                     "entity_type=users&entity_id=" + settings_id,
                                     "entity_id=" + org_->a3 + "&action=settings.update"}) {
        auto none = as("admin", "GET", "/api/v1/audit-log?" + query);
        ASSERT_EQ(none.status, 200) << query << ": " << none.body;
        EXPECT_TRUE(none.json().at("items").as_array().empty()) << query;
    }
}

TEST_F(AdminApi, FromAndToAreDaysInTheOrganisationsZone) {
    // In Kiritimati (UTC+14) the entries fall on other days than in UTC.
    set_zone("Pacific/Kiritimati");
    server_->db().exec(
        "INSERT INTO audit_log (action, entity_type, request_id, created_at) VALUES "
        "('test.range', 'widgets', 'a', '2024-03-09 09:59:59+00'), "  // 03-09 23:59:59 local
        "('test.range', 'widgets', 'b', '2024-03-09 10:00:00+00'), "  // 03-10 00:00:00 local
        "('test.range', 'widgets', 'c', '2024-03-10 10:30:00+00'), "  // 03-11 00:30:00 local
        "('test.range', 'widgets', 'd', '2024-03-11 09:59:59+00'), "  // 03-11 23:59:59 local
        "('test.range', 'widgets', 'e', '2024-03-11 10:00:00+00')");  // 03-12 00:00:00 local
    auto request_ids = [](const std::string& query) {
        auto r = as("admin", "GET", "/api/v1/audit-log?action=test.range&" + query);
        EXPECT_EQ(r.status, 200) << query << ": " << r.body;
        std::string out;
        const json::value page = r.json();
        if (r.status == 200)
            for (const auto& item : page.at("items").as_array())
                out += str(item.at("request_id"));
        return out;
    };
    EXPECT_EQ(request_ids("from=2024-03-10&to=2024-03-11"), "dcb");
    EXPECT_EQ(request_ids("from=2024-03-11&to=2024-03-11"), "dc");
    EXPECT_EQ(request_ids("from=2024-03-11"), "edc");
    EXPECT_EQ(request_ids("to=2024-03-09"), "a");
    EXPECT_EQ(request_ids("from=2024-03-13"), "");
    // Times are written at UTC, not in the zone: 2024-03-12 00:00 at +14:00.
    auto r = as("admin", "GET", "/api/v1/audit-log?action=test.range&limit=1");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(str(r.json().at("items").at(0).at("created_at")), "2024-03-11T10:00:00Z");

    // The same query in UTC: other days.
    set_zone("UTC");
    EXPECT_EQ(request_ids("from=2024-03-11&to=2024-03-11"), "ed");
    EXPECT_EQ(request_ids("to=2024-03-09"), "ba");
}

TEST_F(AdminApi, BadQueriesAre422NamingEachParameter) {
    const std::string base = "/api/v1/audit-log?";
    EXPECT_EQ(details(as("admin", "GET", base + "cursor=not-a-cursor")),
              "cursor: is not a cursor returned by this collection\n");
    // Well-formed cursors of another collection: a date and an id (metrics), a name and an id
    // (users), a timestamp without its id.
    for (const char* key :
         {R"(["2024-05-01", "7f1d3c1e-8d6f-4b8e-9c1a-2b3c4d5e6f70"])",
          R"(["Ann", "7f1d3c1e-8d6f-4b8e-9c1a-2b3c4d5e6f70"])", R"(["2024-05-01 12:00:00+00"])"}) {
        EXPECT_EQ(details(as("admin", "GET", base + "cursor=" + base64url_encode(key))),
                  "cursor: is not a cursor returned by this collection\n")
            << key;
    }
    EXPECT_EQ(details(as("admin", "GET", base + "limit=0")),
              "limit: must be an integer between 1 and 500\n");
    EXPECT_EQ(details(as("admin", "GET", base + "limit=501")),
              "limit: must be an integer between 1 and 500\n");
    EXPECT_EQ(details(as("admin", "GET", base + "to=2024-03-01&from=2024-03-02")),
              "to: must not be before from\n");
    EXPECT_EQ(details(as("admin", "GET", base + "action=&entity_type=" + std::string(101, 'x'))),
              "entity_type: must be 1 to 100 characters\naction: must be 1 to 100 characters\n");
    // Every bad parameter at once.
    EXPECT_EQ(details(as("admin", "GET",
                         base + "actor_id=1&entity_id=x&from=2024-02-30&to=tomorrow&limit=a")),
              "actor_id: must be a UUID\nentity_id: must be a UUID\n"
              "from: must be a date (YYYY-MM-DD)\nto: must be a date (YYYY-MM-DD)\n"
              "limit: must be an integer between 1 and 500\n");
}

}  // namespace
}  // namespace coach::test

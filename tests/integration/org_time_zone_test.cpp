// The organisation's time zone reaches the API: "today" in the views (the overview's default
// range and as_of, the dashboards' CURRENT_DATE) is the organisation's date, and a changed
// 'timezone' setting takes effect without a restart; timestamps stay UTC ("Z") in every zone.
// Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart, so their dates differ at every
// instant: each check below tells the zones apart whatever the time of day the test runs.
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace coach::test {
namespace {
namespace json = boost::json;

std::string date_in(TestDatabase& db, const std::string& zone) {
    return std::string(
        db.exec("SELECT (now() AT TIME ZONE $1)::date::text", db::params(zone)).get(0, 0));
}

struct Seen {
    std::string to, as_of, team_as_of, created_at;
};

Seen look(TestServer& server, const std::string& token, const Org& org) {
    Seen s;
    auto overview = server.as(token, "GET", "/api/v1/agents/" + org.a1 + "/overview");
    EXPECT_EQ(overview.status, 200) << overview.body;
    if (overview.status == 200) {
        json::value o = overview.json();
        s.to = json::value_to<std::string>(o.at("to"));
        s.as_of = json::value_to<std::string>(o.at("as_of"));
    }
    auto team = server.as(token, "GET", "/api/v1/teams/" + org.tl1 + "/dashboard");
    EXPECT_EQ(team.status, 200) << team.body;
    if (team.status == 200)
        s.team_as_of = json::value_to<std::string>(team.json().as_object().at("as_of"));
    auto me = server.as(token, "GET", "/api/v1/users/" + org.a1);
    EXPECT_EQ(me.status, 200) << me.body;
    if (me.status == 200)
        s.created_at = json::value_to<std::string>(me.json().as_object().at("created_at"));
    return s;
}

// Whether `text` is user `id`'s created_at, written at UTC with "Z".
bool is_created_at_utc(TestDatabase& db, const std::string& id, const std::string& text) {
    return text.ends_with("Z") &&
           db.exec("SELECT created_at = $2::timestamptz FROM users WHERE id = $1::uuid",
                   db::params(id, text))
               .get_bool(0, 0);
}

TEST(OrgTimeZone, TodayIsTheOrganisationsAndFollowsTheSetting) {
    Config config = test_config();
    config.timezone = "Pacific/Kiritimati";  // COACH_TIMEZONE
    config.time_zone_check = std::chrono::milliseconds(100);
    TestServer server(config);
    Org org = create_org(server.db());
    std::string token = login(server, "tl1@org.test");

    const std::string kiritimati = date_in(server.db(), "Pacific/Kiritimati");
    Seen s = look(server, token, org);
    EXPECT_EQ(s.to, kiritimati);
    EXPECT_EQ(s.as_of, kiritimati);
    EXPECT_EQ(s.team_as_of, kiritimati);
    // Times are written at UTC whatever the zone.
    EXPECT_TRUE(is_created_at_utc(server.db(), org.a1, s.created_at)) << s.created_at;
    const std::string created_at = s.created_at;

    // The setting wins over COACH_TIMEZONE, and is picked up while the server runs.
    server.db().exec(
        "INSERT INTO settings (key, value) VALUES ('timezone', '\"Pacific/Pago_Pago\"')");
    const std::string pago_pago = date_in(server.db(), "Pacific/Pago_Pago");
    ASSERT_NE(pago_pago, kiritimati);
    for (int i = 0; i < 100 && look(server, token, org).to != pago_pago; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    s = look(server, token, org);
    EXPECT_EQ(s.to, pago_pago);
    EXPECT_EQ(s.as_of, pago_pago);  // pooled sessions were reopened in the new zone
    EXPECT_EQ(s.team_as_of, pago_pago);
    EXPECT_EQ(s.created_at, created_at);

    // Keyset cursors over timestamps do not depend on the zone (the imports list).
    server.db().exec(
        "INSERT INTO import_logs (file_name, import_type, imported_by, status, created_at) "
        "SELECT 'f' || i || '.csv', 'METRICS', $1::uuid, 'SUCCESS', now() - i * interval '1 h' "
        "FROM generate_series(1, 3) i",
        db::params(org.admin));
    std::string admin = login(server, "admin@org.test");
    auto page1 = server.as(admin, "GET", "/api/v1/imports?limit=2");
    ASSERT_EQ(page1.status, 200) << page1.body;
    std::string cursor(page1.json().at("next_cursor").as_string());
    auto page2 = server.as(admin, "GET", "/api/v1/imports?limit=2&cursor=" + cursor);
    ASSERT_EQ(page2.status, 200) << page2.body;
    ASSERT_EQ(page2.json().at("items").as_array().size(), 1u);
    EXPECT_EQ(page2.json().at("items").at(0).at("file_name").as_string(), "f3.csv");

    // A zone PostgreSQL does not know falls back to COACH_TIMEZONE.
    server.db().exec("UPDATE settings SET value = '\"Mars/Olympus_Mons\"' WHERE key = 'timezone'");
    for (int i = 0; i < 100 && look(server, token, org).to != kiritimati; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(look(server, token, org).as_of, kiritimati);
}

}  // namespace
}  // namespace coach::test

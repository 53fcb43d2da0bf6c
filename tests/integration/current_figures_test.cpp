// Figures that depend on "today" roll over at the organisation's midnight and follow a change
// of its zone, read at once after it (docs/domain.md, "Dashboard snapshot"). The server's clock
// is moved (core/clock.hpp) instead of waiting for midnight; every figure is compared with the
// 30-day average recomputed here from the raw rows for the day the API says is today.
#include "core/clock.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

namespace coach::test {
namespace {
namespace json = boost::json;
namespace chr = std::chrono;

// The server's clock at `at` for the life of this object, then the real one again.
class ClockAt {
  public:
    explicit ClockAt(chr::system_clock::time_point at) { move_to(at); }
    ~ClockAt() { clock::set_offset(chr::seconds(0)); }
    ClockAt(const ClockAt&) = delete;
    ClockAt& operator=(const ClockAt&) = delete;
    static void move_to(chr::system_clock::time_point at) {
        clock::set_offset(chr::round<chr::seconds>(at - chr::system_clock::now()));
    }
};

// 00:00:00 UTC of the real today plus `days` and `seconds`.
chr::system_clock::time_point utc_day(int days, int seconds) {
    return chr::floor<chr::days>(chr::system_clock::now()) + chr::days(days) +
           chr::seconds(seconds);
}

class CurrentFigures : public ::testing::Test {
  protected:
    void SetUp() override {
        org_ = create_org(server_.db());
        // a1's quality score is 50 + the number of days back from the real today (UTC), over
        // 40 days: every day the 30-day window moves, its average changes.
        server_.db().exec(
            "INSERT INTO performance_metrics (agent_id, metric_date, quality_score) "
            "SELECT $1::uuid, (now() AT TIME ZONE 'UTC')::date - b, 50 + b "
            "FROM generate_series(1, 40) b",
            db::params(org_.a1));
        server_.db().exec("SELECT refresh_agent_snapshots(NULL, CURRENT_DATE)");
        admin_ = login(server_, "admin@org.test");
        tl1_ = login(server_, "tl1@org.test");
        m1_ = login(server_, "m1@org.test");
    }

    // The 30-day average of a1's quality score for the window ending on `day`, from the rows.
    double expected_quality(const std::string& day) {
        return std::stod(std::string(
            server_.db()
                .exec("SELECT round(avg(quality_score), 2)::text FROM performance_metrics "
                      "WHERE agent_id = $1::uuid AND metric_date > $2::date - 30 "
                      "AND metric_date <= $2::date",
                      db::params(org_.a1, day))
                .get(0, 0)));
    }

    // a1's card on tl1's dashboard, its as_of, and the same on m1's home and in the overview:
    // each must be of today and carry today's 30-day average.
    std::string expect_current_everywhere() {
        HttpResult team = server_.as(tl1_, "GET", "/api/v1/teams/" + org_.tl1 + "/dashboard");
        EXPECT_EQ(team.status, 200) << team.body;
        const json::value team_json = team.json();
        const std::string as_of(team_json.at("as_of").as_string());
        const double expected = expected_quality(as_of);
        auto check_card = [&](const json::value& card, const std::string& where) {
            EXPECT_EQ(card.at("snapshot_as_of").as_string(), as_of) << where;
            EXPECT_NEAR(card.at("avg_30d").at("quality_score").to_number<double>(), expected, 1e-9)
                << where;
        };
        bool seen = false;
        for (const json::value& card : team_json.at("agents").as_array())
            if (card.at("agent_id").as_string() == org_.a1) {
                check_card(card, "team dashboard");
                seen = true;
            }
        EXPECT_TRUE(seen) << team.body;

        HttpResult home = server_.as(m1_, "GET", "/api/v1/dashboard");
        EXPECT_EQ(home.status, 200) << home.body;
        const json::value home_json = home.json();
        EXPECT_EQ(home_json.at("as_of").as_string(), as_of);
        for (const json::value& t : home_json.at("teams").as_array())
            for (const json::value& card : t.at("top_urgent_agents").as_array())
                if (card.at("agent_id").as_string() == org_.a1)
                    check_card(card, "manager home");

        HttpResult overview = server_.as(tl1_, "GET", "/api/v1/agents/" + org_.a1 + "/overview");
        EXPECT_EQ(overview.status, 200) << overview.body;
        const json::value overview_json = overview.json();
        EXPECT_EQ(overview_json.at("as_of").as_string(), as_of);
        check_card(overview_json.at("scorecard"), "overview");
        return as_of;
    }

    void set_zone(const std::string& zone) {
        HttpResult r = server_.as(admin_, "PATCH", "/api/v1/settings",
                                  json::serialize(json::object{{"time_zone", zone}}));
        ASSERT_EQ(r.status, 200) << r.body;
    }

    TestServer server_;
    Org org_;
    std::string admin_, tl1_, m1_;
};

TEST_F(CurrentFigures, AYesterdaysSnapshotIsBroughtToTodayBeforeAnyDashboardShowsIt) {
    // The snapshots as the nightly job left them yesterday: yesterday's window.
    server_.db().exec("SELECT refresh_agent_snapshots(NULL, CURRENT_DATE - 1)");
    const std::string today = expect_current_everywhere();
    // Every agent shown was brought to today; tl2's a3, shown nowhere, waits for its first
    // read (or the nightly job).
    auto stale = [&](const std::string& agent) {
        return server_.db()
                   .exec(
                       "SELECT as_of IS DISTINCT FROM $2::date FROM agent_dashboard_snapshot "
                       "WHERE agent_id = $1::uuid",
                       db::params(agent, today))
                   .get(0, 0) == "t";
    };
    EXPECT_FALSE(stale(org_.a1));
    EXPECT_FALSE(stale(org_.a2));
    EXPECT_TRUE(stale(org_.a3));
}

TEST_F(CurrentFigures, TheDayRollsOverAtTheOrganisationsMidnight) {
    ClockAt clock(utc_day(0, 23 * 3600 + 59 * 60 + 50));  // 23:59:50 UTC, the org's zone
    const std::string before = expect_current_everywhere();
    ClockAt::move_to(utc_day(1, 5));  // 00:00:05 the next day, before any nightly job
    const std::string after = expect_current_everywhere();
    EXPECT_NE(before, after);
    EXPECT_NE(expected_quality(before), expected_quality(after));  // the window did move
}

TEST_F(CurrentFigures, AZoneChangeAcrossMidnightMovesTodayBothWays) {
    ClockAt clock(utc_day(0, 11 * 3600));  // 11:00 UTC: already tomorrow at UTC+14
    const std::string utc_today = expect_current_everywhere();
    set_zone("Pacific/Kiritimati");
    const std::string kiritimati_today = expect_current_everywhere();
    EXPECT_NE(kiritimati_today, utc_today);
    // Back: the snapshots are now of a day after today, and must not be shown as today's.
    set_zone("UTC");
    EXPECT_EQ(expect_current_everywhere(), utc_today);
}

TEST_F(CurrentFigures, AnImportIsReadAtOnceEverywhere) {
    // The usual morning import: yesterday's rows, one of them replacing a1's.
    const std::string yesterday(
        server_.db().exec("SELECT ((now() AT TIME ZONE 'UTC')::date - 1)::text").get(0, 0));
    RequestOptions upload;
    upload.token = admin_;
    upload.content_type = "text/csv";
    upload.body =
        "employee_id,metric_date,service_score,quality_score\n"
        "E1," +
        yesterday + ",40,10\nE2," + yesterday + ",80,90\n";
    HttpResult imported =
        server_.request("POST", "/api/v1/imports?type=METRICS&file_name=morning.csv", upload);
    ASSERT_EQ(imported.status, 201) << imported.body;
    ASSERT_EQ(imported.json().at("status"), "SUCCESS") << imported.body;

    // Read at once: the cards, the home and the overview (each against the rows) ...
    const std::string today = expect_current_everywhere();
    // ... and the team summary, against yesterday's rows of tl1's agents.
    HttpResult summary = server_.as(m1_, "GET", "/api/v1/team-performance-summary");
    ASSERT_EQ(summary.status, 200) << summary.body;
    const json::value summary_json = summary.json();
    bool seen = false;
    for (const json::value& row : summary_json.at("items").as_array()) {
        if (row.at("team_leader_id").as_string() != org_.tl1)
            continue;
        seen = true;
        EXPECT_EQ(row.at("as_of").as_string(), today);
        EXPECT_EQ(row.at("agent_count").to_number<int>(), 2);  // a1 and a2; gone is deleted
        EXPECT_NEAR(row.at("avg_quality_score").to_number<double>(), (10 + 90) / 2.0, 1e-9);
        EXPECT_NEAR(row.at("avg_service_score").to_number<double>(), (40 + 80) / 2.0, 1e-9);
    }
    EXPECT_TRUE(seen) << summary.body;
}

}  // namespace
}  // namespace coach::test

// GET /api/v1/teams/{team_leader_id}/daily-averages: a team's average of each charted metric
// per day, compared with the same averages recomputed here from the raw rows of
// performance_metrics and performance_metrics_archive (live beating archived, the team's agents
// only); the scope of each role; bad input.
#include "db/columns.hpp"
#include "metrics/metric_row.hpp"
#include "support/test_server.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace coach::test {
namespace {
namespace json = boost::json;

// One raw row of the fixture: `back` days before today, live or archived.
struct RawRow {
    std::string agent;  // a key of the agents map: a1, a2, a4, gone, a3
    int back;
    bool archived;
    std::optional<double> service, productivity, quality, attendance, adherence, csat, fcr;
    std::optional<int> aht;
};

class TeamDailyAverages : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        TestDatabase& db = server_->db();
        const Org& o = *org_;
        // a4: a terminated agent of tl1 (their days were the team's).
        const std::string a4(
            db.exec("INSERT INTO users (email, name, role, password_hash, team_leader_id, status) "
                    "VALUES ('a4@org.test', 'Dee Departed', 'AGENT', '!', $1::uuid, "
                    "'TERMINATED') RETURNING id",
                    db::params(o.tl1))
                .get(0, 0));
        (*agents_) = {{"a1", o.a1}, {"a2", o.a2}, {"a4", a4}, {"gone", o.gone}, {"a3", o.a3}};
        const std::vector<RawRow> rows{
            // Yesterday: a1 and a2; gone (soft-deleted) and a3 (tl2's) do not count for tl1.
            {"a1", 1, false, 81.5, 70, 90, 100, 95, 4.5, 80, 300},
            {"a2", 1, false, 60.25, 55, 70.5, 90, 85, 3.8, 60, 420},
            {"gone", 1, false, 10, 10, 10, 10, 10, 1, 10, 900},
            {"a3", 1, false, 99, 99, 99, 99, 99, 5, 99, 100},
            // Two days back: a1 and the terminated a4; a4 has no CSAT.
            {"a1", 2, false, 75, 72.33, 88, 100, 91, 4.2, 77, 310},
            {"a4", 2, false, 50, 40, 45, 80, 70, std::nullopt, 50, 515},
            // Three days back: a1 without CSAT or AHT, a2 with them: one value each.
            {"a1", 3, false, 70, 70, 70, 70, 70, std::nullopt, 70, std::nullopt},
            {"a2", 3, false, 65, 66, 67, 68, 69, 3.33, 71, 333},
            // 400 days back, archived only; 401: a1 live and archived (the live row counts),
            // a2 archived only.
            {"a1", 400, true, 20, 20, 20, 20, 20, 2, 20, 200},
            {"a2", 400, true, 41, 43, 47, 53, 59, 3, 61, 403},
            {"a1", 401, false, 60, 61, 62, 63, 64, 4, 65, 250},
            {"a1", 401, true, 1, 1, 1, 1, 1, 1, 1, 999},
            {"a2", 401, true, 30, 31, 32, 33, 34, 2.5, 35, 350},
            // 700 days back: a3 only (tl2's team).
            {"a3", 700, true, 77, 77, 77, 77, 77, 4, 77, 377},
        };
        for (const RawRow& r : rows) {
            const std::string table =
                r.archived ? "performance_metrics_archive" : "performance_metrics";
            db.exec("INSERT INTO " + table +
                        " (agent_id, metric_date, service_score, productivity_score, "
                        "quality_score, attendance_rate, adherence_score, csat, fcr, aht) VALUES "
                        "($1::uuid, CURRENT_DATE - $2::int, $3::numeric, $4::numeric, "
                        "$5::numeric, $6::numeric, $7::numeric, $8::numeric, $9::numeric, "
                        "$10::int)",
                    db::params(
                        agents_->at(r.agent), r.back, text(r.service), text(r.productivity),
                        text(r.quality), text(r.attendance), text(r.adherence), text(r.csat),
                        text(r.fcr),
                        r.aht ? std::optional<std::string>(std::to_string(*r.aht)) : std::nullopt));
        }
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "a1"})
            (*tokens_)[who] = login(*server_, std::string(who) + "@org.test");
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_->clear();
        agents_->clear();
    }

    static std::optional<std::string> text(std::optional<double> v) {
        if (!v)
            return std::nullopt;
        return fmt::format("{}", *v);
    }
    static HttpResult as(const std::string& who, const std::string& target) {
        return server_->as(tokens_->at(who), "GET", target);
    }
    static std::string averages(const std::string& team_leader, const std::string& query = "") {
        return "/api/v1/teams/" + team_leader + "/daily-averages" + query;
    }
    static std::string day(int back) {
        return std::string(server_->db()
                               .exec("SELECT (CURRENT_DATE - $1::int)::text", db::params(back))
                               .get(0, 0));
    }

    // The expected days of `team` (agent ids) between from and to, from the raw rows: a day's
    // live row of an agent, else its archived one; per metric the mean of the non-null values.
    struct Day {
        int agent_count = 0;
        std::map<std::string, std::optional<double>> mean;  // by metric
    };
    static std::map<std::string, Day> recomputed(const std::set<std::string>& team,
                                                 const std::string& from, const std::string& to) {
        std::string columns = "agent_id::text AS agent_id, metric_date::text AS metric_date";
        for (auto m : metrics::kChartedMetrics)
            columns += fmt::format(", {0}::text AS {0}", m);
        // (agent, day) -> metric -> value, live rows written after archived ones.
        std::map<std::pair<std::string, std::string>, std::map<std::string, std::optional<double>>>
            rows;
        for (const char* table : {"performance_metrics_archive", "performance_metrics"}) {
            db::PgResult r = server_->db().exec(
                fmt::format("SELECT {} FROM {} WHERE metric_date BETWEEN $1::date AND $2::date",
                            columns, table),
                db::params(from, to));
            for (int i = 0; i < r.rows(); ++i) {
                std::string agent(r.get(i, db::column(r, "agent_id")));
                if (!team.contains(agent))
                    continue;
                auto& values = rows[{agent, std::string(r.get(i, db::column(r, "metric_date")))}];
                values.clear();
                for (auto m : metrics::kChartedMetrics) {
                    const int c = db::column(r, m);
                    values[std::string(m)] =
                        r.is_null(i, c)
                            ? std::nullopt
                            : std::optional<double>(std::stod(std::string(r.get(i, c))));
                }
            }
        }
        std::map<std::string, std::map<std::string, std::vector<double>>> by_day;
        std::map<std::string, Day> out;
        for (const auto& [key, values] : rows) {
            ++out[key.second].agent_count;
            for (const auto& [metric, v] : values)
                if (v)
                    by_day[key.second][metric].push_back(*v);
        }
        for (auto& [date, d] : out)
            for (auto m : metrics::kChartedMetrics) {
                const auto& vs = by_day[date][std::string(m)];
                if (vs.empty()) {
                    d.mean[std::string(m)] = std::nullopt;
                    continue;
                }
                double sum = 0;
                for (double v : vs)
                    sum += v;
                d.mean[std::string(m)] = sum / static_cast<double>(vs.size());
            }
        return out;
    }

    // The answer's days against the recomputation: the same days in order, the same counts,
    // each mean within the rounding to 2 decimals.
    static void expect_recomputed(const json::value& answer, const std::set<std::string>& team) {
        const std::string from(answer.at("from").as_string());
        const std::string to(answer.at("to").as_string());
        const auto expected = recomputed(team, from, to);
        const json::array& days = answer.at("days").as_array();
        ASSERT_EQ(days.size(), expected.size());
        std::size_t i = 0;
        for (const auto& [date, d] : expected) {
            const json::object& got = days.at(i++).as_object();
            EXPECT_EQ(got.at("metric_date").as_string(), date);
            EXPECT_EQ(got.at("agent_count").as_int64(), d.agent_count) << date;
            for (const auto& [metric, mean] : d.mean) {
                const json::value& v = got.at(metric);
                if (!mean) {
                    EXPECT_TRUE(v.is_null()) << date << " " << metric;
                    continue;
                }
                ASSERT_FALSE(v.is_null()) << date << " " << metric;
                EXPECT_NEAR(v.to_number<double>(), *mean, 0.005 + 1e-9) << date << " " << metric;
            }
        }
    }
    std::set<std::string> tl1_team() const {
        return {org_->a1, org_->a2, agents_->at("a4")};  // gone is soft-deleted
    }

    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
    static std::map<std::string, std::string>* agents_;
};
TestServer* TeamDailyAverages::server_ = nullptr;
Org* TeamDailyAverages::org_ = nullptr;
std::map<std::string, std::string>* TeamDailyAverages::tokens_ =
    new std::map<std::string, std::string>();
std::map<std::string, std::string>* TeamDailyAverages::agents_ =
    new std::map<std::string, std::string>();

TEST_F(TeamDailyAverages, DefaultRangeIsTheOverviews) {
    auto r = as("tl1", averages(org_->tl1));
    ASSERT_EQ(r.status, 200) << r.body;
    const json::value v = r.json();
    EXPECT_EQ(v.at("team_leader_id").as_string(), org_->tl1);
    EXPECT_EQ(v.at("from").as_string(), day(89));  // 90 days, today included
    EXPECT_EQ(v.at("to").as_string(), day(0));
    const json::array& days = v.at("days").as_array();
    ASSERT_EQ(days.size(), 3u);  // 3, 2 and 1 days back; none without data
    // Yesterday: a1 and a2 (gone and tl2's a3 left out).
    const json::object& y = days.at(2).as_object();
    EXPECT_EQ(y.at("metric_date").as_string(), day(1));
    EXPECT_EQ(y.at("agent_count").as_int64(), 2);
    EXPECT_DOUBLE_EQ(y.at("service_score").to_number<double>(), 70.88);  // (81.5 + 60.25) / 2
    EXPECT_DOUBLE_EQ(y.at("aht").to_number<double>(), 360.0);
    // Two days back: a1 and the terminated a4, whose missing CSAT leaves a1's alone.
    const json::object& two = days.at(1).as_object();
    EXPECT_EQ(two.at("agent_count").as_int64(), 2);
    EXPECT_DOUBLE_EQ(two.at("csat").to_number<double>(), 4.2);
    EXPECT_DOUBLE_EQ(two.at("productivity_score").to_number<double>(), 56.17);  // 56.165
    // Three days back: AHT from a2 alone.
    EXPECT_DOUBLE_EQ(days.at(0).at("aht").to_number<double>(), 333.0);
    expect_recomputed(v, tl1_team());
}

TEST_F(TeamDailyAverages, TwoYearsReadTheArchive) {
    auto r = as("m1", averages(org_->tl1, "?from=" + day(730) + "&to=" + day(0)));
    ASSERT_EQ(r.status, 200) << r.body;
    const json::value v = r.json();
    const json::array& days = v.at("days").as_array();
    ASSERT_EQ(days.size(), 5u);  // 401, 400 (archive), 3, 2, 1
    const json::object& old = days.at(0).as_object();
    EXPECT_EQ(old.at("metric_date").as_string(), day(401));
    EXPECT_EQ(old.at("agent_count").as_int64(), 2);
    EXPECT_DOUBLE_EQ(old.at("service_score").to_number<double>(), 45.0);  // a1 live 60, a2 30
    EXPECT_EQ(days.at(1).at("metric_date").as_string(), day(400));
    expect_recomputed(v, tl1_team());

    r = as("tl2", averages(org_->tl2, "?from=" + day(730) + "&to=" + day(0)));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.json().at("days").as_array().size(), 2u);  // 700 (archive) and 1
    expect_recomputed(r.json(), {org_->a3});
}

TEST_F(TeamDailyAverages, DaysWithoutDataAreLeftOut) {
    auto r = as("admin", averages(org_->tl2, "?from=" + day(20) + "&to=" + day(10)));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.json().at("days").as_array().empty());
}

TEST_F(TeamDailyAverages, Scope) {
    const Org& o = *org_;
    EXPECT_EQ(as("admin", averages(o.tl1)).status, 200);
    EXPECT_EQ(as("admin", averages(o.tl2)).status, 200);
    EXPECT_EQ(as("m1", averages(o.tl1)).status, 200);
    EXPECT_EQ(as("m1", averages(o.tl2)).status, 404);  // reports to m2
    EXPECT_EQ(as("m2", averages(o.tl1)).status, 404);
    EXPECT_EQ(as("tl1", averages(o.tl1)).status, 200);
    EXPECT_EQ(as("tl1", averages(o.tl2)).status, 404);
    EXPECT_EQ(as("tl2", averages(o.tl1)).status, 404);
    EXPECT_EQ(as("a1", averages(o.tl1)).status, 403);  // agents: their own charts, no team line
    EXPECT_EQ(as("a1", averages(o.tl2)).status, 403);
    EXPECT_EQ(as("admin", averages(o.a1)).status, 404);  // not a team leader
    EXPECT_EQ(as("admin", averages(o.m1)).status, 404);
    EXPECT_EQ(as("admin", averages("6f1c7a3e-0000-4000-8000-000000000001")).status, 404);
    EXPECT_EQ(server_->request("GET", averages(o.tl1)).status, 401);
}

TEST_F(TeamDailyAverages, BadInput) {
    const Org& o = *org_;
    EXPECT_EQ(as("admin", averages("123")).status, 400);
    expect_series_range_checks(
        [&](const std::string& query) { return as("admin", averages(o.tl1, query)); });
}

}  // namespace
}  // namespace coach::test

// Urgency score and reasons (src/dashboards/rules.hpp) and the priority order of a team
// (src/dashboards/cards.hpp); every expectation computed by hand.
#include "dashboards/cards.hpp"
#include "dashboards/json.hpp"
#include "dashboards/rules.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

namespace coach::dashboards {
namespace {

// A reason as the JSON shows it.
struct Reason {
    std::string code;
    std::string text;
    int points = 0;
    bool operator==(const Reason&) const = default;
};

void PrintTo(const Reason& r, std::ostream* os) {
    *os << "{" << r.code << ", \"" << r.text << "\", " << r.points << "}";
}

std::vector<Reason> reasons_of(const UrgencyInput& in) {
    std::vector<Reason> out;
    const Urgency u = urgency(in);  // parts() refers into it: not a temporary of the loop
    for (const UrgencyPart& part : u.parts()) {
        std::string text;
        append_reason_text(text, part.code, in);
        out.push_back({std::string(to_string(part.code)), std::move(text), part.points});
    }
    return out;
}

UrgencyInput good_and_coached() {
    UrgencyInput in;
    in.level = Level::Good;
    in.avg30_composite = 84.0;
    in.composite_trend = Trend::Stable;
    in.days_since_last_coaching = 3;
    return in;
}

TEST(UrgencyScore, NothingToDo) {
    Urgency u = urgency(good_and_coached());
    EXPECT_EQ(u.score(), 0);
    EXPECT_TRUE(u.parts().empty());
}

TEST(UrgencyScore, LevelPoints) {
    UrgencyInput in = good_and_coached();
    in.days_since_last_coaching = 0;  // coached today: never overdue
    in.level = Level::Excellent;
    EXPECT_EQ(urgency(in).score(), 0);
    in.level = Level::Fair;
    in.avg30_composite = 75.5;
    Urgency u = urgency(in);
    auto reasons = reasons_of(in);
    EXPECT_EQ(u.score(), 15);
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0], (Reason{"LOW_PERFORMANCE", "30-day composite 75.50 (FAIR)", 15}));
    in.level = Level::Poor;
    EXPECT_EQ(urgency(in).score(), 30);
    in.level = Level::Critical;
    in.avg30_composite = 58.4;
    u = urgency(in);
    reasons = reasons_of(in);
    EXPECT_EQ(u.score(), 40);
    EXPECT_EQ(reasons[0].text, "30-day composite 58.40 (CRITICAL)");
}

TEST(UrgencyScore, NoMetricsMeansNoLevelAndFourteenDays) {
    UrgencyInput in;  // no level, no trend, never coached
    Urgency u = urgency(in);
    auto reasons = reasons_of(in);
    // 5 (no metrics) + 30 (never coached) = 35
    EXPECT_EQ(u.score(), 35);
    ASSERT_EQ(reasons.size(), 2u);
    EXPECT_EQ(reasons[0], (Reason{"NO_METRICS", "No composite score in the last 30 days", 5}));
    EXPECT_EQ(reasons[1],
              (Reason{"NEVER_COACHED", "Never coached (no level yet: every 14 days)", 30}));
    in.days_since_last_coaching = 14;  // exactly the gap: not overdue
    EXPECT_EQ(urgency(in).score(), 5);
    in.days_since_last_coaching = 15;  // 10 + floor(20 * 1 / 14) = 11
    EXPECT_EQ(urgency(in).score(), 5 + 11);
}

TEST(UrgencyScore, CoachingGapScalesWithTheLevel) {
    UrgencyInput in = good_and_coached();
    in.level = Level::Fair;
    in.avg30_composite = 72.0;
    in.days_since_last_coaching = 7;  // FAIR gap 7: on time
    EXPECT_EQ(urgency(in).score(), 15);
    in.days_since_last_coaching = 9;  // 10 + floor(20 * 2 / 7) = 10 + 5 = 15
    Urgency u = urgency(in);
    auto reasons = reasons_of(in);
    EXPECT_EQ(u.score(), 15 + 15);
    ASSERT_EQ(reasons.size(), 2u);
    EXPECT_EQ(reasons[1],
              (Reason{"OVERDUE_COACHING", "9 days since last coaching (FAIR: every 7 days)", 15}));
    in.days_since_last_coaching = 14;  // 10 + 20 = 30: the cap at twice the gap
    EXPECT_EQ(urgency(in).score(), 15 + 30);
    in.days_since_last_coaching = 400;
    EXPECT_EQ(urgency(in).score(), 15 + 30);

    in.level = Level::Critical;
    in.avg30_composite = 50.0;
    in.days_since_last_coaching = 1;  // CRITICAL gap 1: on time
    EXPECT_EQ(urgency(in).score(), 40);
    in.days_since_last_coaching = 2;  // 10 + 20 * 1 / 1 = 30
    u = urgency(in);
    reasons = reasons_of(in);
    EXPECT_EQ(u.score(), 70);
    EXPECT_EQ(reasons[1].text, "2 days since last coaching (CRITICAL: every day)");

    in.level = Level::Excellent;
    in.avg30_composite = 95.0;
    in.days_since_last_coaching = 45;  // 10 + floor(20 * 15 / 30) = 20
    EXPECT_EQ(urgency(in).score(), 20);
}

TEST(UrgencyScore, TrendsNotesItemsAndPip) {
    UrgencyInput in = good_and_coached();
    in.composite_trend = Trend::Declining;
    in.declining_metrics = {"csat", "quality_score"};  // shown in column order
    in.unaddressed_high_notes = 1;
    in.overdue_action_items = 2;
    in.active_pip = true;
    Urgency u = urgency(in);
    auto reasons = reasons_of(in);
    // 10 + 2*2 + 10 + 2*5 + 10 = 44
    EXPECT_EQ(u.score(), 44);
    std::vector<Reason> expected = {
        {"DECLINING_COMPOSITE", "Composite declining against the previous 30 days", 10},
        {"DECLINING_METRICS", "Declining against the previous 30 days: quality, CSAT", 4},
        {"HIGH_NOTES", "1 unaddressed high-priority note", 10},
        {"OVERDUE_ACTION_ITEMS", "2 overdue action items", 10},
        {"ACTIVE_PIP", "On an active performance improvement plan", 10},
    };
    EXPECT_EQ(reasons, expected);
}

TEST(UrgencyScore, PartsAreCappedAndTheTotalTo100) {
    UrgencyInput in;
    in.level = Level::Critical;
    in.avg30_composite = 10.0;
    in.composite_trend = Trend::Declining;
    in.declining_metrics = {"service_score",
                            "productivity_score",
                            "quality_score",
                            "attendance_rate",
                            "adherence_score",
                            "csat",
                            "fcr",
                            "aht"};
    in.unaddressed_high_notes = 7;
    in.overdue_action_items = 9;
    in.active_pip = true;
    Urgency u = urgency(in);
    auto reasons = reasons_of(in);
    // 40 + 10 + min(8, 16) + 30 (never) + min(20, 70) + min(15, 45) + 10 = 133 -> 100
    EXPECT_EQ(u.score(), 100);
    int sum = 0;
    for (const auto& r : reasons)
        sum += r.points;
    EXPECT_EQ(sum, 133);
    EXPECT_EQ(reasons[2].points, 8);
    EXPECT_EQ(reasons[2].text,
              "Declining against the previous 30 days: service, productivity, quality, "
              "attendance, adherence, CSAT, FCR, AHT");
    EXPECT_EQ(reasons[4], (Reason{"HIGH_NOTES", "7 unaddressed high-priority notes", 20}));
    EXPECT_EQ(reasons[5], (Reason{"OVERDUE_ACTION_ITEMS", "9 overdue action items", 15}));
}

TEST(UrgencyScore, OneDayOverdueAndTheCompositeAmongTheDecliningMetrics) {
    UrgencyInput in = good_and_coached();
    in.level = Level::Critical;
    in.avg30_composite = 41.0;
    in.days_since_last_coaching = 1;  // the CRITICAL gap: on time
    // The composite's own reason is DECLINING_COMPOSITE (composite_trend), not a metric here.
    in.declining_metrics = {"composite_score"};
    EXPECT_EQ(reasons_of(in),
              (std::vector<Reason>{{"LOW_PERFORMANCE", "30-day composite 41.00 (CRITICAL)", 40}}));
    in.level = Level::Poor;  // gap 3
    in.avg30_composite = 61.0;
    in.days_since_last_coaching = 4;  // 10 + floor(20 * 1 / 3) = 16
    in.declining_metrics = {"composite_score", "fcr"};
    EXPECT_EQ(urgency(in).score(), 30 + 2 + 16);
    EXPECT_EQ(reasons_of(in),
              (std::vector<Reason>{
                  {"LOW_PERFORMANCE", "30-day composite 61.00 (POOR)", 30},
                  {"DECLINING_METRICS", "Declining against the previous 30 days: FCR", 2},
                  {"OVERDUE_COACHING", "4 days since last coaching (POOR: every 3 days)", 16}}));
    in.level = std::nullopt;  // gap 14
    in.avg30_composite = std::nullopt;
    in.declining_metrics = {};
    in.days_since_last_coaching = 15;  // 10 + floor(20 * 1 / 14) = 11
    EXPECT_EQ(reasons_of(in).back(),
              (Reason{"OVERDUE_COACHING",
                      "15 days since last coaching (no level yet: every 14 days)", 11}));
}

// The handcrafted team of the dashboard integration test, in the order a team leader should
// see it (scores by hand):
//   Carl  CRITICAL 55.00, coached 7 days ago          40 + 30 (cap)             = 70
//   Pam   POOR 65.00, coached yesterday, PIP, 1 HIGH   30 + 0 + 10 + 10          = 50
//   Fred  FAIR 75.00 declining, 9 days ago            15 + 10 + 15              = 40
//   Nick  no metrics yet, never coached               5 + 30                    = 35
//   Eve   EXCELLENT 95.00, never coached              0 + 30                    = 30
//   Gina  GOOD 84.00, coached 2 days ago, 1 overdue   0 + 0 + 5                 = 5
//   Gail  GOOD 86.00, coached 2 days ago, 1 overdue   5, same as Gina but a better composite
//   Hal   GOOD 84.00, coached 2 days ago, 1 overdue   5, same as Gina: by name (Gina < Hal)
// Why: a CRITICAL agent a week without coaching is the most urgent; an open compliance/urgent
// note and a PIP put a POOR agent next; a FAIR agent two days past the cadence and declining
// comes before anyone merely never coached; a GOOD agent with one late task is last.
std::vector<Card> handcrafted_team() {
    // Names and ids are views: keep their text alive for the test's duration.
    static const std::vector<std::string> names = {"Gina", "Eve",  "Hal", "Fred",
                                                   "Nick", "Gail", "Pam", "Carl"};
    static const std::vector<std::string> ids = {"id-1", "id-2", "id-3", "id-4",
                                                 "id-5", "id-6", "id-7", "id-8"};
    auto card = [](std::string_view name, std::optional<Level> level, std::optional<double> avg,
                   Trend trend, std::optional<int> days, int notes, int items, bool pip) {
        CardRow r;
        auto i = std::find(names.begin(), names.end(), name) - names.begin();
        r.agent_id = ids[i];
        r.name = names[i];
        r.status = "ACTIVE";
        r.signals.level = level;
        r.signals.avg30_composite = avg;
        r.signals.composite_trend = trend;
        r.signals.days_since_last_coaching = days;
        r.signals.unaddressed_high_notes = notes;
        r.signals.overdue_action_items = items;
        r.signals.active_pip = pip;
        return make_card(std::move(r));
    };
    return {
        card("Gina", Level::Good, 84.0, Trend::Stable, 2, 0, 1, false),
        card("Eve", Level::Excellent, 95.0, Trend::Improving, std::nullopt, 0, 0, false),
        card("Hal", Level::Good, 84.0, Trend::Stable, 2, 0, 1, false),
        card("Fred", Level::Fair, 75.0, Trend::Declining, 9, 0, 0, false),
        card("Nick", std::nullopt, std::nullopt, Trend::InsufficientData, std::nullopt, 0, 0,
             false),
        card("Gail", Level::Good, 86.0, Trend::Stable, 2, 0, 1, false),
        card("Pam", Level::Poor, 65.0, Trend::Stable, 1, 1, 0, true),
        card("Carl", Level::Critical, 55.0, Trend::Stable, 7, 0, 0, false),
    };
}

TEST(UrgencyOrder, HandcraftedTeam) {
    std::vector<Card> team = handcrafted_team();
    sort_by_urgency(team);
    std::vector<std::pair<std::string, int>> got;
    for (const auto& c : team)
        got.emplace_back(c.row.name, c.urgency.score());
    std::vector<std::pair<std::string, int>> expected = {
        {"Carl", 70}, {"Pam", 50}, {"Fred", 40}, {"Nick", 35},
        {"Eve", 30},  {"Gina", 5}, {"Hal", 5},   {"Gail", 5},
    };
    EXPECT_EQ(got, expected);
}

TEST(UrgencyCardJson, IsValidJsonWithEveryField) {
    CardRow r;
    r.agent_id = "6f1c7a3e-0000-4000-8000-000000000001";
    r.name = "Zoë \"Z\" O'Neil\\\n";
    r.employee_id = "E\t1";
    r.status = "PIP";
    r.figures =
        R"j("snapshot_as_of":"2026-01-31","performance_level":"POOR","latest":{"metric_date":"2026-01-30","aht":300},"avg_30d":{"days_with_data":3},"trends":{"aht":"STABLE"})j";
    r.signals.level = Level::Poor;
    r.signals.avg30_composite = 65.0;
    r.last_coaching_at = "2026-01-20T10:00:00.25Z";  // utc_json's text
    r.signals.days_since_last_coaching = 11;
    r.signals.unaddressed_high_notes = 1;
    r.signals.active_pip = true;
    std::string out;
    append_card_json(out, make_card(r));
    auto v = boost::json::parse(out).as_object();
    EXPECT_EQ(v.at("name").as_string(), "Zoë \"Z\" O'Neil\\\n");
    EXPECT_EQ(v.at("employee_id").as_string(), "E\t1");
    EXPECT_EQ(v.at("performance_level").as_string(), "POOR");
    EXPECT_EQ(v.at("latest").at("aht").as_int64(), 300);
    EXPECT_EQ(v.at("last_coaching_at").as_string(), "2026-01-20T10:00:00.25Z");
    EXPECT_EQ(v.at("days_since_last_coaching").as_int64(), 11);
    EXPECT_EQ(v.at("active_pip").as_bool(), true);
    EXPECT_EQ(v.at("snapshot_as_of").as_string(), "2026-01-31");
    EXPECT_EQ(v.at("trends").at("aht").as_string(), "STABLE");
    // 30 (POOR) + 30 (11 days, gap 3: cap) + 10 (note) + 10 (PIP) = 80
    EXPECT_EQ(v.at("urgency_score").as_int64(), 80);
    EXPECT_EQ(v.at("urgency_reasons").as_array().size(), 4u);
    EXPECT_EQ(v.at("urgency_reasons").at(1).at("code").as_string(), "OVERDUE_COACHING");
}

TEST(UrgencyCardJson, WithoutSnapshotTheFiguresAreNull) {
    CardRow r;
    r.agent_id = "6f1c7a3e-0000-4000-8000-000000000002";
    r.name = "New";
    r.status = "ACTIVE";
    std::string out;
    append_card_json(out, make_card(r));
    auto v = boost::json::parse(out).as_object();
    for (auto key : {"employee_id", "snapshot_as_of", "performance_level", "latest", "avg_30d",
                     "trends", "last_coaching_at", "days_since_last_coaching"})
        EXPECT_TRUE(v.at(key).is_null()) << key;
    EXPECT_EQ(v.at("urgency_score").as_int64(), 35);  // NO_METRICS 5 + NEVER_COACHED 30
}

TEST(UrgencyCardJson, HelpersOfPostgresText) {
    EXPECT_EQ(metric_set_of_array("{quality_score,csat}"), (MetricSet{"csat", "quality_score"}));
    EXPECT_EQ(metric_set_of_array(R"({"aht",fcr})"), (MetricSet{"aht", "fcr"}));
    EXPECT_TRUE(metric_set_of_array("{}").empty());
    EXPECT_TRUE(metric_set_of_array("quality_score").empty());    // not an array literal
    EXPECT_TRUE(metric_set_of_array("{calls_handled}").empty());  // not a dashboard metric
}

}  // namespace
}  // namespace coach::dashboards

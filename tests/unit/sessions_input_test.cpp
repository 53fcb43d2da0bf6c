// Reading the sessions routes' bodies (sessions/session_input.*) and RFC 3339 times
// (http::is_timestamp): what is accepted, and that every bad field is named.
#include "sessions/session_input.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <set>

namespace coach::sessions {
namespace {
namespace json = boost::json;

json::object body(const std::string& text) {
    return json::parse(text).as_object();
}

template <class T>
std::set<std::string> fields_of(const Result<T>& r) {
    std::set<std::string> out;
    if (!r)
        for (const auto& d : r.error().details)
            out.insert(d.field);
    return out;
}

TEST(SessionsInput, TimestampsNeedAnOffset) {
    for (auto ok :
         {"2026-12-07T09:30:00Z", "2026-12-07T09:30Z", "2026-12-07T09:30:00.123456Z",
          "2026-12-07t09:30:00z", "2026-12-07T09:30:00+01:00", "2026-12-07T23:59:60-11:30"})
        EXPECT_TRUE(http::is_timestamp(ok)) << ok;
    for (auto bad :
         {"2026-12-07", "2026-12-07T09:30:00", "2026-12-07 09:30:00Z", "2026-02-30T09:30:00Z",
          "2026-12-07T24:00:00Z", "2026-12-07T09:60:00Z", "2026-12-07T09:30:00+1:00",
          "2026-12-07T09:30:00.Z", "2026-12-07T09:30:00+01:00x", "tomorrow", ""})
        EXPECT_FALSE(http::is_timestamp(bad)) << bad;
}

TEST(SessionsInput, ANewSessionHasDefaults) {
    auto s = parse_new_session(body(R"({"agent_id": "0b9a1c7e-5f0e-4d8a-9c39-1f2e3d4c5b6a",
                                        "scheduled_date": "2026-12-07T09:30:00Z"})"));
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->planned_minutes, 30);
    EXPECT_EQ(s->session_type, "REGULAR");
    EXPECT_FALSE(s->allow_overlap);
    EXPECT_FALSE(s->topics_covered);
}

TEST(SessionsInput, ANewSessionNamesEveryBadField) {
    auto s = parse_new_session(body(R"({"planned_minutes": 481, "session_type": "chat",
        "topics_covered": ["", "ok"], "allow_overlap": "yes", "room": 4})"));
    EXPECT_EQ(fields_of(s),
              (std::set<std::string>{"agent_id", "scheduled_date", "planned_minutes",
                                     "session_type", "topics_covered", "allow_overlap", "room"}));
}

TEST(SessionsInput, APatchSetsWhatItNamesAndNullClears) {
    auto p = parse_session_patch(
        body(R"({"discussion_notes": "Talked holds", "engagement_score": 4, "summary": null})"));
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(json::serialize(p->set),
              R"({"discussion_notes":"Talked holds","engagement_score":4,"summary":null})");
    EXPECT_FALSE(p->reschedules());
    auto moved = parse_session_patch(body(R"({"planned_minutes": 45})"));
    ASSERT_TRUE(moved);
    EXPECT_TRUE(moved->reschedules());
}

TEST(SessionsInput, APatchRefusesNullsWhereTheColumnHasNoneAndEmptyBodies) {
    auto p = parse_session_patch(body(R"({"scheduled_date": null, "follow_up_required": null,
        "engagement_score": 6, "status": "COMPLETED"})"));
    EXPECT_EQ(fields_of(p), (std::set<std::string>{"scheduled_date", "follow_up_required",
                                                   "engagement_score", "status"}));
    EXPECT_EQ(fields_of(parse_session_patch(body("{}"))), (std::set<std::string>{"body"}));
}

TEST(SessionsInput, ACompletionNeedsItsOutcomeAndChecksEachActionItem) {
    auto bad = parse_completion(body(R"({"summary": "", "primary_issue": "Mood",
        "intervention_method": "Role-play", "duration_minutes": 0,
        "action_items": [{"title": "Listen", "due_date": "2027-01-15"},
                         {"title": "", "due_date": "soon", "priority": "ASAP", "owner": "x"}, 3]})"));
    EXPECT_EQ(fields_of(bad),
              (std::set<std::string>{"summary", "primary_issue", "duration_minutes",
                                     "action_items[1].title", "action_items[1].due_date",
                                     "action_items[1].priority", "action_items[1].owner",
                                     "action_items[2]"}));
    auto ok = parse_completion(body(R"({"summary": "Good call control", "primary_issue": "AHT",
        "intervention_method": "Side-by-side", "duration_minutes": 25,
        "action_items": [{"title": "Listen", "due_date": "2027-01-15"}]})"));
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->primary_issue, "AHT");
    EXPECT_EQ(ok->duration_minutes, 25);
    EXPECT_EQ(json::serialize(ok->action_items),
              R"([{"title":"Listen","due_date":"2027-01-15","description":null,"priority":null}])");
    EXPECT_EQ(json::serialize(ok->set), R"({"summary":"Good call control"})");
}

TEST(SessionsInput, ReasonsAndAnswers) {
    EXPECT_EQ(fields_of(parse_reason(body("{}"))), (std::set<std::string>{"reason"}));
    EXPECT_EQ(*parse_reason(body(R"({"reason": "Sick"})")), "Sick");
    EXPECT_EQ(fields_of(parse_answer(body(R"({"acknowledgement": "DISPUTED", "comment": "  "})"))),
              (std::set<std::string>{"comment"}));
    EXPECT_EQ(fields_of(parse_answer(body(R"({"acknowledgement": "MAYBE"})"))),
              (std::set<std::string>{"acknowledgement"}));
    auto ack = parse_answer(body(R"({"acknowledgement": "ACKNOWLEDGED"})"));
    ASSERT_TRUE(ack);
    EXPECT_FALSE(ack->comment);
}

}  // namespace
}  // namespace coach::sessions

// Session prep's decisions (sessions/prep.*), on figures whose answer is worked out by hand in
// each test: weakest and strongest areas with their reasons, the agenda's minutes, and the
// methods with their evidence (or the lack of it).
#include "sessions/prep.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace coach::sessions {
namespace {

int total_minutes(const Prep& p) {
    return std::accumulate(p.agenda.begin(), p.agenda.end(), 0,
                           [](int n, const AgendaItem& i) { return n + i.minutes; });
}

std::vector<std::string> titles(const Prep& p) {
    std::vector<std::string> out;
    for (const auto& i : p.agenda)
        out.push_back(i.title);
    return out;
}

TEST(SessionPrep, AFallingScoreIsTheWeakestAreaWithItsReason) {
    PrepInputs in;
    // Quality: 75.8 now, 84.0 before (-9.8 %), team 84.0 (-9.8 %): fell 8.2 points.
    // Service: 90.0 vs team 85.0 (+5.9 %), before 89.0: the strongest.
    // AHT: 330 s vs team 300 s: 10 % worse (lower is better), before 320 s (3.1 % worse).
    // Adherence: 88.5 vs team 89.0 (-0.6 %): not clearly behind.
    in.metrics = {{"quality_score", 75.8, 84.0, 84.0},
                  {"service_score", 90.0, 89.0, 85.0},
                  {"aht", 330, 320, 300},
                  {"adherence_score", 88.5, 88.0, 89.0}};
    in.planned_minutes = 30;
    Prep p = build_prep(in);
    ASSERT_EQ(p.weakest.size(), 2u);
    EXPECT_EQ(p.weakest[0].metric, "aht");  // -10.0 % beats -9.8 %
    EXPECT_EQ(p.weakest[0].reason, "AHT rose 10 s in 30 days; team average 300 s");
    EXPECT_EQ(p.weakest[1].metric, "quality_score");
    EXPECT_EQ(p.weakest[1].reason, "quality fell 8.2 points in 30 days; team average 84.0");
    ASSERT_EQ(p.strongest.size(), 1u);
    EXPECT_EQ(p.strongest[0].reason, "service 90.0, 5.0 points above the team average 85.0");
    EXPECT_EQ(titles(p), (std::vector<std::string>{"Check in", "Work on AHT", "Work on quality",
                                                   "Recognise service", "Agree actions"}));
    // Weights 1, 4, 4, 1, 2 of 30 minutes: 2.5, 10, 10, 2.5, 5 -> 3, 10, 10, 3, 5 (31), less
    // one from the largest.
    std::vector<int> minutes;
    for (const auto& i : p.agenda)
        minutes.push_back(i.minutes);
    EXPECT_EQ(minutes, (std::vector<int>{3, 9, 10, 3, 5}));
    EXPECT_EQ(total_minutes(p), 30);
}

TEST(SessionPrep, BelowTheTeamWithoutFallingSaysHowFarBelow) {
    PrepInputs in;
    in.metrics = {{"quality_score", 78.0, 77.0, 84.0}};
    Prep p = build_prep(in);
    ASSERT_EQ(p.weakest.size(), 1u);
    EXPECT_EQ(p.weakest[0].reason, "quality 78.0, 6.0 points below the team average 84.0");
}

TEST(SessionPrep, MethodsComeWithTheirEvidenceOrSayThereIsNone) {
    PrepInputs in;
    in.metrics = {{"quality_score", 70.0, 80.0, 82.0}, {"adherence_score", 80.0, 90.0, 90.0}};
    in.evidence = {{"Quality", "Shadowing", 12, 6.4},
                   {"Quality", "Role-play", 3, 9.1},
                   {"Quality", "Feedback", 5, 6.4},
                   {"AHT", "Side-by-side", 8, 7.0}};
    Prep p = build_prep(in);
    ASSERT_EQ(p.methods.size(), 2u);
    EXPECT_EQ(p.methods[0].issue, "Quality");
    ASSERT_EQ(p.methods[0].methods.size(), 3u);
    EXPECT_EQ(p.methods[0].methods[0].method, "Role-play");
    EXPECT_EQ(p.methods[0].methods[1].method, "Shadowing");  // same average: more sessions first
    EXPECT_EQ(p.methods[0].evidence,
              "Role-play worked best for Quality: +9.1 % on average over 3 sessions.");
    EXPECT_EQ(p.methods[1].issue, "Adherence");
    EXPECT_TRUE(p.methods[1].methods.empty());
    EXPECT_EQ(p.methods[1].evidence,
              "No measured sessions on Adherence yet: the method you record will be the first "
              "evidence.");
}

TEST(SessionPrep, AnAgentWithoutFiguresGetsAnAgendaAboutGoals) {
    PrepInputs in;
    in.metrics = {{"quality_score", std::nullopt, std::nullopt, 84.0}};
    in.planned_minutes = 20;
    Prep p = build_prep(in);
    EXPECT_TRUE(p.weakest.empty());
    EXPECT_TRUE(p.strongest.empty());
    EXPECT_TRUE(p.methods.empty());
    EXPECT_EQ(titles(p),
              (std::vector<std::string>{"Check in", "Development and goals", "Agree actions"}));
    EXPECT_EQ(total_minutes(p), 20);
}

TEST(SessionPrep, NotesItemsAndFollowUpsGetTheirTime) {
    PrepInputs in;
    in.open_notes = 3;
    in.high_notes = 1;
    in.open_items = 4;
    in.overdue_items = 2;
    in.follow_up_topics = 2;
    in.planned_minutes = 45;
    Prep p = build_prep(in);
    EXPECT_EQ(titles(p),
              (std::vector<std::string>{"Check in", "Talk through the open notes",
                                        "Review overdue action items",
                                        "Follow up on the last session", "Agree actions"}));
    EXPECT_EQ(p.agenda[1].reason, "3 open notes, 1 of them high priority");
    EXPECT_EQ(p.agenda[2].reason, "2 of 4 open action items are overdue");
    EXPECT_EQ(total_minutes(p), 45);
    for (const auto& i : p.agenda)
        EXPECT_GE(i.minutes, 1) << i.title;
}

TEST(SessionPrep, AShortSessionStillAddsUp) {
    PrepInputs in;
    in.metrics = {{"quality_score", 70.0, 80.0, 82.0}, {"fcr", 60.0, 70.0, 75.0}};
    in.open_notes = 1;
    in.overdue_items = 1;
    in.open_items = 1;
    in.planned_minutes = 5;
    Prep p = build_prep(in);
    EXPECT_EQ(total_minutes(p), static_cast<int>(p.agenda.size()));  // one minute each
}

}  // namespace
}  // namespace coach::sessions

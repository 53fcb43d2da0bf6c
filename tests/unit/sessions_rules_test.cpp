// Coaching session status transitions (src/sessions/rules.hpp): every action from every status
// (and from no session), allowed or refused with the API's message, for each role; overlaps;
// the no-show alert.
#include "sessions/rules.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace coach::sessions {
namespace {

using auth::Role;
using S = Status;
using A = Action;
using namespace std::chrono;

std::string label(std::optional<Status> s) {
    return s ? std::string(to_string(*s)) : "(none)";
}

// Every allowed (from, action) pair and where it leads; every other pair is a 409.
const std::map<std::pair<std::optional<Status>, Action>, Status>& allowed() {
    static const std::map<std::pair<std::optional<Status>, Action>, Status> kAllowed = {
        {{std::nullopt, A::Schedule}, S::Scheduled},   {{std::nullopt, A::Record}, S::Completed},
        {{S::Scheduled, A::Reschedule}, S::Scheduled}, {{S::Scheduled, A::Start}, S::InProgress},
        {{S::Scheduled, A::Prepare}, S::Scheduled},    {{S::InProgress, A::Prepare}, S::InProgress},
        {{S::Scheduled, A::Cancel}, S::Cancelled},     {{S::Scheduled, A::MarkNoShow}, S::NoShow},
        {{S::Scheduled, A::Record}, S::Completed},     {{S::Scheduled, A::Edit}, S::Scheduled},
        {{S::InProgress, A::Complete}, S::Completed},  {{S::InProgress, A::Record}, S::Completed},
        {{S::InProgress, A::Edit}, S::InProgress},     {{S::Completed, A::Record}, S::Completed},
        {{S::Completed, A::Edit}, S::Completed},
    };
    return kAllowed;
}

std::vector<std::optional<Status>> every_from() {
    std::vector<std::optional<Status>> out{std::nullopt};
    for (auto s : kAllStatuses)
        out.emplace_back(s);
    return out;
}

TEST(SessionRules, EveryActionFromEveryStatusForTheRolesThatChangeSessions) {
    for (Role role : {Role::TeamLeader, Role::Manager, Role::Admin})
        for (auto from : every_from())
            for (Action action : kAllActions) {
                SCOPED_TRACE(label(from) + " " + std::string(to_string(action)) + " as " +
                             std::string(auth::to_string(role)));
                auto r = transition(from, action, role);
                auto it = allowed().find({from, action});
                if (it != allowed().end()) {
                    ASSERT_TRUE(r) << r.error().message;
                    EXPECT_EQ(*r, it->second);
                } else {
                    ASSERT_FALSE(r);
                    EXPECT_EQ(r.error().code, ErrorCode::Conflict);
                }
            }
}

TEST(SessionRules, AgentsNeverChangeASession) {
    for (auto from : every_from())
        for (Action action : kAllActions) {
            auto r = transition(from, action, Role::Agent);
            ASSERT_FALSE(r) << label(from) << " " << to_string(action);
            EXPECT_EQ(r.error().code, ErrorCode::Forbidden);
        }
}

TEST(SessionRules, ARefusalNamesWhatIsAllowedInstead) {
    auto done = transition(S::Completed, A::Start, Role::TeamLeader);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().message,
              "This session is COMPLETED: it cannot be started; it can be edited.");
    auto running = transition(S::InProgress, A::Cancel, Role::TeamLeader);
    ASSERT_FALSE(running);
    EXPECT_EQ(
        running.error().message,
        "This session is IN_PROGRESS: it cannot be cancelled; it can be prepared, completed or "
        "edited.");
    auto waiting = transition(S::Scheduled, A::Complete, Role::Admin);
    ASSERT_FALSE(waiting);
    EXPECT_EQ(waiting.error().message,
              "This session is SCHEDULED: it cannot be completed; it can be rescheduled, prepared, "
              "started, cancelled, marked a no-show or edited.");
    auto gone = transition(S::NoShow, A::Edit, Role::Manager);
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().message, "This session is NO_SHOW: nothing can change it any more.");
    auto none = transition(std::nullopt, A::Start, Role::TeamLeader);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message,
              "There is no session yet: it cannot be started; schedule one first.");
}

TEST(SessionRules, ActionsFromAStatusAreTheAllowedOnes) {
    for (auto from : every_from()) {
        std::vector<Action> expected;
        for (Action a : kAllActions)
            if (allowed().count({from, a}))
                expected.push_back(a);
        EXPECT_EQ(actions_from(from), expected) << label(from);
    }
    EXPECT_TRUE(actions_from(S::Cancelled).empty());
}

TEST(SessionRules, StatusLabelsRoundTripAndUnknownOnesAreRefused) {
    for (auto s : kAllStatuses)
        EXPECT_EQ(parse_status(to_string(s)), s);
    EXPECT_EQ(parse_status("DONE"), std::nullopt);
    EXPECT_EQ(parse_status("scheduled"), std::nullopt);
}

TEST(SessionRules, OnlyCancelAndNoShowNeedAReason) {
    for (Action a : kAllActions)
        EXPECT_EQ(needs_reason(a), a == A::Cancel || a == A::MarkNoShow) << to_string(a);
}

TEST(SessionRules, SessionsOverlapUnlessOneEndsWhenTheOtherStarts) {
    const sys_seconds nine = sys_days{2026y / 12 / 7} + 9h;
    EXPECT_TRUE(overlaps(nine, 30min, nine, 30min));
    EXPECT_TRUE(overlaps(nine, 30min, nine + 29min, 30min));
    EXPECT_TRUE(overlaps(nine + 29min, 30min, nine, 30min));
    EXPECT_TRUE(overlaps(nine, 60min, nine + 10min, 15min));   // one inside the other
    EXPECT_FALSE(overlaps(nine, 30min, nine + 30min, 30min));  // back to back
    EXPECT_FALSE(overlaps(nine + 30min, 30min, nine, 30min));
    EXPECT_FALSE(overlaps(nine, 30min, nine + 2h, 30min));
}

TEST(SessionRules, TwoNoShowsWithinThirtyDaysAlert) {
    const sys_days today{2026y / 12 / 7};
    const sys_days one[] = {today};
    EXPECT_FALSE(no_shows_alert(one, today));
    const sys_days two[] = {today, today - days(29)};
    EXPECT_TRUE(no_shows_alert(two, today));
    const sys_days too_old[] = {today, today - days(30)};
    EXPECT_FALSE(no_shows_alert(too_old, today));
    const sys_days later[] = {today - days(3), today + days(1)};  // a day after today not counted
    EXPECT_FALSE(no_shows_alert(later, today));
    EXPECT_FALSE(no_shows_alert({}, today));
}

}  // namespace
}  // namespace coach::sessions

// Import status transitions (src/imports/rules.hpp): every action from every status, allowed
// or refused with the API's message, for each role; the completion of a load.
#include "imports/rules.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace coach::imports {
namespace {

using auth::Role;
using S = Status;
using A = Action;

// The expected answer: a status, or a 409 message.
using Expected = std::variant<Status, std::string>;

struct Case {
    std::optional<Status> from;
    Action action;
    Expected expected;
};

std::string label(const std::optional<Status>& s) {
    return s ? std::string(to_string(*s)) : "(none)";
}

void expect(const ImportState& state, Action action, Role role, const Expected& expected) {
    auto r = transition(state, action, role);
    SCOPED_TRACE(label(state.status) + " action " + std::to_string(static_cast<int>(action)) +
                 " as " + std::string(auth::to_string(role)) + (state.dry_run ? " dry run" : "") +
                 (state.rollback_available ? "" : " no rollback"));
    if (const auto* to = std::get_if<Status>(&expected)) {
        ASSERT_TRUE(r) << r.error().message;
        EXPECT_EQ(*r, *to);
    } else {
        ASSERT_FALSE(r) << to_string(*r);
        EXPECT_EQ(r.error().code, ErrorCode::Conflict);
        EXPECT_EQ(r.error().message, std::get<std::string>(expected));
    }
}

const std::string kNotStarted = "This import has not started.";
const std::string kStarted = "This import has already started.";
const std::string kRunning = "This import is still running.";
const std::string kFailedNothing =
    "This import failed and stored nothing; there is nothing to roll back.";
const std::string kRolledBack = "This import was already rolled back.";
const std::string kDryRun = "A dry run stored nothing; there is nothing to roll back.";
const std::string kNoRollback = "Rollback is not available for this import.";

std::string cannot(std::string_view status, std::string_view what) {
    return "This import is " + std::string(status) + ": it cannot " + std::string(what) + ".";
}

// Every action from every status, on an import that is not a dry run and can be rolled back.
const std::vector<Case> kCases = {
    {std::nullopt, A::Start, S::Validating},
    {std::nullopt, A::StartProcessing, kNotStarted},
    {std::nullopt, A::Succeed, kNotStarted},
    {std::nullopt, A::SucceedPartially, kNotStarted},
    {std::nullopt, A::Fail, kNotStarted},
    {std::nullopt, A::RollBack, kNotStarted},

    {S::Validating, A::Start, kStarted},
    {S::Validating, A::StartProcessing, S::Processing},
    {S::Validating, A::Succeed, cannot("VALIDATING", "succeed")},
    {S::Validating, A::SucceedPartially, cannot("VALIDATING", "succeed in part")},
    {S::Validating, A::Fail, S::Failed},
    {S::Validating, A::RollBack, kRunning},

    {S::Processing, A::Start, kStarted},
    {S::Processing, A::StartProcessing, cannot("PROCESSING", "start processing")},
    {S::Processing, A::Succeed, S::Success},
    {S::Processing, A::SucceedPartially, S::PartialSuccess},
    {S::Processing, A::Fail, S::Failed},
    {S::Processing, A::RollBack, kRunning},

    {S::Success, A::Start, kStarted},
    {S::Success, A::StartProcessing, cannot("SUCCESS", "start processing")},
    {S::Success, A::Succeed, cannot("SUCCESS", "succeed")},
    {S::Success, A::SucceedPartially, cannot("SUCCESS", "succeed in part")},
    {S::Success, A::Fail, cannot("SUCCESS", "fail")},
    {S::Success, A::RollBack, S::RolledBack},

    {S::PartialSuccess, A::Start, kStarted},
    {S::PartialSuccess, A::StartProcessing, cannot("PARTIAL_SUCCESS", "start processing")},
    {S::PartialSuccess, A::Succeed, cannot("PARTIAL_SUCCESS", "succeed")},
    {S::PartialSuccess, A::SucceedPartially, cannot("PARTIAL_SUCCESS", "succeed in part")},
    {S::PartialSuccess, A::Fail, cannot("PARTIAL_SUCCESS", "fail")},
    {S::PartialSuccess, A::RollBack, S::RolledBack},

    {S::Failed, A::Start, kStarted},
    {S::Failed, A::StartProcessing, cannot("FAILED", "start processing")},
    {S::Failed, A::Succeed, cannot("FAILED", "succeed")},
    {S::Failed, A::SucceedPartially, cannot("FAILED", "succeed in part")},
    {S::Failed, A::Fail, cannot("FAILED", "fail")},
    {S::Failed, A::RollBack, kFailedNothing},

    {S::RolledBack, A::Start, kStarted},
    {S::RolledBack, A::StartProcessing, cannot("ROLLED_BACK", "start processing")},
    {S::RolledBack, A::Succeed, cannot("ROLLED_BACK", "succeed")},
    {S::RolledBack, A::SucceedPartially, cannot("ROLLED_BACK", "succeed in part")},
    {S::RolledBack, A::Fail, cannot("ROLLED_BACK", "fail")},
    {S::RolledBack, A::RollBack, kRolledBack},
};

TEST(ImportsRules, EveryActionFromEveryStatus) {
    ASSERT_EQ(kCases.size(), 7u * 6u);
    for (Role role : {Role::Admin, Role::Manager})
        for (const auto& c : kCases)
            expect({c.from, false, true}, c.action, role, c.expected);
}

TEST(ImportsRules, OnlyAdminsAndManagersAct) {
    for (Role role : {Role::TeamLeader, Role::Agent})
        for (const auto& c : kCases) {
            auto r = transition({c.from, false, true}, c.action, role);
            ASSERT_FALSE(r);
            EXPECT_EQ(r.error().code, ErrorCode::Forbidden);
            EXPECT_EQ(r.error().message, "Only administrators and managers work with imports.");
        }
}

TEST(ImportsRules, DryRunsAreNeverRolledBack) {
    // The dry-run refusal comes after "already rolled back" and before every other one.
    expect({S::Success, true, true}, A::RollBack, Role::Admin, kDryRun);
    expect({S::PartialSuccess, true, false}, A::RollBack, Role::Admin, kDryRun);
    expect({S::Validating, true, false}, A::RollBack, Role::Admin, kDryRun);
    expect({S::Processing, true, false}, A::RollBack, Role::Manager, kDryRun);
    expect({S::Failed, true, false}, A::RollBack, Role::Admin, kDryRun);
    expect({S::RolledBack, true, false}, A::RollBack, Role::Admin, kRolledBack);
    // A dry run goes through the same steps otherwise.
    expect({S::Validating, true, false}, A::StartProcessing, Role::Admin, S::Processing);
    expect({S::Processing, true, false}, A::Succeed, Role::Admin, S::Success);
    expect({S::Processing, true, false}, A::SucceedPartially, Role::Admin, S::PartialSuccess);
    expect({S::Validating, true, false}, A::Fail, Role::Admin, S::Failed);
}

TEST(ImportsRules, RollbackNeedsItsRecord) {
    expect({S::Success, false, false}, A::RollBack, Role::Admin, kNoRollback);
    expect({S::PartialSuccess, false, false}, A::RollBack, Role::Manager, kNoRollback);
    // The status's own refusal comes first.
    expect({S::Failed, false, false}, A::RollBack, Role::Admin, kFailedNothing);
    expect({S::Processing, false, false}, A::RollBack, Role::Admin, kRunning);
    expect({S::RolledBack, false, false}, A::RollBack, Role::Admin, kRolledBack);
}

TEST(ImportsRules, StatusesAnActionStartsFrom) {
    EXPECT_EQ(statuses_allowing(A::Start), std::vector<Status>{});
    EXPECT_EQ(statuses_allowing(A::StartProcessing), std::vector<Status>{S::Validating});
    EXPECT_EQ(statuses_allowing(A::Succeed), std::vector<Status>{S::Processing});
    EXPECT_EQ(statuses_allowing(A::SucceedPartially), std::vector<Status>{S::Processing});
    EXPECT_EQ(statuses_allowing(A::Fail), (std::vector<Status>{S::Validating, S::Processing}));
    EXPECT_EQ(statuses_allowing(A::RollBack), (std::vector<Status>{S::Success, S::PartialSuccess}));
}

TEST(ImportsRules, Completion) {
    EXPECT_EQ(completion(10, 0, true), A::Succeed);
    EXPECT_EQ(completion(10, 0, false), A::Succeed);
    EXPECT_EQ(completion(9, 1, true), A::Fail);
    EXPECT_EQ(completion(9, 1, false), A::SucceedPartially);
    EXPECT_EQ(completion(0, 3, false), A::Fail);
    EXPECT_EQ(completion(0, 3, true), A::Fail);
}

TEST(ImportsRules, StatusNames) {
    for (auto s : kAllStatuses)
        EXPECT_EQ(parse_status(to_string(s)), s);
    EXPECT_EQ(to_string(S::PartialSuccess), "PARTIAL_SUCCESS");
    EXPECT_EQ(to_string(S::RolledBack), "ROLLED_BACK");
    EXPECT_EQ(parse_status("success"), std::nullopt);
    EXPECT_EQ(parse_status(""), std::nullopt);
}

TEST(ImportsRules, ALostRaceIsAConflict) {
    auto e = changed_meanwhile();
    EXPECT_EQ(e.code, ErrorCode::Conflict);
}

}  // namespace
}  // namespace coach::imports

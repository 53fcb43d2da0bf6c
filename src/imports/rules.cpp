#include "imports/rules.hpp"

#include "auth/scope.hpp"

#include <fmt/format.h>

namespace coach::imports {
namespace {

Error conflict(std::string message) {
    return make_error(ErrorCode::Conflict, std::move(message));
}

// The one status an action other than Start and RollBack starts from, and what it does.
struct Step {
    Action action;
    std::vector<Status> from;
    Status to;
    std::string_view what;  // "This import is FAILED: it cannot <what>."
};

const std::vector<Step>& steps() {
    static const std::vector<Step> kSteps = {
        {Action::StartProcessing, {Status::Validating}, Status::Processing, "start processing"},
        {Action::Succeed, {Status::Processing}, Status::Success, "succeed"},
        {Action::SucceedPartially, {Status::Processing}, Status::PartialSuccess, "succeed in part"},
        {Action::Fail, {Status::Validating, Status::Processing}, Status::Failed, "fail"},
    };
    return kSteps;
}

Result<Status> roll_back(const ImportState& s) {
    // The order of the checks decides which message a dry run that failed gets.
    if (s.status == Status::RolledBack)
        return conflict("This import was already rolled back.");
    if (s.dry_run)
        return conflict("A dry run stored nothing; there is nothing to roll back.");
    if (s.status == Status::Validating || s.status == Status::Processing)
        return conflict("This import is still running.");
    if (s.status != Status::Success && s.status != Status::PartialSuccess)
        return conflict("This import failed and stored nothing; there is nothing to roll back.");
    if (!s.rollback_available)
        return conflict("Rollback is not available for this import.");
    return Status::RolledBack;
}

}  // namespace

std::string_view to_string(Status status) {
    return enum_label(kStatusNames, status);
}

std::optional<Status> parse_status(std::string_view label) {
    return parse_enum_label<Status>(kStatusNames, label);
}

Result<Status> transition(const ImportState& state, Action action, auth::Role role) {
    if (!auth::role_may(role, auth::Resource::Imports,
                        action == Action::Start ? auth::Action::Create : auth::Action::Update))
        return make_error(ErrorCode::Forbidden,
                          "Only administrators and managers work with imports.");
    if (action == Action::Start) {
        if (state.status)
            return conflict("This import has already started.");
        return Status::Validating;
    }
    if (!state.status)
        return conflict("This import has not started.");
    if (action == Action::RollBack)
        return roll_back(state);
    for (const auto& step : steps()) {
        if (step.action != action)
            continue;
        for (auto from : step.from)
            if (from == *state.status)
                return step.to;
        return conflict(
            fmt::format("This import is {}: it cannot {}.", to_string(*state.status), step.what));
    }
    return make_error(ErrorCode::Internal, "unknown import action");
}

std::vector<Status> statuses_allowing(Action action) {
    std::vector<Status> out;
    for (auto s : kAllStatuses)
        if (transition({s, false, true}, action, auth::Role::Admin))
            out.push_back(s);
    return out;
}

Action completion(long valid, long failed, bool strict) {
    if (failed == 0)
        return Action::Succeed;
    if (strict || valid == 0)
        return Action::Fail;
    return Action::SucceedPartially;
}

Error changed_meanwhile() {
    return conflict("This import changed meanwhile; reload it and try again.");
}

}  // namespace coach::imports

#pragma once
// An import's status (import_logs.status) and its transitions (docs/domain.md, "Status
// transitions" under Imports), as pure functions: which action may move an import from which
// status, for which role, and the refusal otherwise (the API's 403 and 409 messages). The
// callers apply a transition with UPDATE ... WHERE status = <the status it was decided from>,
// so a lost race is a refusal, never a silent overwrite.
//
//   (new) --Start--> VALIDATING --StartProcessing--> PROCESSING --Succeed--> SUCCESS
//                         |                              |--SucceedPartially--> PARTIAL_SUCCESS
//                         +------------Fail--------------+--Fail--> FAILED
//   SUCCESS, PARTIAL_SUCCESS --RollBack--> ROLLED_BACK (not a dry run, rollback available)
//
// Only ADMINs and MANAGERs act on imports (an import's own steps run for its importer).
#include "auth/role.hpp"
#include "core/enum_labels.hpp"
#include "core/error.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace coach::imports {

enum class Status { Validating, Processing, Success, PartialSuccess, Failed, RolledBack };

// The import_status labels, in Status order.
inline constexpr std::array<std::string_view, 6> kStatusNames = {
    "VALIDATING", "PROCESSING", "SUCCESS", "PARTIAL_SUCCESS", "FAILED", "ROLLED_BACK"};
inline constexpr std::array<Status, 6> kAllStatuses = {Status::Validating, Status::Processing,
                                                       Status::Success,    Status::PartialSuccess,
                                                       Status::Failed,     Status::RolledBack};

std::string_view to_string(Status status);
std::optional<Status> parse_status(std::string_view label);

enum class Action {
    Start,             // a new import: VALIDATING while its file is read and checked
    StartProcessing,   // every row read and the file accepted: PROCESSING while it loads
    Succeed,           // loaded, no row refused: SUCCESS
    SucceedPartially,  // loaded, some rows refused (partial mode): PARTIAL_SUCCESS
    Fail,              // refused or broken off: FAILED
    RollBack,          // what it changed restored: ROLLED_BACK
};

// What the rules read of an import.
struct ImportState {
    std::optional<Status> status;  // nullopt: no import yet (Start)
    bool dry_run = false;
    bool rollback_available = false;
};

// The status `action` leads to from `state`, or the refusal: Forbidden for a role that does
// not work with imports, Conflict otherwise.
Result<Status> transition(const ImportState& state, Action action, auth::Role role);

// The statuses `action` may start from (for an ADMIN, on an import that is not a dry run and
// can be rolled back): what a transition of many imports at once matches.
std::vector<Status> statuses_allowing(Action action);

// How a load that accepted `valid` rows and refused `failed` ends: Succeed when none was
// refused; Fail when some were and the mode is strict, or none was accepted; else
// SucceedPartially.
Action completion(long valid, long failed, bool strict);

// The refusal when the UPDATE of a transition matched no row: the status changed meanwhile.
Error changed_meanwhile();

}  // namespace coach::imports

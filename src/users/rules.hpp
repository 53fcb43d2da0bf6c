#pragma once
// Pure checks of the hierarchy (agent -> team leader -> manager) for a user being created or
// changed; no I/O. The caller looks up the referenced users first.
#include "auth/role.hpp"
#include "core/error.hpp"

#include <optional>
#include <vector>

namespace coach::users {

struct Reference {
    bool given = false;              // the field holds an id
    std::optional<auth::Role> role;  // role of that user; nullopt: no such (live) user
};

struct HierarchyCheck {
    auth::Role role;
    Reference team_leader;         // team_leader_id
    Reference manager;             // manager_id
    bool references_self = false;  // team_leader_id or manager_id equals the user's own id
};

// Field errors: an agent's team_leader_id must be a TEAM_LEADER, a team leader's manager_id a
// MANAGER, other roles carry neither, and nobody reports to themselves.
std::vector<FieldError> hierarchy_errors(const HierarchyCheck& c);

// Changing the role of someone others report to would orphan them (409).
std::optional<Error> role_change_conflict(auth::Role from, auth::Role to, long long reports);

}  // namespace coach::users

#include "users/rules.hpp"

namespace coach::users {

std::vector<FieldError> hierarchy_errors(const HierarchyCheck& c) {
    using auth::Role;
    std::vector<FieldError> errors;
    auto expect = [&](const Reference& ref, const char* field, Role wanted, bool allowed) {
        if (!ref.given)
            return;
        if (!allowed) {
            errors.push_back({field, std::string("must be empty for a ") +
                                         std::string(auth::to_string(c.role))});
        } else if (!ref.role) {
            errors.push_back({field, "does not refer to a user you can see"});
        } else if (*ref.role != wanted) {
            errors.push_back(
                {field, std::string("must refer to a ") + std::string(auth::to_string(wanted))});
        }
    };
    expect(c.team_leader, "team_leader_id", Role::TeamLeader, c.role == Role::Agent);
    expect(c.manager, "manager_id", Role::Manager, c.role == Role::TeamLeader);
    if (c.references_self)
        errors.push_back({"id", "a user cannot report to themselves"});
    return errors;
}

std::optional<Error> role_change_conflict(auth::Role from, auth::Role to, long long reports) {
    if (from == to || reports == 0)
        return std::nullopt;
    return make_error(ErrorCode::Conflict,
                      "This user has " + std::to_string(reports) +
                          " people reporting to them; reassign them before changing the role.");
}

}  // namespace coach::users

#include "auth/scope.hpp"

namespace coach::auth {

namespace {

// Ids only match when non-empty, so a missing id never grants anything.
bool is(const std::string& principal_id, const std::string& other_id) {
    return !principal_id.empty() && principal_id == other_id;
}

bool is(const std::string& principal_id, const std::optional<std::string>& other_id) {
    return other_id.has_value() && is(principal_id, *other_id);
}

bool is_self(const Principal& principal, const Subject& subject) {
    return is(principal.id, subject.id);
}

// An AGENT whose team_leader_id is the principal.
bool is_own_agent(const Principal& principal, const Subject& subject) {
    return subject.role == Role::Agent && is(principal.id, subject.team_leader_id);
}

// Soft-deleted users are invisible to every role but ADMIN (who sees everyone).
bool sees_deleted(Role role) {
    return role == Role::Admin;
}

// What a (role, resource, action) cell of the table grants.
enum class Grant {
    None,
    Scope,              // anyone in scope
    ScopeTlsAndAgents,  // TEAM_LEADERs and AGENTs in scope (MANAGER on users)
    OwnAgents,          // AGENTs whose team_leader_id is the principal
    Self,               // the principal's own rows
};

bool is_write(Action action) {
    return action == Action::Create || action == Action::Update || action == Action::Delete;
}

Grant admin_grant(Resource resource) {
    return resource == Resource::Notifications ? Grant::Self : Grant::Scope;
}

Grant manager_grant(Resource resource, Action action) {
    switch (resource) {
        case Resource::Users:
            if (action == Action::Read) {
                return Grant::Scope;
            }
            if (action == Action::Create || action == Action::Update) {
                return Grant::ScopeTlsAndAgents;
            }
            return Grant::None;
        case Resource::Metrics:
        case Resource::Imports:
        case Resource::Sessions:
        case Resource::ActionItems:
        case Resource::Effectiveness:
        case Resource::Profiles:
            return (action == Action::Read || is_write(action)) ? Grant::Scope : Grant::None;
        case Resource::ActionPlans:
            return Grant::Scope;  // every action, Approve included
        case Resource::QuickNotes:
        case Resource::Jobs:
        case Resource::Settings:
        case Resource::Teams:
            return action == Action::Read ? Grant::Scope : Grant::None;
        case Resource::Notifications:
            return Grant::Self;
        case Resource::AuditLog:
            return Grant::None;
    }
    return Grant::None;
}

Grant team_leader_grant(Resource resource, Action action) {
    const bool read_or_write = action == Action::Read || is_write(action);
    switch (resource) {
        case Resource::Users:
        case Resource::Metrics:
            return action == Action::Read ? Grant::Scope : Grant::None;
        case Resource::Sessions:
        case Resource::QuickNotes:
        case Resource::ActionItems:
        case Resource::Profiles:
            return read_or_write ? Grant::OwnAgents : Grant::None;
        case Resource::ActionPlans:
            return (action == Action::Read || action == Action::Create || action == Action::Update)
                       ? Grant::OwnAgents
                       : Grant::None;
        case Resource::Effectiveness:
            return read_or_write ? Grant::Scope : Grant::None;  // own team: self and own agents
        case Resource::Teams:
        case Resource::Settings:  // system-wide: the caller is the target
            return action == Action::Read ? Grant::Self : Grant::None;
        case Resource::Notifications:
            return Grant::Self;
        case Resource::Imports:
        case Resource::AuditLog:
        case Resource::Jobs:
            return Grant::None;
    }
    return Grant::None;
}

Grant agent_grant(Resource resource, Action action) {
    switch (resource) {
        case Resource::Users:
        case Resource::ActionItems:
        case Resource::Profiles:
            return (action == Action::Read || action == Action::Update) ? Grant::Self : Grant::None;
        case Resource::Metrics:
        case Resource::Sessions:
        case Resource::ActionPlans:
        case Resource::Settings:  // system-wide: the caller is the target
            return action == Action::Read ? Grant::Self : Grant::None;
        case Resource::Notifications:
            return Grant::Self;
        case Resource::Teams:
        case Resource::Imports:
        case Resource::QuickNotes:
        case Resource::Effectiveness:
        case Resource::AuditLog:
        case Resource::Jobs:
            return Grant::None;
    }
    return Grant::None;
}

Grant grant_of(Role role, Resource resource, Action action) {
    if (action == Action::Approve && resource != Resource::ActionPlans) {
        return Grant::None;
    }
    switch (role) {
        case Role::Admin:
            return admin_grant(resource);
        case Role::Manager:
            return manager_grant(resource, action);
        case Role::TeamLeader:
            return team_leader_grant(resource, action);
        case Role::Agent:
            return agent_grant(resource, action);
    }
    return Grant::None;
}

}  // namespace

std::string_view to_string(Resource resource) noexcept {
    switch (resource) {
        case Resource::Users:
            return "users";
        case Resource::Metrics:
            return "metrics";
        case Resource::Imports:
            return "imports";
        case Resource::Sessions:
            return "sessions";
        case Resource::QuickNotes:
            return "quick_notes";
        case Resource::ActionItems:
            return "action_items";
        case Resource::ActionPlans:
            return "action_plans";
        case Resource::Effectiveness:
            return "effectiveness";
        case Resource::Profiles:
            return "profiles";
        case Resource::AuditLog:
            return "audit_log";
        case Resource::Jobs:
            return "jobs";
        case Resource::Settings:
            return "settings";
        case Resource::Teams:
            return "teams";
        case Resource::Notifications:
            return "notifications";
    }
    return "";
}

std::string_view to_string(Action action) noexcept {
    switch (action) {
        case Action::Read:
            return "read";
        case Action::Create:
            return "create";
        case Action::Update:
            return "update";
        case Action::Delete:
            return "delete";
        case Action::Approve:
            return "approve";
    }
    return "";
}

bool in_scope(const Principal& principal, const Subject& subject) noexcept {
    if (subject.deleted && !sees_deleted(principal.role)) {
        return false;
    }
    if (principal.role == Role::Admin) {
        return true;
    }
    if (is_self(principal, subject)) {
        return true;
    }
    switch (principal.role) {
        case Role::Manager:
            return (subject.role == Role::TeamLeader && is(principal.id, subject.manager_id)) ||
                   (subject.role == Role::Agent &&
                    is(principal.id, subject.team_leaders_manager_id));
        case Role::TeamLeader:
            return is_own_agent(principal, subject);
        case Role::Admin:
        case Role::Agent:
            return false;
    }
    return false;
}

bool may(const Principal& principal, Resource resource, Action action,
         const Subject& target) noexcept {
    if (!in_scope(principal, target)) {
        return false;
    }
    switch (grant_of(principal.role, resource, action)) {
        case Grant::None:
            return false;
        case Grant::Scope:
            return true;  // in scope, checked above
        case Grant::ScopeTlsAndAgents:
            return !is_self(principal, target) &&
                   (target.role == Role::TeamLeader || target.role == Role::Agent);
        case Grant::OwnAgents:
            return is_own_agent(principal, target);
        case Grant::Self:
            return is_self(principal, target);
    }
    return false;
}

bool role_may(Role role, Resource resource, Action action) noexcept {
    return grant_of(role, resource, action) != Grant::None;
}

std::string_view list_reach(Role role, Resource resource) noexcept {
    switch (grant_of(role, resource, Action::Read)) {
        case Grant::Scope:
            switch (role) {
                case Role::Admin:
                    return "all";
                case Role::Manager:
                    return "managed";
                case Role::TeamLeader:
                    return "team";
                case Role::Agent:
                    return "self";
            }
            return "none";
        case Grant::OwnAgents:
            return "own_agents";
        case Grant::Self:
            return "self";
        case Grant::None:
        case Grant::ScopeTlsAndAgents:  // granted for writes only; scope_sql_test fails if read
            return "none";
    }
    return "none";
}

bool role_may_write_any_user(Role role) noexcept {
    return grant_of(role, Resource::Users, Action::Create) == Grant::Scope &&
           grant_of(role, Resource::Users, Action::Update) == Grant::Scope;
}

bool may_acknowledge_session(const Principal& principal, const Subject& agent) noexcept {
    return principal.role == Role::Agent && is_self(principal, agent) &&
           may(principal, Resource::Sessions, Action::Read, agent);
}

bool may_list_deleted(Role role) noexcept {
    return sees_deleted(role);
}

std::vector<std::string_view> agent_self_editable_user_fields() {
    return {"phone", "avatar_url", "timezone"};
}

std::optional<std::vector<std::string_view>> user_fields_may_change(const Principal& principal,
                                                                    const Subject& target) {
    if (principal.role != Role::Agent) {
        return std::nullopt;
    }
    if (!is_self(principal, target)) {
        return std::vector<std::string_view>{};
    }
    return agent_self_editable_user_fields();
}

std::vector<std::string_view> agent_self_editable_profile_fields() {
    return {"career_aspirations", "personal_goals", "preferred_feedback_method",
            "peer_comparison_opt_in"};
}

std::vector<std::string_view> agent_self_editable_action_item_fields() {
    return {"progress_percentage", "progress_notes", "blockers", "completion_notes"};
}

}  // namespace coach::auth

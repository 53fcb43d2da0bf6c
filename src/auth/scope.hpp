// Who may see and do what, as pure functions over already-loaded rows (docs/architecture.md,
// "Permissions"). This table is the one place that decides; its SQL twins are coach_may
// (migration 0016, one row) and the piece src/auth/sql/pieces/reaches.sql (lists), and
// tests/integration/scope_sql_test.cpp checks they agree.
//
// Scope (in_scope):
//   ADMIN        everyone, soft-deleted users included.
//   soft-deleted users are invisible to every role but ADMIN (self included).
//   MANAGER      self; TEAM_LEADERs whose manager_id is the manager; AGENTs whose team
//                leader's manager_id is the manager (Subject::team_leaders_manager_id).
//   TEAM_LEADER  self; AGENTs whose team_leader_id is the team leader.
//   AGENT        self.
// Outside scope the server answers 404, inside scope but not allowed 403.
//
// Permissions (may), target = the user the row is about (the agent of a metric, session,
// note, action item, plan, effectiveness record or profile; the user itself for users):
//   ADMIN        every action on every resource for every user (Approve: action plans only),
//                but only their own notifications.
//   Users        MANAGER read scope, create/update TEAM_LEADERs and AGENTs in scope (never
//                MANAGERs or ADMINs, so never self); TEAM_LEADER read scope; AGENT read and
//                update self (contact fields only: agent_self_editable_user_fields).
//   Metrics      (and history) MANAGER read/create/update/delete scope; TEAM_LEADER read scope;
//                AGENT read self.
//   Imports      MANAGER read/create/update/delete in scope; TEAM_LEADER and AGENT nothing.
//   Sessions     MANAGER all in scope; TEAM_LEADER all for own agents; AGENT read own.
//   QuickNotes   MANAGER read scope; TEAM_LEADER all for own agents; AGENT nothing.
//   ActionItems  MANAGER all in scope; TEAM_LEADER all for own agents; AGENT read and update
//                own (progress/complete only: agent_self_editable_action_item_fields).
//   ActionPlans  MANAGER all in scope and Approve; TEAM_LEADER read/create/update (draft,
//                check-in) own agents, no delete, no Approve; AGENT read own.
//   Effectiveness (and analytics) MANAGER all in scope; TEAM_LEADER all for own team
//                (self and own agents); AGENT nothing.
//   Profiles     MANAGER all in scope; TEAM_LEADER all for own agents; AGENT read and update
//                own (agent_self_editable_profile_fields only).
//   AuditLog     ADMIN all; others nothing.
//   Jobs         ADMIN all; MANAGER read; others nothing.
//   Settings     ADMIN all; every other role read (the organisation's time zone).
//   Teams        (a team leader's dashboard and team summary; target = the team leader)
//                MANAGER read scope; TEAM_LEADER read self; AGENT nothing.
//   Notifications every role, ADMIN included, only their own (target = the recipient).
//   Approve      exists only for ActionPlans; false on every other resource, for every role.
//   Anything not listed is false. "Own agents" = AGENTs whose team_leader_id is the team leader.
//
// How to call it:
//   - Create: pass the proposed record as target (its role and hierarchy ids as requested).
//   - An update that changes a user's role, team_leader_id or manager_id: check may() against
//     both the current and the proposed target.
//   - System-wide resources (settings, jobs, audit log listings): pass the caller as target.
//   - Field-level limits for AGENT self-updates are the *_editable_*_fields lists below;
//     may() only answers whether the action is allowed at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/role.hpp"
#include "core/principal.hpp"

namespace coach::auth {

// The signed-in user: core's, since the http layer's RequestContext carries it.
using coach::Principal;

// The user a row is about, with the hierarchy needed to place it.
struct Subject {
    std::string id;
    Role role;
    std::optional<std::string> team_leader_id;  // users.team_leader_id (agents)
    std::optional<std::string> manager_id;      // users.manager_id (team leaders)
    // manager_id of this user's team leader (agents): the manager who sees this agent.
    std::optional<std::string> team_leaders_manager_id;
    bool deleted = false;  // users.deleted_at IS NOT NULL
};

enum class Resource {
    Users,
    Metrics,  // performance_metrics and performance_history
    Imports,
    Sessions,
    QuickNotes,
    ActionItems,
    ActionPlans,
    Effectiveness,  // coaching_effectiveness and analytics
    Profiles,
    AuditLog,
    Jobs,
    Settings,
    Teams,          // a team leader's dashboard and team summary (target: the team leader)
    Notifications,  // target: the recipient
};

enum class Action { Read, Create, Update, Delete, Approve };

inline constexpr Resource kAllResources[] = {
    Resource::Users,      Resource::Metrics,       Resource::Imports,     Resource::Sessions,
    Resource::QuickNotes, Resource::ActionItems,   Resource::ActionPlans, Resource::Effectiveness,
    Resource::Profiles,   Resource::AuditLog,      Resource::Jobs,        Resource::Settings,
    Resource::Teams,      Resource::Notifications,
};

inline constexpr Action kAllActions[] = {Action::Read, Action::Create, Action::Update,
                                         Action::Delete, Action::Approve};

// "users", "metrics", ... (lower-case, for logs and messages).
std::string_view to_string(Resource resource) noexcept;
// "read", "create", "update", "delete", "approve".
std::string_view to_string(Action action) noexcept;

// Whether `principal` may see `subject` at all (see the scope rules above).
bool in_scope(const Principal& principal, const Subject& subject) noexcept;

// Whether `principal` may do `action` on `resource` rows about `target` (the table above).
// Always false when the target is out of scope.
bool may(const Principal& principal, Resource resource, Action action,
         const Subject& target) noexcept;

// Whether `role` may do `action` on `resource` rows about anyone at all: a route answers 403
// when not, before it loads anything (and 404 when the row is out of scope).
bool role_may(Role role, Resource resource, Action action) noexcept;

// Which users' `resource` rows a list statement shows to a viewer of `role`: its $2, the reach
// the piece auth/reaches reads. "all", "managed" (a manager's scope), "team" (a team
// leader's), "own_agents", "self" or "none"; with the viewer's id, exactly the users `may` lets
// it read.
std::string_view list_reach(Role role, Resource resource) noexcept;

// Whether `role` may create and update users of every role in its scope (not only TEAM_LEADERs
// and AGENTs): what a USERS import needs, since its rows may name any role. ADMIN only.
bool role_may_write_any_user(Role role) noexcept;

// Whether `role` may list soft-deleted users (GET /users?include_deleted=true): only a role
// whose scope includes them (ADMIN).
bool may_list_deleted(Role role) noexcept;

// Whether `principal` may acknowledge or dispute a completed coaching session of `agent`: only
// that agent (DESIGN "acknowledging a session": AGENT, own sessions; nobody answers for them).
bool may_acknowledge_session(const Principal& principal, const Subject& agent) noexcept;

// users columns an AGENT may change on their own row: phone, avatar_url, timezone.
std::vector<std::string_view> agent_self_editable_user_fields();

// The users columns `principal` may change on `target` when that is limited to some columns:
// an AGENT on their own row, agent_self_editable_user_fields(); an AGENT on anyone else's,
// none. nullopt: no column limit (every role but AGENT); whether the row may be changed at all
// is may(Users, Update) either way.
std::optional<std::vector<std::string_view>> user_fields_may_change(const Principal& principal,
                                                                    const Subject& target);

// agent_profiles columns an AGENT may change on their own profile: career_aspirations,
// personal_goals, preferred_feedback_method, peer_comparison_opt_in.
std::vector<std::string_view> agent_self_editable_profile_fields();

// action_items columns an AGENT may change on their own items: progress_percentage,
// progress_notes, blockers, completion_notes. Status changes go through the /complete route
// (an Update whose status transition the action-item rules validate).
std::vector<std::string_view> agent_self_editable_action_item_fields();

}  // namespace coach::auth

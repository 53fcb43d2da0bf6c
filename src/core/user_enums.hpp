#pragma once
// The schema's user enums (user_role, user_status): the one table of their names. In core
// because every layer from http up names the caller's role (RequestContext's Principal).
#include "core/enum_labels.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace coach {

enum class Role { Admin, Manager, TeamLeader, Agent };

// Every role, in schema order (ADMIN, MANAGER, TEAM_LEADER, AGENT).
inline constexpr std::array<Role, 4> kAllRoles = {Role::Admin, Role::Manager, Role::TeamLeader,
                                                  Role::Agent};

// The schema strings of the roles, in kAllRoles order.
inline constexpr std::array<std::string_view, 4> kRoleNames = {"ADMIN", "MANAGER", "TEAM_LEADER",
                                                               "AGENT"};

// The schema strings of users.status (user_status), in schema order.
inline constexpr std::array<std::string_view, 4> kUserStatusNames = {"ACTIVE", "PIP", "LEAVE",
                                                                     "TERMINATED"};

// The schema string: "ADMIN", "MANAGER", "TEAM_LEADER" or "AGENT".
constexpr std::string_view to_string(Role role) noexcept {
    return enum_label(kRoleNames, role);
}

// Exact, case-sensitive match of a schema string; nullopt for anything else.
constexpr std::optional<Role> parse_role(std::string_view text) noexcept {
    return parse_enum_label<Role>(kRoleNames, text);
}

}  // namespace coach

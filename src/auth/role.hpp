// User roles as stored in the schema's users.role column.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace coach::auth {

enum class Role { Admin, Manager, TeamLeader, Agent };

// Every role, in schema order (ADMIN, MANAGER, TEAM_LEADER, AGENT).
inline constexpr std::array<Role, 4> kAllRoles = {Role::Admin, Role::Manager, Role::TeamLeader,
                                                  Role::Agent};

// The schema string: "ADMIN", "MANAGER", "TEAM_LEADER" or "AGENT".
std::string_view to_string(Role role) noexcept;

// Exact, case-sensitive match of a schema string; nullopt for anything else.
std::optional<Role> parse_role(std::string_view text) noexcept;

}  // namespace coach::auth

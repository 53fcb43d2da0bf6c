#include "auth/role.hpp"

namespace coach::auth {

std::string_view to_string(Role role) noexcept {
    switch (role) {
        case Role::Admin:
            return "ADMIN";
        case Role::Manager:
            return "MANAGER";
        case Role::TeamLeader:
            return "TEAM_LEADER";
        case Role::Agent:
            return "AGENT";
    }
    return "";
}

std::optional<Role> parse_role(std::string_view text) noexcept {
    for (Role role : kAllRoles) {
        if (text == to_string(role)) {
            return role;
        }
    }
    return std::nullopt;
}

}  // namespace coach::auth

#pragma once
// The signed-in user, as the http layer's RequestContext carries it and auth's rules read it.
#include "core/user_enums.hpp"

#include <string>

namespace coach {

struct Principal {
    std::string id;  // users.id
    Role role;
};

}  // namespace coach

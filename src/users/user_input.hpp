#pragma once
// Parsing the JSON body of POST /users and PATCH /users/{id} into column assignments.
#include "http/json_input.hpp"

#include <optional>
#include <string>
#include <vector>

namespace coach::users {

struct Assignment {
    std::string_view column;           // from the fixed whitelist below, never from input
    std::optional<std::string> value;  // nullopt = NULL
};

struct UserInput {
    std::vector<Assignment> columns;
    std::optional<std::string> password;  // create only

    const Assignment* find(std::string_view column) const;
    // The columns as a JSON object (null for NULL), the parameter of insert_user.sql and
    // update_user.sql.
    std::string json() const;
};

// Create: email, name and role required. Patch: any subset, `null` clears nullable fields.
Result<UserInput> parse_user_create(const boost::json::object& body);
Result<UserInput> parse_user_patch(const boost::json::object& body);

}  // namespace coach::users

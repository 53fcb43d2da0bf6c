#include "users/user_input.hpp"

#include "core/user_enums.hpp"

namespace coach::users {
namespace {

struct Column {
    std::string_view name;
    enum Kind { Text, Url, Email, Uuid, Date, Role, Status } kind;
    std::size_t max_length;
    bool nullable;
};

constexpr Column kColumns[] = {
    {"email", Column::Email, 255, false},      {"name", Column::Text, 255, false},
    {"role", Column::Role, 0, false},          {"team_leader_id", Column::Uuid, 0, true},
    {"manager_id", Column::Uuid, 0, true},     {"department", Column::Text, 100, true},
    {"employee_id", Column::Text, 50, true},   {"hire_date", Column::Date, 0, true},
    {"phone", Column::Text, 20, true},         {"avatar_url", Column::Url, 500, true},
    {"status", Column::Status, 0, false},      {"learning_style", Column::Text, 50, true},
    {"shift_pattern", Column::Text, 50, true}, {"timezone", Column::Text, 50, false},
};

Result<UserInput> parse(const boost::json::object& body, bool create) {
    http::Fields f(body);
    UserInput in;
    for (const Column& c : kColumns) {
        http::Patch<std::string> p;
        switch (c.kind) {
            case Column::Text:
                p = f.patch_string(c.name, c.max_length, c.nullable, 1);
                break;
            case Column::Url:
                p = f.patch_string(c.name, c.max_length, c.nullable, 1);
                if (p.value && !http::is_web_url(*p.value)) {
                    f.add(std::string(c.name), "must be an http:// or https:// address");
                    p.present = false;
                }
                break;
            case Column::Email:
                p = f.patch_email(c.name);
                break;
            case Column::Uuid:
                p = f.patch_uuid(c.name, c.nullable);
                break;
            case Column::Date:
                p = f.patch_date(c.name, c.nullable);
                break;
            case Column::Role:
                p = f.patch_one_of(c.name, kRoleNames, false);
                break;
            case Column::Status:
                p = f.patch_one_of(c.name, kUserStatusNames, false);
                break;
        }
        if (p.present)
            in.columns.push_back({c.name, std::move(p.value)});
    }
    if (create) {
        for (std::string_view required : {"email", "name", "role"})
            if (!f.has(required))
                f.add(std::string(required), "is required");
        in.password = f.string("password", false, 200);
    } else if (f.has("password")) {
        f.add("password", "is changed with PUT /api/v1/auth/password or a password reset");
    }
    std::vector<std::string_view> known;
    for (const Column& c : kColumns)
        known.push_back(c.name);
    for (const auto& kv : body) {
        std::string_view key = kv.key();
        if (key != "password" && std::find(known.begin(), known.end(), key) == known.end())
            f.add(std::string(key), "is not a known field");
    }
    if (!f.ok())
        return f.error();
    if (!create && in.columns.empty())
        return validation_error({{"body", "names no field to change"}});
    return in;
}

}  // namespace

const Assignment* UserInput::find(std::string_view column) const {
    for (const auto& a : columns)
        if (a.column == column)
            return &a;
    return nullptr;
}

std::string UserInput::json() const {
    boost::json::object o;
    for (const auto& a : columns) {
        if (a.value)
            o[a.column] = *a.value;
        else
            o[a.column] = nullptr;
    }
    return boost::json::serialize(o);
}

Result<UserInput> parse_user_create(const boost::json::object& body) {
    return parse(body, true);
}
Result<UserInput> parse_user_patch(const boost::json::object& body) {
    return parse(body, false);
}

}  // namespace coach::users

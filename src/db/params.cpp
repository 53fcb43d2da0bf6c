#include "db/params.hpp"

#include <charconv>

namespace coach::db::detail {

std::optional<std::string> to_param(double v) {
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, p);
}

}  // namespace coach::db::detail

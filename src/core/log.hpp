#pragma once
// Logging setup. Messages carry the request id; never passwords, tokens or note contents.
#include <spdlog/spdlog.h>

#include <string_view>

namespace coach {

void init_logging(std::string_view level);

}  // namespace coach

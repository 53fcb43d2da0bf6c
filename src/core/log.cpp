#include "core/log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>

namespace coach {

void init_logging(std::string_view level) {
    auto logger = spdlog::stderr_color_mt("coach");
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ [%t] %v", spdlog::pattern_time_type::utc);
    spdlog::set_level(spdlog::level::from_str(std::string(level)));
    // Problems reach the log at once; the rest within a second even when stderr is a file.
    spdlog::flush_on(spdlog::level::warn);
    spdlog::flush_every(std::chrono::seconds(1));
}

}  // namespace coach

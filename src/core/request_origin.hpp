#pragma once
// Who made a request and from where: what an audit_log row records besides the change itself.
// http's RequestContext::origin() builds it; jobs and imports carry it to their worker threads.
#include <optional>
#include <string>

namespace coach {

struct RequestOrigin {
    std::optional<std::string> actor_id;  // users.id; nullopt for anonymous actions
    std::string ip;                       // empty from the command line
    std::string user_agent;
    std::string request_id;
};

}  // namespace coach

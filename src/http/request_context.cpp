#include "http/request_context.hpp"

#include "core/utf8.hpp"

namespace coach::http {

std::optional<std::string> RequestContext::query_param(std::string_view name) const {
    auto it = query.find(name);
    if (it == query.end())
        return std::nullopt;
    return std::string((*it).value);
}

std::string_view RequestContext::header(beast_http::field f) const {
    auto it = request.find(f);
    if (it == request.end())
        return {};
    return {it->value().data(), it->value().size()};
}

std::string RequestContext::user_agent() const {
    return to_valid_utf8(header(beast_http::field::user_agent), 512);
}

RequestOrigin RequestContext::origin() const {
    std::optional<std::string> actor;
    if (principal)
        actor = principal->id;
    return RequestOrigin{std::move(actor), client_ip, user_agent(), request_id};
}

}  // namespace coach::http

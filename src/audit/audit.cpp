#include "audit/audit.hpp"

namespace coach::audit {

db::Query entry(const http::RequestContext& ctx, std::string_view action,
                std::string_view entity_type, std::optional<std::string> entity_id,
                std::optional<std::string> before, std::optional<std::string> after,
                std::optional<std::string> actor) {
    if (!actor && ctx.principal)
        actor = ctx.principal->id;
    return db::Query{kInsertAudit, db::params(actor, action, entity_type, entity_id, before, after,
                                              ctx.client_ip, ctx.user_agent(), ctx.request_id)};
}

}  // namespace coach::audit

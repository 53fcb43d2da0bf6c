#include "audit/audit.hpp"

#include "audit/sql.hpp"

namespace coach::audit {

db::Query entry(const RequestOrigin& origin, std::string_view action, std::string_view entity_type,
                std::optional<std::string> entity_id, std::optional<std::string> before,
                std::optional<std::string> after, std::optional<std::string> actor) {
    if (!actor)
        actor = origin.actor_id;
    return db::Query{sql::insert_audit,
                     db::params(actor, action, entity_type, entity_id, before, after, origin.ip,
                                origin.user_agent, origin.request_id)};
}

}  // namespace coach::audit

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

boost::asio::awaitable<Result<void>> commit(db::Transaction& tx, db::Query audit_entry,
                                            std::vector<db::Query> more) {
    more.insert(more.begin(), std::move(audit_entry));
    auto done = co_await tx.commit(std::move(more));
    if (!done)
        co_return done.error();
    co_return Result<void>{};
}

}  // namespace coach::audit

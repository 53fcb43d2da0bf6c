#include "audit/store.hpp"

#include "audit/sql.hpp"

namespace coach::audit {

boost::asio::awaitable<Result<db::KeysetPage>> list_entries(db::Pool& pool,
                                                            const auth::Principal& viewer,
                                                            const LogFilter& f) {
    std::optional<std::string> after_created_at, after_id;
    if (f.after) {
        after_created_at = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    auto r = co_await pool.query(
        sql::list_audit_log,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::AuditLog), f.actor_id,
                   f.entity_type, f.entity_id, f.action, f.from, f.to, after_created_at, after_id,
                   f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"created_at", "id"});
}

}  // namespace coach::audit

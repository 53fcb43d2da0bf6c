#include "imports/store.hpp"

#include "auth/scope.hpp"
#include "db/columns.hpp"
#include "imports/sql.hpp"

namespace coach::imports {
using boost::asio::awaitable;

awaitable<Result<std::optional<std::string>>> find_log(db::Pool& pool, const auth::Principal& me,
                                                       const std::string& id) {
    auto r = co_await pool.query(sql::find_log, db::params(id, me.id, auth::to_string(me.role)));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<std::string>{};
    co_return std::optional<std::string>{std::string(r->get(0, db::column(*r, "json")))};
}

awaitable<Result<LogPage>> list_logs(db::Pool& pool, const auth::Principal& me,
                                     const LogFilter& f) {
    std::optional<std::string> after_at, after_id;
    if (f.after) {
        after_at = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    auto r = co_await pool.query(
        sql::list_logs, db::params(me.id, auth::list_reach(me.role, auth::Resource::Imports),
                                   f.status, f.import_type, after_at, after_id, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"created_at", "id"});
}

}  // namespace coach::imports

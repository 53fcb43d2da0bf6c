#include "history/store.hpp"

#include "auth/scope_sql.hpp"
#include "db/columns.hpp"
#include "history/sql.hpp"

namespace coach::history {

awaitable<Result<ListPage>> list_history(db::Pool& pool, const auth::Principal& viewer,
                                         const ListFilter& f) {
    std::optional<std::string> after_date, after_id;
    if (f.after) {
        after_date = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    auto r = co_await pool.query(
        sql::list_history,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::Metrics), f.agent_id,
                   f.period_type, f.from, f.to, after_date, after_id, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"period_ending", "id"});
}

awaitable<Result<std::optional<HistoryRecord>>> find_history(db::Pool& pool,
                                                             const std::string& id) {
    auto r = co_await pool.query(sql::find_history, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<HistoryRecord>{};
    co_return std::optional<HistoryRecord>{
        HistoryRecord{std::string(r->get(0, db::column(*r, "json"))),
                      auth::subject_at(*r, 0, auth::SubjectColumns(*r))}};
}

}  // namespace coach::history

#include "analytics/correlations.hpp"

#include "analytics/sql.hpp"
#include "auth/scope.hpp"
#include "db/columns.hpp"

namespace coach::analytics {

boost::asio::awaitable<Result<std::string>> correlations_json(db::Pool& pool,
                                                              const auth::Principal& viewer,
                                                              const std::string& from,
                                                              const std::string& to) {
    auto r = co_await pool.query(
        sql::correlations,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::Effectiveness), from,
                   to));
    if (!r)
        co_return r.error();
    co_return std::string(r->get(0, db::column(*r, "json")));
}

}  // namespace coach::analytics

#include "db/transaction.hpp"

namespace coach::db {
namespace asio = boost::asio;
using asio::awaitable;

awaitable<Result<Transaction>> Transaction::begin(Pool& pool) {
    auto lease = co_await pool.acquire();
    if (!lease)
        co_return lease.error();
    co_return Transaction(std::move(*lease), pool.query_timeout());
}

awaitable<Result<std::vector<PgResult>>> Transaction::pipeline(std::vector<Query> queries) {
    bool add_begin = !begun_;
    if (add_begin)
        queries.insert(queries.begin(), Query{"BEGIN", {}});
    begun_ = true;
    auto r = co_await lease_->execute(queries, timeout_);
    if (r && add_begin)
        r->erase(r->begin());
    co_return r;
}

awaitable<Result<PgResult>> Transaction::query(std::string_view sql, Params params) {
    std::vector<Query> q;
    q.push_back(Query{sql, std::move(params)});
    auto r = co_await pipeline(std::move(q));
    if (!r)
        co_return r.error();
    co_return std::move(r->back());
}

awaitable<Result<std::vector<PgResult>>> Transaction::commit(std::vector<Query> last) {
    last.push_back(Query{"COMMIT", {}});
    auto r = co_await pipeline(std::move(last));
    if (r)
        r->pop_back();
    co_return r;
}

}  // namespace coach::db

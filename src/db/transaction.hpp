#pragma once
// A transaction holds its connection alone. BEGIN travels in the same pipeline as the first
// statement and COMMIT with the last one given to commit(); a transaction dropped without
// commit is rolled back by the pool before the connection is reused.
#include "db/pool.hpp"

namespace coach::db {

class Transaction {
  public:
    static boost::asio::awaitable<Result<Transaction>> begin(Pool& pool);

    boost::asio::awaitable<Result<PgResult>> query(std::string_view sql, Params params = {});
    boost::asio::awaitable<Result<std::vector<PgResult>>> pipeline(std::vector<Query> queries);
    // Optionally runs final statements, then COMMIT, in one round trip.
    boost::asio::awaitable<Result<std::vector<PgResult>>> commit(std::vector<Query> last = {});

  private:
    Transaction(Lease lease, std::chrono::milliseconds timeout)
        : lease_(std::move(lease)), timeout_(timeout) {}
    Lease lease_;
    std::chrono::milliseconds timeout_;
    bool begun_ = false;
};

}  // namespace coach::db

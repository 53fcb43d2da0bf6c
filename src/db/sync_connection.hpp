#pragma once
// Blocking libpq connection for the command line, migrations and tests: never used on an
// I/O thread.
#include "core/error.hpp"
#include "db/params.hpp"
#include "db/pg_result.hpp"

#include <functional>
#include <string>

namespace coach::db {

class SyncConnection {
  public:
    // The session runs with TimeZone `time_zone` (the organisation's: OrgTimeZone::name()).
    static Result<SyncConnection> open(const std::string& url,
                                       const std::string& time_zone = "UTC");
    SyncConnection(SyncConnection&& o) noexcept : conn_(o.conn_) { o.conn_ = nullptr; }
    SyncConnection& operator=(SyncConnection&& o) noexcept;
    ~SyncConnection();

    // One parameterized statement.
    Result<PgResult> exec(std::string_view sql, const Params& params = {});
    // A script of several statements (simple query protocol, no parameters).
    Result<PgResult> exec_script(std::string_view sql);
    // COPY ... FROM STDIN: `sql` is the COPY statement, `next` fills a chunk of text-format
    // rows and returns false when there is no more. Returns the rows copied.
    Result<long long> copy_in(std::string_view sql,
                              const std::function<bool(std::string& chunk)>& next);
    // A new connection to the same database with the parameters this one was opened with (and
    // its current TimeZone), for work that runs beside it on another thread.
    Result<SyncConnection> sibling() const;
    PGconn* raw() const { return conn_; }
    // BEGIN, `body` (a Result<void>), COMMIT; ROLLBACK when the body or the COMMIT fails, whose
    // error it returns.
    Result<void> in_transaction(const std::function<Result<void>()>& body);

  private:
    explicit SyncConnection(PGconn* c) : conn_(c) {}
    // PQconnectdbParams (dbname expanded) with coach's notice handling, or the error.
    static Result<SyncConnection> connect(const char* const* keys, const char* const* values);
    PGconn* conn_ = nullptr;
};

}  // namespace coach::db

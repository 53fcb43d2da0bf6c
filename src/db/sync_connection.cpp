#include "db/sync_connection.hpp"

#include "db/columns.hpp"
#include "db/connection.hpp"
#include "db/sql.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace coach::db {
namespace {

Result<PgResult> checked(PGconn* conn, PGresult* r) {
    PgResult owned(r);
    auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY)
        return owned;
    if (!r)
        return make_error(ErrorCode::Unavailable, PQerrorMessage(conn));
    return error_from_result(r);
}

}  // namespace

Result<SyncConnection> SyncConnection::connect(const char* const* keys, const char* const* values) {
    PGconn* c = PQconnectdbParams(keys, values, 1);
    if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(c);
        PQfinish(c);
        while (!msg.empty() && msg.back() == '\n')
            msg.pop_back();
        return make_error(ErrorCode::Unavailable, "cannot connect to PostgreSQL: " + msg);
    }
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    return SyncConnection(c);
}

Result<SyncConnection> SyncConnection::open(const std::string& url, const std::string& time_zone) {
    std::string options = session_options(time_zone);
    const char* keys[] = {"dbname", "application_name", "options", nullptr};
    const char* values[] = {url.c_str(), "coach-cli", options.c_str(), nullptr};
    return connect(keys, values);
}

Result<SyncConnection> SyncConnection::sibling() const {
    // The parameters this connection was opened with, its current TimeZone as the options.
    auto zone = checked(conn_, PQexec(conn_, std::string(sql::session_time_zone).c_str()));
    if (!zone)
        return zone.error();
    const std::string options =
        session_options(std::string(zone->get(0, column(*zone, "time_zone"))));
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> info(PQconninfo(conn_),
                                                                      &PQconninfoFree);
    if (!info)
        return make_error(ErrorCode::Internal, "out of memory reading the connection parameters");
    std::vector<const char*> keys, values;
    for (PQconninfoOption* o = info.get(); o->keyword; ++o)
        if (std::string_view(o->keyword) != "options" && o->val && *o->val) {
            keys.push_back(o->keyword);
            values.push_back(o->val);
        }
    keys.push_back("options");
    values.push_back(options.c_str());
    keys.push_back(nullptr);
    values.push_back(nullptr);
    return connect(keys.data(), values.data());
}

SyncConnection& SyncConnection::operator=(SyncConnection&& o) noexcept {
    if (this != &o) {
        if (conn_)
            PQfinish(conn_);
        conn_ = o.conn_;
        o.conn_ = nullptr;
    }
    return *this;
}

SyncConnection::~SyncConnection() {
    if (conn_)
        PQfinish(conn_);
}

Result<PgResult> SyncConnection::exec(std::string_view sql, const Params& params) {
    std::vector<const char*> values;
    for (const auto& v : params.values)
        values.push_back(v ? v->c_str() : nullptr);
    std::string text(sql);
    return checked(conn_, PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()),
                                       nullptr, values.data(), nullptr, nullptr, 0));
}

Result<long long> SyncConnection::copy_in(std::string_view sql,
                                          const std::function<bool(std::string&)>& next) {
    std::string text(sql);
    PgResult start(PQexec(conn_, text.c_str()));
    if (PQresultStatus(start.raw()) != PGRES_COPY_IN)
        return error_from_result(start.raw());
    std::string chunk;
    bool ok = true;
    for (;;) {
        chunk.clear();
        bool more = next(chunk);
        if (!chunk.empty() &&
            PQputCopyData(conn_, chunk.data(), static_cast<int>(chunk.size())) != 1) {
            ok = false;
            break;
        }
        if (!more)
            break;
    }
    if (PQputCopyEnd(conn_, ok ? nullptr : "client aborted COPY") != 1)
        return make_error(ErrorCode::Unavailable, PQerrorMessage(conn_));
    auto done = checked(conn_, PQgetResult(conn_));
    while (PGresult* extra = PQgetResult(conn_))
        PQclear(extra);
    if (!done)
        return done.error();
    return done->affected();
}

Result<PgResult> SyncConnection::exec_script(std::string_view sql) {
    std::string text(sql);
    // PQexec returns only the last result; an error stops the script and is what comes back.
    return checked(conn_, PQexec(conn_, text.c_str()));
}

Result<void> SyncConnection::in_transaction(const std::function<Result<void>()>& body) {
    if (auto r = exec("BEGIN"); !r)
        return r.error();
    auto done = body();
    if (done)
        if (auto r = exec("COMMIT"); !r)
            done = r.error();
    if (!done)
        (void)exec("ROLLBACK");
    return done;
}

}  // namespace coach::db

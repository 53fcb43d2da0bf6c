#include "db/migrator.hpp"

#include "core/crypto.hpp"
#include "db/advisory_locks.hpp"

#include <map>

namespace coach::db {
namespace {

constexpr std::string_view kCreateTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    TEXT PRIMARY KEY,
    checksum   TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
))sql";
// Serializes concurrent `coach migrate` runs (several instances starting together).
// $1 locks::kMigrate.
constexpr std::string_view kLock = "SELECT pg_advisory_lock(hashtext($1))";
constexpr std::string_view kUnlock = "SELECT pg_advisory_unlock(hashtext($1))";
constexpr std::string_view kRecord =
    "INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)";

Result<std::map<std::string, std::string>> landed(SyncConnection& conn) {
    auto r = conn.exec(kLandedMigrationsSql);
    if (!r)
        return r.error();
    std::map<std::string, std::string> out;
    for (int i = 0; i < r->rows(); ++i)
        out.emplace(r->get(i, 0), r->get(i, 1));
    return out;
}

Result<std::vector<std::string>> check(const std::map<std::string, std::string>& done,
                                       const std::vector<EmbeddedMigration>& migrations) {
    std::vector<std::string> pending;
    for (const auto& m : migrations) {
        auto it = done.find(std::string(m.name));
        if (it == done.end()) {
            pending.emplace_back(m.name);
        } else if (it->second != migration_checksum(m.sql)) {
            return make_error(ErrorCode::Conflict,
                              "migration " + std::string(m.name) +
                                  " changed after it was applied; restore the landed file and "
                                  "add a new migration instead");
        }
    }
    return pending;
}

}  // namespace

std::string migration_checksum(std::string_view sql) {
    return sha256_hex(sql);
}

Result<std::vector<std::string>> pending_migrations(
    SyncConnection& conn, const std::vector<EmbeddedMigration>& migrations) {
    if (auto r = conn.exec(kCreateTable); !r)
        return r.error();
    auto done = landed(conn);
    if (!done)
        return done.error();
    return check(*done, migrations);
}

Result<MigrationReport> migrate(SyncConnection& conn,
                                const std::vector<EmbeddedMigration>& migrations) {
    if (auto r = conn.exec(kCreateTable); !r)
        return r.error();
    if (auto r = conn.exec(kLock, params(locks::kMigrate)); !r)
        return r.error();
    struct Unlock {
        SyncConnection& c;
        ~Unlock() { (void)c.exec(kUnlock, params(locks::kMigrate)); }
    } unlock{conn};

    auto done = landed(conn);
    if (!done)
        return done.error();
    auto pending = check(*done, migrations);
    if (!pending)
        return pending.error();

    MigrationReport report;
    report.already = done->size();
    for (const auto& m : migrations) {
        if (std::find(pending->begin(), pending->end(), m.name) == pending->end())
            continue;
        if (auto r = conn.exec("BEGIN"); !r)
            return r.error();
        auto applied = conn.exec_script(m.sql);
        if (applied)
            applied = conn.exec(kRecord, params(m.name, migration_checksum(m.sql)));
        if (!applied) {
            (void)conn.exec("ROLLBACK");
            Error e = applied.error();
            e.message = "migration " + std::string(m.name) + " failed: " + e.message;
            return e;
        }
        if (auto r = conn.exec("COMMIT"); !r)
            return r.error();
        report.applied.emplace_back(m.name);
    }
    return report;
}

}  // namespace coach::db

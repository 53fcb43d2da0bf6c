#include "db/migrator.hpp"

#include "core/crypto.hpp"
#include "db/advisory_locks.hpp"
#include "db/columns.hpp"
#include "db/sql.hpp"

#include <map>

namespace coach::db {
namespace {

Result<std::map<std::string, std::string>> landed(SyncConnection& conn) {
    auto r = conn.exec(sql::landed_migrations);
    if (!r)
        return r.error();
    const int version = column(*r, "version"), checksum = column(*r, "checksum");
    std::map<std::string, std::string> out;
    for (int i = 0; i < r->rows(); ++i)
        out.emplace(r->get(i, version), r->get(i, checksum));
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
    if (auto r = conn.exec(sql::create_migrations_table); !r)
        return r.error();
    auto done = landed(conn);
    if (!done)
        return done.error();
    return check(*done, migrations);
}

Result<MigrationReport> migrate(SyncConnection& conn,
                                const std::vector<EmbeddedMigration>& migrations) {
    if (auto r = conn.exec(sql::create_migrations_table); !r)
        return r.error();
    if (auto r = conn.exec(sql::lock_migrations, params(locks::kMigrate)); !r)
        return r.error();
    struct Unlock {
        SyncConnection& c;
        ~Unlock() { (void)c.exec(sql::unlock_migrations, params(locks::kMigrate)); }
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
            applied = conn.exec(sql::record_migration, params(m.name, migration_checksum(m.sql)));
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

#pragma once
// Forward-only migrations: each pending one runs in its own transaction and is recorded in
// schema_migrations with its SHA-256; a landed migration whose text changed stops everything.
#include "core/error.hpp"
#include "db/migrations_data.hpp"
#include "db/sync_connection.hpp"

#include <string>
#include <vector>

namespace coach::db {

struct MigrationReport {
    std::vector<std::string> applied;  // names applied by this run
    std::size_t already = 0;           // names found applied before
};

Result<MigrationReport> migrate(SyncConnection& conn,
                                const std::vector<EmbeddedMigration>& migrations);

// Pending migration names, or an error when a landed one changed (used by /readyz).
Result<std::vector<std::string>> pending_migrations(
    SyncConnection& conn, const std::vector<EmbeddedMigration>& migrations);

std::string migration_checksum(std::string_view sql);

}  // namespace coach::db

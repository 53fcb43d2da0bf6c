#pragma once
// The database a command works on: COACH_DATABASE_URL, or the embedded cluster (started for
// the command's lifetime), migrated.
#include "core/config.hpp"
#include "db/embedded_cluster.hpp"
#include "db/sync_connection.hpp"

#include <optional>

namespace coach::cli {

struct Database {
    std::optional<db::EmbeddedCluster> cluster;  // set when embedded
    std::string url;
};

Result<Database> open_database(const Config& config);
// Applies pending migrations, logging what it did.
Result<void> migrate_database(const std::string& url);

}  // namespace coach::cli

#include "cli/database.hpp"

#include "db/migrations_data.hpp"
#include "db/migrator.hpp"

#include <spdlog/spdlog.h>

namespace coach::cli {

Result<Database> open_database(const Config& config) {
    Database d;
    if (!config.database_url.empty()) {
        d.url = config.database_url;
        return d;
    }
    auto cluster = db::EmbeddedCluster::start(db::ClusterOptions{config.data_dir, "coach", false});
    if (!cluster)
        return cluster.error();
    d.url = cluster->url();
    d.cluster.emplace(std::move(*cluster));
    return d;
}

Result<void> migrate_database(const std::string& url) {
    auto conn = db::SyncConnection::open(url);
    if (!conn)
        return conn.error();
    auto report = db::migrate(*conn, db::embedded_migrations());
    if (!report)
        return report.error();
    for (const auto& name : report->applied)
        spdlog::info("applied migration {}", name);
    if (report->applied.empty())
        spdlog::info("database schema is current");
    return {};
}

}  // namespace coach::cli

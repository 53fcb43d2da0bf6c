#pragma once
// The SQL migrations of db/migrations/, embedded at build time (cmake/embed_migrations.cmake).
#include <string_view>
#include <vector>

namespace coach::db {

struct EmbeddedMigration {
    std::string_view name;  // e.g. "0001_schema.sql"
    std::string_view sql;
};

const std::vector<EmbeddedMigration>& embedded_migrations();

}  // namespace coach::db

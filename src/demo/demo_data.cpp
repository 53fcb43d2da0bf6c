#include "demo/demo_data.hpp"

#include "demo/demo_data_sql.hpp"

namespace coach::demo {
namespace {

// Serializes concurrent loads (two `coach serve` instances starting on one empty database):
// the second waits, then sees the users and refuses.
constexpr std::string_view kLock = "SELECT pg_advisory_xact_lock(hashtext('coach.demo-data'))";
constexpr std::string_view kHasUsers = "SELECT EXISTS (SELECT 1 FROM users)";
constexpr std::string_view kLoad = "SELECT pg_temp.coach_load_demo($1::int, $2)";

Error refused() {
    return make_error(ErrorCode::Conflict,
                      "the database already holds users; demo data loads only into an empty "
                      "database");
}

Result<void> load_in_transaction(db::SyncConnection& conn, int seed,
                                 const std::string& password_hash) {
    if (auto r = conn.exec(kLock); !r)
        return r.error();
    auto has_users = conn.exec(kHasUsers);
    if (!has_users)
        return has_users.error();
    if (has_users->get_bool(0, 0))
        return refused();
    if (auto r = conn.exec_script(kDemoSql); !r)
        return r.error();
    if (auto r = conn.exec(kLoad, db::params(seed, password_hash)); !r) {
        // The loader refuses with unique_violation when users appeared meanwhile.
        if (r.error().sqlstate == "23505")
            return refused();
        return r.error();
    }
    if (auto r = conn.exec_script(kDemoCleanupSql); !r)
        return r.error();
    return Result<void>{};
}

}  // namespace

std::vector<Account> accounts() {
    return {
        {"ADMIN", "admin@coach.demo"},
        {"MANAGER", "manager1@coach.demo"},
        {"TEAM_LEADER", "tl1@coach.demo"},
        {"AGENT", "agent01@coach.demo"},
    };
}

Result<bool> database_is_empty(db::SyncConnection& conn) {
    auto r = conn.exec("SELECT NOT EXISTS (SELECT 1 FROM users)");
    if (!r)
        return r.error();
    return r->get_bool(0, 0);
}

Result<void> load(db::SyncConnection& conn, int seed, const std::string& password_hash) {
    if (auto r = conn.exec("BEGIN"); !r)
        return r.error();
    auto loaded = load_in_transaction(conn, seed, password_hash);
    if (!loaded) {
        (void)conn.exec("ROLLBACK");
        Error e = loaded.error();
        if (e.code != ErrorCode::Conflict)
            e.message = "loading the demo data failed: " + e.message;
        return e;
    }
    if (auto r = conn.exec("COMMIT"); !r) {
        (void)conn.exec("ROLLBACK");
        return r.error();
    }
    // Fresh statistics, so the first plans (now cached per connection) are not made for empty
    // tables.
    (void)conn.exec("ANALYZE");
    return Result<void>{};
}

}  // namespace coach::demo

#include "demo/demo_data.hpp"

#include "db/advisory_locks.hpp"
#include "db/columns.hpp"
#include "demo/sql.hpp"

#include <array>

namespace coach::demo {
namespace {

// The scripts creating the loader in pg_temp (this connection only), in the order the loader
// runs them (src/demo/sql/): the helpers, its steps, the loader itself. drop_loader.sql drops
// them all again before the transaction ends.
constexpr std::array kLoaderScripts = {
    sql::helpers,  sql::staff,       sql::agents,        sql::working_days, sql::sessions,
    sql::metrics,  sql::quick_notes, sql::action_items,  sql::action_plans, sql::effectiveness,
    sql::profiles, sql::answers,     sql::create_loader,
};

Result<bool> has_users(db::SyncConnection& conn) {
    auto r = conn.exec(sql::has_users);
    if (!r)
        return r.error();
    return r->get_bool(0, db::column(*r, "has_users"));
}

Error refused() {
    return make_error(ErrorCode::Conflict,
                      "the database already holds users; demo data loads only into an empty "
                      "database");
}

Result<void> load_in_transaction(db::SyncConnection& conn, int seed,
                                 const std::string& password_hash) {
    if (auto r = conn.exec(sql::lock, db::params(db::locks::kDemoData)); !r)
        return r.error();
    auto users = has_users(conn);
    if (!users)
        return users.error();
    if (*users)
        return refused();
    for (std::string_view script : kLoaderScripts)
        if (auto r = conn.exec_script(script); !r)
            return r.error();
    if (auto r = conn.exec(sql::run_loader, db::params(seed, password_hash)); !r) {
        // The loader refuses with unique_violation when users appeared meanwhile.
        if (r.error().sqlstate == "23505")
            return refused();
        return r.error();
    }
    if (auto r = conn.exec_script(sql::drop_loader); !r)
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
    auto users = has_users(conn);
    if (!users)
        return users.error();
    return !*users;
}

Result<void> load(db::SyncConnection& conn, int seed, const std::string& password_hash) {
    auto loaded =
        conn.in_transaction([&] { return load_in_transaction(conn, seed, password_hash); });
    if (!loaded) {
        Error e = loaded.error();
        if (e.code != ErrorCode::Conflict)
            e.message = "loading the demo data failed: " + e.message;
        return e;
    }
    // Fresh statistics, so the first plans (now cached per connection) are not made for empty
    // tables.
    (void)conn.exec("ANALYZE");
    return Result<void>{};
}

}  // namespace coach::demo

#pragma once
// The demo organisation (`coach demo-data`, and `coach serve` on an empty database):
// deterministic for a seed. 2 managers, 6 team leaders, 80 agents, 13 months of daily metrics
// with a realistic shape, sessions, notes, action items and two PIPs. Built by PostgreSQL: the
// loader and its steps are the files of src/demo/sql/ (create_loader.sql describes the data).
#include "core/error.hpp"
#include "db/sync_connection.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace coach::demo {

inline constexpr std::string_view kDemoPassword = "coach-demo-2026";

struct Account {
    std::string role;
    std::string email;
};

// One sign-in per role, printed by `make run`.
std::vector<Account> accounts();

// True when the database holds no users.
Result<bool> database_is_empty(db::SyncConnection& conn);

// Loads the organisation in one transaction. Every demo user gets `password_hash` (one bcrypt
// hash of kDemoPassword, computed once by the caller). Refuses (Conflict) when users exist.
Result<void> load(db::SyncConnection& conn, int seed, const std::string& password_hash);

}  // namespace coach::demo

#pragma once
// Integration test environment: one embedded PostgreSQL cluster per test binary (under
// $COACH_TEST_DATA_DIR, default build/test-data), a template database migrated once, and a
// fresh database per suite created from it.
#include "db/embedded_cluster.hpp"
#include "db/sync_connection.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace coach::test {

// The shared cluster (started by the test main before any test runs).
db::EmbeddedCluster& cluster();

// A fresh database copied from the migrated template; dropped when destroyed.
class TestDatabase {
  public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& name() const { return name_; }
    std::string url() const;
    // A blocking connection to it (opened on first use).
    db::SyncConnection& conn();
    // Runs SQL and fails the test with the server's message on error.
    db::PgResult exec(std::string_view sql, const db::Params& params = {});
    // The text of EXPLAIN (VERBOSE, COSTS OFF) `query`, one line per plan line.
    std::string plan_of(const std::string& query);

  private:
    std::string name_;
    std::optional<db::SyncConnection> conn_;
};

// Whether `done` holds within `limit`, asked every 50 ms: for what the server does after its
// answer (a queued mail, a sweep). Not a measure of speed: the limit is generous.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (done())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
}

}  // namespace coach::test

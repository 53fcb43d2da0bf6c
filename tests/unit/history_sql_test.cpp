// src/history/sql/: the refresh takes the history job's advisory lock, by the name the job
// runner locks the job "history" under (so a refresh never interleaves with a run of that job).
#include "db/advisory_locks.hpp"
#include "history/sql.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

TEST(HistorySql, RefreshTakesTheHistoryJobsLock) {
    // The key is hashtext(name)::bigint, as jobs/runner.cpp takes a job's lock.
    EXPECT_NE(std::string_view(history::sql::refresh_history)
                  .find("pg_advisory_xact_lock(hashtext($4)::bigint)"),
              std::string::npos);
    EXPECT_NE(std::string_view(history::sql::lock_history)
                  .find("pg_advisory_xact_lock(hashtext($1)::bigint)"),
              std::string::npos);
    EXPECT_EQ(db::locks::job("history"), "coach.job.history");
}

}  // namespace
}  // namespace coach::test

// src/history/sql/: the refresh takes the history job's advisory lock, the key the job runner
// takes for the job "history" (so a refresh never interleaves with a run of that job).
#include "history/sql.hpp"
#include "jobs/runner.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

TEST(HistorySql, RefreshTakesTheHistoryJobsLock) {
    const std::string lock = "pg_advisory_xact_lock(" + jobs::lock_key_sql("'history'") + ")";
    EXPECT_NE(std::string_view(history::sql::refresh_history).find(lock), std::string::npos);
    EXPECT_NE(std::string_view(history::sql::lock_history).find(lock), std::string::npos);
}

}  // namespace
}  // namespace coach::test

#pragma once
// Every PostgreSQL advisory lock the server takes, in one place: a new lock takes a key that is
// not listed here. The statements take these values as parameters. The keys never change:
// instances of an older build and the tests take the same locks. A key is either one bigint,
// hashtext() of a name that starts with "coach." (pg_advisory_lock(hashtext($1))), or two
// ints, a class and hashtext() of an id (pg_advisory_lock($1::int, hashtext(id))); PostgreSQL
// keeps the two forms apart, so they never collide with each other.
#include <string>
#include <string_view>

namespace coach::db::locks {

// `coach migrate`: one migrator at a time (a session lock around the whole run).
inline constexpr std::string_view kMigrate = "coach.migrate";

// Demo data: loads wait for each other, so that a second instance starting on the same empty
// database sees the first one's users and refuses.
inline constexpr std::string_view kDemoData = "coach.demo-data";

// A job: one run of a job at a time across instances. Its key is hashtext(kJobPrefix || the
// job's name)::bigint.
inline constexpr std::string_view kJobPrefix = "coach.job.";
// The name whose hashtext() is the key of job `name`. The history job's ("history") is taken by
// every refresh of history outside the job too (after an import), so that the two never
// interleave.
inline std::string job(std::string_view name) {
    std::string key(kJobPrefix);
    key.append(name);
    return key;
}

// A running import: (kImportRun, hashtext(its id)), held by the import's transaction, so that
// start-up recovery fails only the imports no live transaction runs.
inline constexpr int kImportRun = 73100;
// An import's recompute after its commit: (kImportRecompute, hashtext(its id)), a session lock
// held while it runs, so that the sweep of owed recomputes skips one running elsewhere.
inline constexpr int kImportRecompute = 73103;
// An import's file: (kImportFile, hashtext(its SHA-256)): one import of a file at once.
inline constexpr int kImportFile = 73101;
// A setting being written: (kSetting, hashtext(its key)), held by the writing transaction, so
// that two writes of one setting (whose row may not exist yet) run one after the other and each
// audits the value the other wrote.
inline constexpr int kSetting = 73102;

// Taken inside SQL, listed so that no new key reuses them: dashboard_refresh_lock()
// (0006_dashboards.sql) takes (6060 + kind, 0) and (6070 + kind, hashtext(agent id)), kind 1
// for the snapshots and 2 for the coaching facts.

}  // namespace coach::db::locks

#pragma once
// The embedded PostgreSQL used when COACH_DATABASE_URL is unset: initdb on first start,
// `postgres` as a child process listening on a unix socket only, stopped with coach.
// As root, PostgreSQL runs as the `postgres` system user; if that user cannot reach the data
// dir (e.g. a checkout under /root), the cluster lives under /var/tmp instead (logged).
#include "core/error.hpp"

#include <sys/types.h>

#include <string>

namespace coach::db {

struct ClusterOptions {
    std::string data_dir = "var";    // COACH_DATA_DIR; the cluster is <data_dir>/pg
    std::string database = "coach";  // created on first start
    bool fast_unsafe = false;        // tests: fsync off, no initdb sync
};

class EmbeddedCluster {
  public:
    static Result<EmbeddedCluster> start(const ClusterOptions& options);
    EmbeddedCluster(EmbeddedCluster&& o) noexcept;
    EmbeddedCluster& operator=(EmbeddedCluster&&) = delete;
    ~EmbeddedCluster();

    // libpq URL of `database` (or another database of the same cluster).
    std::string url() const { return url_for(database_); }
    std::string url_for(const std::string& database) const;
    const std::string& cluster_dir() const { return cluster_dir_; }
    // Fast shutdown; waits for the server to exit. Idempotent.
    void stop();
    // Starts it again after stop() (tests of database outages).
    Result<void> restart();

  private:
    EmbeddedCluster() = default;
    Result<void> launch();

    std::string bindir_;
    std::string cluster_dir_;
    std::string socket_dir_;
    std::string log_file_;
    std::string database_;
    bool run_as_postgres_ = false;
    bool fast_unsafe_ = false;
    pid_t pid_ = -1;
    bool child_ = false;  // false when we adopted a server left running by an earlier coach
};

}  // namespace coach::db

#pragma once
// Reading import logs for the API (async pool). A log's target in the permission table is its
// importer (resource Imports): ADMIN reads every log, MANAGER the ones they ran (no other
// importer is in a manager's scope); the caller checks role_may first.
#include "auth/scope.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::imports {

// The log as JSON (with error_details and warnings), or nullopt when absent or not visible.
boost::asio::awaitable<Result<std::optional<std::string>>> find_log(db::Pool& pool,
                                                                    const auth::Principal& me,
                                                                    const std::string& id);

struct LogFilter {
    std::optional<std::string> status, import_type;
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // cursor: created_at, id
};

// Items: the logs' JSON without error_details and warnings.
using LogPage = db::KeysetPage;

boost::asio::awaitable<Result<LogPage>> list_logs(db::Pool& pool, const auth::Principal& me,
                                                  const LogFilter& filter);

}  // namespace coach::imports

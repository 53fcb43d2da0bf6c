#pragma once
// The history area's statements (src/history/sql/): performance_history reads, by column
// name. Rows are JSON as PostgreSQL writes them (row_to_json), passed through by the routes.
#include "auth/scope.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::history {

using boost::asio::awaitable;

struct ListFilter {
    std::optional<std::string> agent_id, period_type, from, to;  // from/to: period_ending
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // cursor (period_ending, id)
};

using ListPage = db::KeysetPage;

// Rows of agents whose metrics the viewer may read, latest period_ending first.
awaitable<Result<ListPage>> list_history(db::Pool& pool, const auth::Principal& viewer,
                                         const ListFilter& filter);

struct HistoryRecord {
    std::string json;
    auth::Subject subject;  // the agent
};
awaitable<Result<std::optional<HistoryRecord>>> find_history(db::Pool& pool, const std::string& id);

}  // namespace coach::history

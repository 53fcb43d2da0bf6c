#pragma once
// The metrics area's statements (src/metrics/sql/): performance_metrics reads and writes, by
// column name.
#include "auth/scope.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "metrics/metric_row.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::metrics {

using boost::asio::awaitable;

struct ListFilter {
    std::optional<std::string> agent_id, from, to;  // from/to: metric_date bounds, inclusive
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // cursor (metric_date, agent_id)
};

using ListPage = db::KeysetPage;

// Rows of agents whose metrics the viewer may read, newest day first.
awaitable<Result<ListPage>> list_metrics(db::Pool& pool, const auth::Principal& viewer,
                                         const ListFilter& filter);

struct MetricRecord {
    std::string json;       // every column, composite_score and timestamps included
    auth::Subject subject;  // the agent, for scope checks
    std::string agent_id, metric_date;
    bool archived = false;  // in performance_metrics_archive (older than 13 months): read-only
};
awaitable<Result<std::optional<MetricRecord>>> find_metric(db::Pool& pool, const std::string& id);

// One row to write, with its position in the request.
struct Write {
    std::size_t index;
    const MetricRow* row;
};
struct WriteOutcome {
    std::size_t index;
    std::string status;  // created | updated | unchanged | error
    std::optional<std::string> id;
    std::optional<FieldError> error;  // status error: agent_id not found / not an agent
};
// One set-based upsert on (agent_id, metric_date) inside `tx`: rows whose agent is not a live
// AGENT whose metrics the writer may write are not written ("not found"; "must be an agent"
// for such a user of another role); a row identical to the stored one is not rewritten
// ("unchanged"). Outcomes in request order.
awaitable<Result<std::vector<WriteOutcome>>> upsert_metrics(db::Transaction& tx,
                                                            const auth::Principal& writer,
                                                            const std::vector<Write>& rows);

// Deletes the row; returns it as it was (nullopt when it was gone meanwhile).
awaitable<Result<std::optional<std::string>>> delete_metric(db::Transaction& tx,
                                                            const std::string& id);

}  // namespace coach::metrics

#pragma once
// Reading the audit trail (GET /api/v1/audit-log): audit/sql/list_audit_log.sql, read by
// column name.
#include "auth/scope.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::audit {

struct LogFilter {
    std::optional<std::string> actor_id, entity_type, entity_id, action;
    std::optional<std::string> from, to;  // YYYY-MM-DD in the organisation's zone, inclusive
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // (created_at, id)
};

// The entries `viewer` may read (auth::list_reach of AuditLog), newest first.
boost::asio::awaitable<Result<db::KeysetPage>> list_entries(db::Pool& pool,
                                                            const auth::Principal& viewer,
                                                            const LogFilter& filter);

}  // namespace coach::audit

#pragma once
// The audit trail: every mutation adds one audit_log row in the same transaction/pipeline as
// the change (actor, action, entity, before/after, ip, user agent, request id). Below the
// areas and above db only: who acted and from where comes in as core's RequestOrigin
// (http's RequestContext::origin() in a route; carried along by jobs and imports). The trail
// is read by GET /api/v1/audit-log (audit/routes.*, audit/store.*).
#include "core/request_origin.hpp"
#include "db/connection.hpp"
#include "db/transaction.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::audit {

// The statement adding the row (audit/sql/insert_audit.sql), to run in the change's
// transaction. before/after: JSON text (or nullopt); actor: overrides origin.actor_id (an anonymous
// caller acting on an account: sign-in, password reset).
db::Query entry(const RequestOrigin& origin, std::string_view action, std::string_view entity_type,
                std::optional<std::string> entity_id, std::optional<std::string> before,
                std::optional<std::string> after, std::optional<std::string> actor = std::nullopt);

// Commits `tx` with the change's audit entry, then `more` (final statements of the same change,
// such as its notifications), in the commit's round trip: the change, its audit row and what it
// tells people exist together or not at all.
boost::asio::awaitable<Result<void>> commit(db::Transaction& tx, db::Query audit_entry,
                                            std::vector<db::Query> more = {});

}  // namespace coach::audit

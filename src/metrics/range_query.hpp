#pragma once
// The query string shared by the metrics and history collections:
// ?agent_id=&from=&to=&limit=&cursor= (dates YYYY-MM-DD, cursor = (date, uuid)).
#include "core/error.hpp"
#include "http/collection.hpp"
#include "http/request_context.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::metrics {

struct RangeQuery {
    std::optional<std::string> agent_id, from, to;
    http::Page page;  // page.after: {date, uuid}
};

// Problems go to `errors` (field = parameter name).
RangeQuery read_range_query(const http::RequestContext& ctx, std::vector<FieldError>& errors);

// 404 unless the caller may read the metrics and history of user `agent_id`.
boost::asio::awaitable<Result<void>> require_readable(http::RequestContext& ctx,
                                                      const std::string& agent_id);

}  // namespace coach::metrics

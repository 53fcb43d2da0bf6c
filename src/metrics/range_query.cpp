#include "metrics/range_query.hpp"

#include "auth/scope_sql.hpp"
#include "http/query_params.hpp"

namespace coach::metrics {

RangeQuery read_range_query(const http::RequestContext& ctx, std::vector<FieldError>& errors) {
    RangeQuery q;
    q.agent_id = http::uuid_query(ctx, "agent_id", errors);
    q.from = http::date_query(ctx, "from", errors);
    q.to = http::date_query(ctx, "to", errors);
    if (q.from && q.to && *q.to < *q.from)
        errors.push_back({"to", "must not be before from"});
    q.page = http::read_page(ctx, {http::KeyPart::Date, http::KeyPart::Uuid}, errors);
    return q;
}

boost::asio::awaitable<Result<void>> require_readable(http::RequestContext& ctx,
                                                      const std::string& agent_id) {
    auto subject = co_await auth::load_subject(ctx.db, agent_id);
    if (!subject)
        co_return subject.error();
    if (!*subject || !auth::may(ctx.me(), auth::Resource::Metrics, auth::Action::Read, **subject))
        co_return not_found();
    co_return Result<void>{};
}

}  // namespace coach::metrics

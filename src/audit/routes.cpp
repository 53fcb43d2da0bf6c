// GET /api/v1/audit-log: the audit trail for ADMINs, newest first, filtered and keyset-paged.
// The reader of the rows audit::entry writes, beside it. JSON: each entry written by
// PostgreSQL (json_build_object in list_audit_log.sql: before and after are the stored JSON,
// of any shape) and passed through; the envelope by http::collection_response.
#include "audit/routes.hpp"

#include "audit/store.hpp"
#include "auth/scope.hpp"
#include "core/utf8.hpp"
#include "http/collection.hpp"
#include "http/handler.hpp"
#include "http/query_params.hpp"
#include "http/response.hpp"

namespace coach::audit {
namespace {

// A text filter (entity_type, action: names the code writes, such as "user.update"): 1 to 100
// characters.
std::optional<std::string> name_query(const RequestContext& ctx, std::string_view name,
                                      std::vector<FieldError>& errors) {
    constexpr std::size_t kMax = 100;
    auto v = ctx.query_param(name);
    if (v && (v->empty() || utf8_length(*v) > kMax)) {
        errors.push_back({std::string(name), "must be 1 to 100 characters"});
        v.reset();
    }
    return v;
}

awaitable<Result<Response>> list(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, auth::Resource::AuditLog, auth::Action::Read))
        co_return make_error(ErrorCode::Forbidden, "Only an administrator may read the audit log.");
    std::vector<FieldError> errors;
    LogFilter f;
    f.actor_id = http::uuid_query(ctx, "actor_id", errors);
    f.entity_type = name_query(ctx, "entity_type", errors);
    f.entity_id = http::uuid_query(ctx, "entity_id", errors);
    f.action = name_query(ctx, "action", errors);
    f.from = http::date_query(ctx, "from", errors);
    f.to = http::date_query(ctx, "to", errors);
    if (f.from && f.to && *f.to < *f.from)
        errors.push_back({"to", "must not be before from"});
    http::Page page = http::read_page(ctx, {http::KeyPart::Timestamp, http::KeyPart::Uuid}, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    f.limit = page.limit;
    f.after = page.after;
    co_return http::collection_response(co_await list_entries(ctx.db, ctx.me(), f));
}

}  // namespace

void add_routes(http::Router& router) {
    router.add({http::Verb::get, "/api/v1/audit-log", list, http::Access::Authenticated,
                http::kJsonBodyLimit, "List the audit log"});
}

}  // namespace coach::audit

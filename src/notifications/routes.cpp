// The caller's notifications (the bell). Everyone has only their own: auth's table grants
// notifications to the recipient alone, so the list filters with the piece auth/reaches and
// the writes name the caller as recipient. JSON: built by PostgreSQL (json_build_object in
// the statements) and passed through; envelopes by Boost.JSON.
#include "notifications/routes.hpp"

#include "auth/scope.hpp"
#include "db/columns.hpp"
#include "db/keyset_page.hpp"
#include "db/params.hpp"
#include "db/pool.hpp"
#include "http/collection.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/query_params.hpp"
#include "http/response.hpp"
#include "notifications/sql.hpp"

namespace coach::notifications {
namespace {

awaitable<Result<Response>> list(RequestContext& ctx) {
    std::vector<FieldError> errors;
    const bool unread_only = http::flag_query(ctx, "unread", errors);
    http::Page page = http::read_page(
        ctx, {http::KeyPart::Text, http::KeyPart::Timestamp, http::KeyPart::Uuid}, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    std::optional<std::string> read, created_at, id;
    if (page.after) {
        read = (*page.after)[0];
        created_at = (*page.after)[1];
        id = (*page.after)[2];
    }
    const auth::Principal& me = ctx.me();
    auto r = co_await ctx.db.query(
        sql::list_notifications,
        db::params(me.id, auth::list_reach(me.role, auth::Resource::Notifications), unread_only,
                   read, created_at, id, page.limit + 1));
    if (!r)
        co_return r.error();
    co_return http::collection_response(
        db::keyset_page(*r, page.limit, "json", {"read", "created_at", "id"}));
}

awaitable<Result<Response>> unread_count(RequestContext& ctx) {
    auto r = co_await ctx.db.query(sql::unread_count, db::params(ctx.me().id));
    if (!r)
        co_return r.error();
    co_return http::json_value(
        http::Status::ok, boost::json::object{{"unread", r->get_int(0, db::column(*r, "unread"))}});
}

awaitable<Result<Response>> mark_read(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    // Another user's notification is not found: the recipient is the caller, always.
    auto r = co_await ctx.db.query(sql::mark_read, db::params(*id, ctx.me().id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return not_found();
    co_return http::json_text(http::Status::ok, std::string(r->get(0, db::column(*r, "json"))));
}

awaitable<Result<Response>> mark_all_read(RequestContext& ctx) {
    auto r = co_await ctx.db.query(sql::mark_all_read, db::params(ctx.me().id));
    if (!r)
        co_return r.error();
    co_return http::json_value(
        http::Status::ok, boost::json::object{{"marked", r->get_int(0, db::column(*r, "marked"))}});
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    router.add({Verb::get, "/api/v1/notifications", list, http::Access::Authenticated,
                http::kJsonBodyLimit, "List the caller's notifications, unread first"});
    router.add({Verb::get, "/api/v1/notifications/unread-count", unread_count,
                http::Access::Authenticated, http::kJsonBodyLimit,
                "Count the caller's unread notifications"});
    router.add({Verb::post, "/api/v1/notifications/read-all", mark_all_read,
                http::Access::Authenticated, http::kJsonBodyLimit,
                "Mark all the caller's notifications read"});
    router.add({Verb::post, "/api/v1/notifications/{id}/read", mark_read,
                http::Access::Authenticated, http::kJsonBodyLimit, "Mark a notification read"});
}

}  // namespace coach::notifications

// The organisation's settings: GET for every signed-in user (the web app shows dates in the
// organisation's time zone), PATCH for ADMINs. JSON: written by PostgreSQL (json_build_object
// in find_settings.sql, current_settings.sql and save_time_zone.sql, one small object) and
// passed through; the audit entry's before and after are the same texts. GET answers the zone
// this server runs in, PATCH the zone it has just set and applied.
#include "settings/routes.hpp"

#include "audit/audit.hpp"
#include "auth/scope.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "settings/store.hpp"

namespace coach::settings {
using auth::Action;
using auth::Resource;

namespace {

// Zone names are short ("America/Argentina/ComodRivadavia" is among the longest).
constexpr std::size_t kMaxZoneLength = 64;

awaitable<Result<Response>> get(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, Resource::Settings, Action::Read))
        co_return make_error(ErrorCode::Forbidden, "You may not see the settings.");
    auto json = co_await find_settings(ctx.db, ctx.services.time_zone.name());
    if (!json)
        co_return json.error();
    co_return http::json_text(http::Status::ok, std::move(*json));
}

awaitable<Result<Response>> patch(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, Resource::Settings, Action::Update))
        co_return make_error(ErrorCode::Forbidden,
                             "Only an administrator may change the settings.");
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    http::Fields f(*body);
    f.reject_unknown({"time_zone"});
    auto zone = f.patch_string("time_zone", kMaxZoneLength, /*nullable=*/false, 1);
    if (!f.ok())
        co_return f.error();
    if (!zone.value)  // as for users: a PATCH names something to change
        co_return validation_error({{"body", "names no field to change"}});
    const std::string& fallback = ctx.services.config.timezone;

    // Check, write and audit in one transaction, under the setting's lock: two changes racing
    // each audit what the other wrote (docs/architecture.md, "Check and write").
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    auto current = co_await lock_settings(*tx, *zone.value, fallback);
    if (!current)
        co_return current.error();
    if (!current->known)
        co_return validation_error(
            {{"time_zone", "must be a time zone name PostgreSQL knows, such as Europe/Lisbon"}});
    auto saved = co_await save_time_zone(*tx, *zone.value, ctx.me().id);
    if (!saved)
        co_return saved.error();
    std::vector<db::Query> last;
    last.push_back(audit::entry(ctx.origin(), "settings.update", "settings", saved->id,
                                current->json, saved->json));
    auto done = co_await tx->commit(std::move(last));
    if (!done)
        co_return done.error();
    // This server runs in the new zone from its next request on (other instances within their
    // watch's minute: app/time_zone_watch).
    if (ctx.services.refresh_time_zone)
        co_await ctx.services.refresh_time_zone(ctx.db);
    co_return http::json_text(http::Status::ok, std::move(saved->json));
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    router.add({Verb::get, "/api/v1/settings", get, http::Access::Authenticated,
                http::kJsonBodyLimit, "Get the organisation's settings"});
    router.add({Verb::patch, "/api/v1/settings", patch, http::Access::Authenticated,
                http::kJsonBodyLimit, "Change the organisation's settings"});
}

}  // namespace coach::settings

#include "ops/routes.hpp"

#include "auth/authenticate.hpp"
#include "core/crypto.hpp"
#include "db/columns.hpp"
#include "db/migrations_data.hpp"
#include "db/migrator.hpp"
#include "db/pool.hpp"
#include "db/sql.hpp"
#include "http/handler.hpp"
#include "http/metrics.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "ops/openapi.hpp"

#include <boost/json/serialize.hpp>

namespace coach::ops {

namespace {

awaitable<Result<Response>> healthz(RequestContext&) {
    co_return http::json_text(http::Status::ok, R"({"status":"ok"})");
}

// Ready when the database answers and every migration this binary knows has landed unchanged.
awaitable<Result<Response>> readyz(RequestContext& ctx) {
    auto r = co_await ctx.db.query(db::sql::landed_migrations);
    if (!r)
        co_return r.error();
    const int version = db::column(*r, "version"), checksum = db::column(*r, "checksum");
    for (const auto& m : db::embedded_migrations()) {
        bool landed = false;
        for (int i = 0; i < r->rows(); ++i)
            landed = landed || (r->get(i, version) == m.name &&
                                r->get(i, checksum) == db::migration_checksum(m.sql));
        if (!landed) {
            Error e = make_error(ErrorCode::Unavailable,
                                 "Migration " + std::string(m.name) + " is not applied.");
            e.retry_after_seconds = 5;
            co_return e;
        }
    }
    co_return http::json_text(http::Status::ok, R"({"status":"ready"})");
}

// Only for the scraper holding COACH_METRICS_TOKEN: route names, traffic and pool use are no
// one else's business (issue 11). Unset, or a wrong token: 404, as for a route that is not there.
bool metrics_allowed(const RequestContext& ctx) {
    const std::string& token = ctx.services.config.metrics_token;
    bool via_cookie = false;  // a signed-in browser's session is not the scraper
    std::string given = auth::presented_token(ctx.request, via_cookie);
    return !token.empty() && !via_cookie && constant_time_equal(given, token);
}

awaitable<Result<Response>> metrics(RequestContext& ctx) {
    if (!metrics_allowed(ctx))
        co_return make_error(ErrorCode::NotFound, "Not found.");
    Response res{http::Status::ok, 11};
    res.set(http::beast_http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    res.body() = ctx.services.metrics.render(ctx.services.router, ctx.services.pool_stats());
    res.prepare_payload();
    co_return res;
}

awaitable<Result<Response>> openapi(RequestContext& ctx) {
    co_return http::json_text(http::Status::ok,
                              boost::json::serialize(openapi_document(ctx.services.router)));
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Access;
    using http::Verb;
    constexpr auto limit = http::kPublicBodyLimit;
    router.add({Verb::get, "/healthz", healthz, Access::Public, limit, "Liveness"});
    router.add({Verb::get, "/readyz", readyz, Access::Public, limit,
                "Readiness: database reachable and migrations current"});
    router.add({Verb::get, "/metrics", metrics, Access::Public, limit,
                "Prometheus metrics (with COACH_METRICS_TOKEN as bearer)"});
    router.add({Verb::get, "/api/v1/openapi.json", openapi, Access::Public, limit,
                "This API as OpenAPI 3.1"});
}

}  // namespace coach::ops

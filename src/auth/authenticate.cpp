#include "auth/authenticate.hpp"

#include "auth/sql.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "db/columns.hpp"
#include "db/pool.hpp"
#include "http/services.hpp"

namespace coach::auth {
namespace asio = boost::asio;

namespace {

// last_seen_at only drives the idle expiry (minutes of slack): the touch commits without
// waiting for its WAL flush. With a synchronous commit every request that found the session
// due (all of a client's concurrent ones, once a minute) waited for an fsync, which took up to
// 1-2 s on the shared benchmark machine and made the /auth/me p99. A crash can lose the last
// touches, i.e. a session may expire up to a minute early.
// (async_commit.sql)

bool safe_method(http::Verb v) {
    return v == http::Verb::get || v == http::Verb::head || v == http::Verb::options;
}

}  // namespace

std::string presented_token(const http::Request& req, bool& via_cookie) {
    via_cookie = false;
    if (auto it = req.find(http::beast_http::field::authorization); it != req.end()) {
        std::string_view v(it->value().data(), it->value().size());
        if (v.size() > 7 && strncasecmp(v.data(), "Bearer ", 7) == 0)
            return std::string(trim(v.substr(7)));
        return {};
    }
    for (auto it = req.find(http::beast_http::field::cookie);
         it != req.end() && it->name() == http::beast_http::field::cookie; ++it) {
        std::string_view all(it->value().data(), it->value().size());
        while (!all.empty()) {
            auto semi = all.find(';');
            std::string_view pair = trim(all.substr(0, semi));
            all = semi == std::string_view::npos ? std::string_view{} : all.substr(semi + 1);
            auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == kSessionCookie) {
                via_cookie = true;
                return std::string(pair.substr(eq + 1));
            }
        }
    }
    return {};
}

std::string token_hash_param(std::string_view token) {
    return "\\x" + sha256_hex(token);
}

asio::awaitable<Result<void>> authenticate(http::RequestContext& ctx,
                                           std::optional<db::Query> prefetch) {
    bool via_cookie = false;
    std::string token = presented_token(ctx.request, via_cookie);
    if (token.empty() || token.size() > 256)
        co_return make_error(ErrorCode::Unauthorized, "Sign in to continue.");
    auto idle = static_cast<int>(ctx.services.config.session_idle.count());
    db::Params lookup = db::params(token_hash_param(token), idle);
    Result<db::PgResult> r = Error{};
    if (prefetch) {
        auto& values = prefetch->params.values;
        values.insert(values.begin(), lookup.values.begin(), lookup.values.end());
        std::vector<db::Query> both;
        both.push_back({sql::session_lookup, std::move(lookup)});
        both.push_back(std::move(*prefetch));
        auto results = co_await ctx.db.pipeline(both);  // one round trip
        if (results) {
            r = std::move((*results)[0]);
            ctx.prefetched = std::move((*results)[1]);
        } else {
            // Its first error only: the lookup alone decides the caller (a bad token stays a
            // 401), and the handler, finding nothing prefetched, runs its own query.
            r = co_await ctx.db.query(sql::session_lookup, std::move(both[0].params));
        }
    } else {
        r = co_await ctx.db.query(sql::session_lookup, std::move(lookup));
    }
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return make_error(ErrorCode::Unauthorized, "Your session has expired; sign in again.");
    auto role = parse_role(r->get(0, db::column(*r, "role")));
    if (!role)
        co_return make_error(ErrorCode::Internal, "unknown role in users row");
    ctx.session = http::Session{std::string(r->get(0, db::column(*r, "session_id"))),
                                std::string(r->get(0, db::column(*r, "csrf_token"))), via_cookie,
                                std::string(r->get(0, db::column(*r, "user_json")))};
    if (r->get_bool(0, db::column(*r, "touch_due"))) {
        std::vector<db::Query> touch;
        touch.push_back({"BEGIN", {}});
        touch.push_back({sql::async_commit, {}});
        touch.push_back({sql::touch_session, db::params(ctx.session->id)});
        touch.push_back({"COMMIT", {}});
        auto touched = co_await ctx.db.pipeline(std::move(touch));  // one round trip
        if (!touched)
            co_return touched.error();
    }
    if (via_cookie && !safe_method(ctx.request.method())) {
        auto it = ctx.request.find("X-CSRF-Token");
        std::string_view given = it == ctx.request.end()
                                     ? std::string_view{}
                                     : std::string_view(it->value().data(), it->value().size());
        if (given.empty() || !constant_time_equal(given, ctx.session->csrf_token))
            co_return make_error(ErrorCode::Forbidden,
                                 "Missing or invalid X-CSRF-Token header for a cookie session.");
    }
    ctx.principal = Principal{std::string(r->get(0, db::column(*r, "user_id"))), *role};
    co_return Result<void>{};
}

}  // namespace coach::auth

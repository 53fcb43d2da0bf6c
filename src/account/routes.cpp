#include "account/routes.hpp"

#include "account/sql.hpp"
#include "audit/audit.hpp"
#include "auth/authenticate.hpp"
#include "auth/login_throttle.hpp"
#include "auth/password.hpp"
#include "core/crypto.hpp"
#include "core/offload.hpp"
#include "db/columns.hpp"
#include "db/transaction.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "users/store.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json.hpp>

namespace coach::account {
namespace json = boost::json;
using auth::dummy_hash;
using auth::hash_password;
using auth::kSessionCookie;
using auth::LoginThrottle;
using auth::password_policy_violation;
using auth::token_hash_param;
using auth::verify_password;

namespace {

Error bad_credentials() {
    return make_error(ErrorCode::Unauthorized, "The email or password is incorrect.");
}

std::string session_cookie(const Config& c, const std::string& token, long long max_age) {
    std::string cookie = std::string(kSessionCookie) + "=" + token +
                         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (c.secure_cookies)
        cookie += "; Secure";
    return cookie;
}

awaitable<std::string> hash_off_thread(RequestContext& ctx, std::string plain) {
    int cost = ctx.services.config.bcrypt_cost;
    // Named lambdas only: GCC 12 destroys a lambda temporary in a co_await twice (PR 107288).
    auto work = [p = std::move(plain), cost] { return hash_password(p, cost); };
    co_return co_await offload(ctx.services.workers, std::move(work));
}

awaitable<bool> verify_off_thread(RequestContext& ctx, std::string plain, std::string hash) {
    auto work = [p = std::move(plain), h = std::move(hash)] { return verify_password(p, h); };
    co_return co_await offload(ctx.services.workers, std::move(work));
}

awaitable<Result<Response>> login(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    http::Fields f(*body);
    auto email = f.string("email", true, 255, 1);
    auto password = f.string("password", true, 1024, 1);
    f.reject_unknown({"email", "password"});
    if (!f.ok())
        co_return f.error();

    auto user = co_await ctx.db.query(sql::user_for_login, db::params(*email));
    if (!user)
        co_return user.error();
    // The throttle counts per account as the database finds it (its lower(), any script), so
    // no spelling of an address gets counters of its own; see LoginThrottle.
    std::string account =
        user->empty() ? "email:" + *email : std::string(user->get(0, db::column(*user, "id")));
    LoginThrottle& throttle = ctx.services.login_throttle;
    if (auto refusal = throttle.check(account, ctx.client_ip)) {
        Error e = make_error(ErrorCode::RateLimited,
                             refusal->reset_required
                                 ? "Too many failed sign-ins to this account; reset the password "
                                   "to sign in."
                                 : "Too many failed sign-in attempts; try again later.");
        e.retry_after_seconds = refusal->retry_after_seconds;
        co_return e;
    }
    // Unknown emails cost the same bcrypt time as wrong passwords.
    std::string hash = user->empty()
                           ? dummy_hash()
                           : std::string(user->get(0, db::column(*user, "password_hash")));
    bool ok = co_await verify_off_thread(ctx, *password, hash);
    if (!ok || user->empty() || user->get(0, db::column(*user, "status")) == "TERMINATED") {
        throttle.record_failure(account, ctx.client_ip);
        co_return bad_credentials();
    }
    throttle.record_success(account, ctx.client_ip);

    std::string user_id(user->get(0, db::column(*user, "id")));
    std::string token = random_token(32);
    std::string csrf = random_token(24);
    const Config& cfg = ctx.services.config;
    auto lifetime = static_cast<long long>(cfg.session_absolute.count());
    std::vector<db::Query> writes;
    writes.push_back({sql::create_session, db::params(user_id, token_hash_param(token), csrf,
                                                      ctx.client_ip, ctx.user_agent(), lifetime)});
    writes.push_back({sql::touch_login, db::params(user_id)});
    writes.push_back(audit::entry(ctx.origin(), "auth.login", "users", user_id, std::nullopt,
                                  std::nullopt, user_id));
    auto done = co_await ctx.db.pipeline(std::move(writes));
    if (!done)
        co_return done.error();
    auto me = co_await users::find_user(ctx.db, user_id);
    if (!me)
        co_return me.error();
    if (!*me)
        co_return bad_credentials();
    ctx.set_cookies.push_back(session_cookie(cfg, token, lifetime));
    std::string out = "{\"user\":" + (*me)->json +
                      ",\"csrf_token\":" + json::serialize(json::value(csrf)) +
                      ",\"token\":" + json::serialize(json::value(token)) + "}";
    co_return http::json_text(http::Status::ok, std::move(out));
}

awaitable<Result<Response>> logout(RequestContext& ctx) {
    std::vector<db::Query> writes;
    writes.push_back({sql::revoke_session, db::params(ctx.session->id)});
    writes.push_back(audit::entry(ctx.origin(), "auth.logout", "users", ctx.me().id, std::nullopt,
                                  std::nullopt));
    auto r = co_await ctx.db.pipeline(std::move(writes));
    if (!r)
        co_return r.error();
    ctx.set_cookies.push_back(session_cookie(ctx.services.config, "", 0));
    co_return http::no_content();
}

// "Sign out everywhere": every session of the caller ends, this one included (a lost phone, a
// shared computer left signed in).
awaitable<Result<Response>> logout_all(RequestContext& ctx) {
    std::vector<db::Query> writes;
    writes.push_back({sql::revoke_other_sessions, db::params(ctx.me().id, std::nullopt)});
    writes.push_back(audit::entry(ctx.origin(), "auth.logout_all", "users", ctx.me().id,
                                  std::nullopt, std::nullopt));
    auto r = co_await ctx.db.pipeline(std::move(writes));
    if (!r)
        co_return r.error();
    ctx.set_cookies.push_back(session_cookie(ctx.services.config, "", 0));
    co_return http::no_content();
}

awaitable<Result<Response>> me(RequestContext& ctx) {
    // authenticate() read the user row with the session: one statement for the whole request.
    if (ctx.session && !ctx.session->user_json.empty())
        co_return http::json_text(http::Status::ok, std::move(ctx.session->user_json));
    auto row = co_await users::find_user(ctx.db, ctx.me().id);
    if (!row)
        co_return row.error();
    if (!*row)
        co_return make_error(ErrorCode::Unauthorized, "Sign in to continue.");
    co_return http::json_text(http::Status::ok, std::move((*row)->json));
}

// A tab that lost the token (new tab, cleared storage) asks for it again; SameSite=Strict
// and same-origin reads keep other sites from doing the same.
awaitable<Result<Response>> csrf(RequestContext& ctx) {
    json::object body{{"csrf_token", ctx.session->csrf_token}};
    co_return http::json_value(http::Status::ok, body);
}

// A reset's work after the answer: the token and the mail (start_reset.sql) and the audit entry
// when the address is an account's.
awaitable<void> send_reset(db::Pool& db, RequestOrigin origin, std::string email,
                           std::string token_hash, std::string link) {
    auto r = co_await db.query(sql::start_reset, db::params(email, token_hash, link));
    if (r && !r->empty()) {
        std::string id(r->get(0, db::column(*r, "id")));
        db::Query row = audit::entry(origin, "auth.password_reset_requested", "users", id,
                                     std::nullopt, std::nullopt, id);
        auto a = co_await db.query(row.sql, row.params);
        if (!a)
            r = a.error();
    }
    if (!r)
        spdlog::error("password reset not sent: {}", r.error().message);
}

awaitable<Result<Response>> start_reset(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    http::Fields f(*body);
    auto email = f.email("email", true);
    f.reject_unknown({"email"});
    if (!f.ok())
        co_return f.error();
    // Resets share the per-address budget of sign-ins, so they cannot be used to spam mail.
    LoginThrottle& throttle = ctx.services.login_throttle;
    std::string account = "reset:" + *email;
    if (auto refusal = throttle.check(account, ctx.client_ip)) {
        Error e = make_error(ErrorCode::RateLimited, "Too many requests; try again later.");
        e.retry_after_seconds = refusal->retry_after_seconds;
        co_return e;
    }
    throttle.record_failure(account, ctx.client_ip);
    // The answer leaves before the account is even looked up, so its timing says nothing about
    // whether the address has one (issue 11); the work goes on, and a failure is logged.
    std::string token = random_token(32);
    std::string link = ctx.services.config.public_url + "/reset-password?token=" + token;
    boost::asio::co_spawn(co_await boost::asio::this_coro::executor,
                          send_reset(ctx.db, ctx.origin(), *email, sha256_hex(token), link),
                          boost::asio::detached);
    co_return http::json_text(
        http::Status::accepted,
        R"({"message":"If the address belongs to an account, a reset link is on its way."})");
}

awaitable<Result<Response>> confirm_reset(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    http::Fields f(*body);
    auto token = f.string("token", true, 256, 1);
    auto password = f.string("new_password", true, 1024);
    f.reject_unknown({"token", "new_password"});
    if (!f.ok())
        co_return f.error();
    std::string token_hash = sha256_hex(*token);
    auto user = co_await ctx.db.query(sql::user_by_reset_token, db::params(token_hash));
    if (!user)
        co_return user.error();
    if (user->empty())
        co_return validation_error({{"token", "is invalid or has expired"}});
    std::string id(user->get(0, db::column(*user, "id")));
    if (auto bad = password_policy_violation(*password, user->get(0, db::column(*user, "email"))))
        co_return validation_error({{"new_password", *bad}});
    std::string hash = co_await hash_off_thread(ctx, *password);
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    auto consumed = co_await tx->query(sql::consume_reset, db::params(id, token_hash, hash));
    if (!consumed)
        co_return consumed.error();
    if (consumed->empty())
        co_return validation_error({{"token", "is invalid or has expired"}});
    std::vector<db::Query> writes;
    writes.push_back({sql::revoke_other_sessions, db::params(id, std::nullopt)});
    writes.push_back(audit::entry(ctx.origin(), "auth.password_reset", "users", id, std::nullopt,
                                  std::nullopt, id));
    auto done = co_await tx->commit(std::move(writes));
    if (!done)
        co_return done.error();
    ctx.services.login_throttle.forget_account(id);  // the reset the ceiling asks for
    co_return http::no_content();
}

awaitable<Result<Response>> change_password(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    http::Fields f(*body);
    auto current = f.string("current_password", true, 1024, 1);
    auto next = f.string("new_password", true, 1024);
    f.reject_unknown({"current_password", "new_password"});
    if (!f.ok())
        co_return f.error();
    auto user = co_await ctx.db.query(sql::user_password, db::params(ctx.me().id));
    if (!user)
        co_return user.error();
    if (user->empty())
        co_return make_error(ErrorCode::Unauthorized, "Sign in to continue.");
    if (!co_await verify_off_thread(ctx, *current,
                                    std::string(user->get(0, db::column(*user, "password_hash")))))
        co_return validation_error({{"current_password", "is incorrect"}});
    if (*next == *current)
        co_return validation_error({{"new_password", "must differ from the current password"}});
    if (auto bad = password_policy_violation(*next, user->get(0, db::column(*user, "email"))))
        co_return validation_error({{"new_password", *bad}});
    std::string hash = co_await hash_off_thread(ctx, *next);
    // Every other session of this user ends; the one making the change stays signed in.
    std::vector<db::Query> writes;
    writes.push_back({sql::set_password, db::params(ctx.me().id, hash)});
    writes.push_back({sql::revoke_other_sessions, db::params(ctx.me().id, ctx.session->id)});
    writes.push_back(audit::entry(ctx.origin(), "auth.password_change", "users", ctx.me().id,
                                  std::nullopt, std::nullopt));
    auto r = co_await ctx.db.pipeline(std::move(writes));
    if (!r)
        co_return r.error();
    ctx.services.login_throttle.forget_account(ctx.me().id);
    co_return http::no_content();
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Access;
    using http::Verb;
    constexpr auto limit = http::kJsonBodyLimit;
    constexpr auto public_limit = http::kPublicBodyLimit;
    router.add({Verb::post, "/api/v1/auth/login", login, Access::Public, public_limit,
                "Sign in; sets the session cookie and returns {user, csrf_token, token}"});
    router.add({Verb::post, "/api/v1/auth/logout", logout, Access::Authenticated, limit,
                "Sign out (revokes the session)"});
    router.add({Verb::post, "/api/v1/auth/logout-all", logout_all, Access::Authenticated, limit,
                "Sign out everywhere (revokes every session of the caller)"});
    router.add(
        {Verb::get, "/api/v1/auth/me", me, Access::Authenticated, limit, "The signed-in user"});
    router.add({Verb::get, "/api/v1/auth/csrf", csrf, Access::Authenticated, limit,
                "The CSRF token of the current session"});
    router.add({Verb::post, "/api/v1/auth/password-reset", start_reset, Access::Public,
                public_limit, "Mail a password reset link (always 202)"});
    router.add({Verb::post, "/api/v1/auth/password-reset/confirm", confirm_reset, Access::Public,
                public_limit, "Set a new password with a reset token"});
    router.add({Verb::put, "/api/v1/auth/password", change_password, Access::Authenticated, limit,
                "Change the signed-in user's password"});
}

}  // namespace coach::account

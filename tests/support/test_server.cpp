#include "support/test_server.hpp"

#include "support/api_contract.hpp"

#include "auth/password.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <filesystem>

namespace coach::test {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace json = boost::json;

json::value HttpResult::json() const {
    boost::system::error_code ec;
    auto v = json::parse(body, ec);
    return ec ? json::value() : v;
}

std::string HttpResult::error_code() const {
    auto v = json();
    if (!v.is_object())
        return "";
    auto* e = v.as_object().if_contains("error");
    if (!e || !e->is_object())
        return "";
    auto* c = e->as_object().if_contains("code");
    return c && c->is_string() ? std::string(c->as_string()) : "";
}

HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const RequestOptions& o) {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    boost::system::error_code ec;
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    if (ec)
        return {};  // status 0: nothing listens
    bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    if (!o.body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        if (!o.content_type.empty())
            req.set(bhttp::field::content_type, o.content_type);
        req.body() = o.body;
    }
    if (!o.token.empty())
        req.set(bhttp::field::authorization, "Bearer " + o.token);
    if (!o.cookie.empty())
        req.set(bhttp::field::cookie, o.cookie);
    if (!o.csrf.empty())
        req.set("X-CSRF-Token", o.csrf);
    for (const auto& [k, v] : o.headers)
        req.set(k, v);
    req.prepare_payload();
    req.keep_alive(false);
    bhttp::write(stream, req, ec);  // may fail when the server answers early (413) and closes
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (method == "HEAD")
        parser.skip(true);
    bhttp::read(stream, buffer, parser, ec);
    HttpResult r;
    if (ec)
        return r;  // status 0: the connection failed
    auto& res = parser.get();
    r.status = res.result_int();
    for (const auto& f : res) {
        std::string name(f.name_string());
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        auto& slot = r.headers[name];
        if (!slot.empty())
            slot += "\n";
        slot += std::string(f.value());
    }
    r.body = res.body();
    if (auto violation =
            contract_violation(method, target, o.invalid_parts ? "" : o.body, o.content_type, r);
        !violation.empty())
        ADD_FAILURE() << "openapi.json: " << violation;
    return r;
}

Config test_config() {
    Config c;
    c.listen_host = "127.0.0.1";
    c.listen_port = 0;
    c.threads = 2;
    c.db_connections_per_thread = 2;
    c.worker_threads = 2;
    c.bcrypt_cost = 4;
    c.access_log = false;
    c.web_dir = "/nonexistent-web-dist";
    c.public_url = "http://coach.test";
    // Percentiles and history annotations follow writes within a tick (derived_refresh_test).
    c.derived_refresh_poll = std::chrono::milliseconds(100);
    // Spooled uploads and exports' temporary files: never the working directory's var/.
    c.data_dir =
        (std::filesystem::temp_directory_path() / ("coach-test-data-" + std::to_string(::getpid())))
            .string();
    return c;
}

TestServer::TestServer(Config config) {
    app_ = std::make_unique<App>(std::move(config), db_.url());
    auto started = app_->start();
    if (!started)
        throw std::runtime_error(started.error().message);
}

TestServer::~TestServer() {
    app_->stop();
    app_->join();
    app_.reset();
}

HttpResult TestServer::as(const std::string& token, const std::string& method,
                          const std::string& target, const std::string& body) {
    RequestOptions o;
    o.token = token;
    o.body = body;
    return request(method, target, o);
}

bool request_waits_for(TestDatabase& db, db::SyncConnection& holder) {
    const std::string pid = std::to_string(PQbackendPID(holder.raw()));
    for (int i = 0; i < 200; ++i) {
        auto r = db.exec(
            "SELECT count(*) FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))",
            db::params(pid));
        if (r.get_int(0, 0) > 0)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

std::vector<boost::json::value> all_items(TestServer& server, const std::string& token,
                                          std::string target) {
    std::vector<boost::json::value> out;
    const std::string base = target;
    for (int pages = 0; pages < 50; ++pages) {
        auto r = server.as(token, "GET", target);
        EXPECT_EQ(r.status, 200) << target << ": " << r.body;
        if (r.status != 200)
            break;
        auto v = r.json();
        for (const auto& item : v.at("items").as_array())
            out.push_back(item);
        if (v.at("next_cursor").is_null())
            break;
        target = base + (base.find('?') == std::string::npos ? "?" : "&") +
                 "cursor=" + std::string(v.at("next_cursor").as_string());
    }
    return out;
}

Org create_org(TestDatabase& db) {
    static const std::string hash = auth::hash_password(Org::kPassword, 4);
    auto r = db.exec(R"sql(
WITH admin AS (INSERT INTO users (email, name, role, password_hash)
               VALUES ('admin@org.test', 'Ada Admin', 'ADMIN', $1) RETURNING id),
     m1 AS (INSERT INTO users (email, name, role, password_hash)
            VALUES ('m1@org.test', 'Mia Manager', 'MANAGER', $1) RETURNING id),
     m2 AS (INSERT INTO users (email, name, role, password_hash)
            VALUES ('m2@org.test', 'Max Manager', 'MANAGER', $1) RETURNING id),
     tl1 AS (INSERT INTO users (email, name, role, password_hash, manager_id)
             SELECT 'tl1@org.test', 'Tom Leader', 'TEAM_LEADER', $1, id FROM m1 RETURNING id),
     tl2 AS (INSERT INTO users (email, name, role, password_hash, manager_id)
             SELECT 'tl2@org.test', 'Tina Leader', 'TEAM_LEADER', $1, id FROM m2 RETURNING id),
     a1 AS (INSERT INTO users (email, name, role, password_hash, team_leader_id, employee_id)
            SELECT 'a1@org.test', 'Ann Agent', 'AGENT', $1, id, 'E1' FROM tl1 RETURNING id),
     a2 AS (INSERT INTO users (email, name, role, password_hash, team_leader_id, employee_id)
            SELECT 'a2@org.test', 'Bob Agent', 'AGENT', $1, id, 'E2' FROM tl1 RETURNING id),
     a3 AS (INSERT INTO users (email, name, role, password_hash, team_leader_id, employee_id)
            SELECT 'a3@org.test', 'Cat Agent', 'AGENT', $1, id, 'E3' FROM tl2 RETURNING id),
     gone AS (INSERT INTO users (email, name, role, password_hash, team_leader_id, deleted_at)
              SELECT 'gone@org.test', 'Gus Gone', 'AGENT', $1, id, now() FROM tl1 RETURNING id)
SELECT (SELECT id FROM admin), (SELECT id FROM m1), (SELECT id FROM m2), (SELECT id FROM tl1),
       (SELECT id FROM tl2), (SELECT id FROM a1), (SELECT id FROM a2), (SELECT id FROM a3),
       (SELECT id FROM gone))sql",
                     db::params(hash));
    Org o;
    std::string* slots[] = {&o.admin, &o.m1, &o.m2, &o.tl1, &o.tl2, &o.a1, &o.a2, &o.a3, &o.gone};
    for (int i = 0; i < 9; ++i)
        *slots[i] = std::string(r.get(0, i));
    return o;
}

boost::json::value api_description(TestServer& server) {
    auto r = server.request("GET", "/api/v1/openapi.json");
    EXPECT_EQ(r.status, 200);
    return json::parse(r.body);
}

std::vector<ApiOperation> api_operations(const boost::json::value& description) {
    std::vector<ApiOperation> out;
    for (const auto& [path, item] : description.at("paths").as_object())
        for (const auto& [method, op] : item.as_object()) {
            std::string verb(method);
            if (verb != "get" && verb != "post" && verb != "put" && verb != "patch" &&
                verb != "delete")
                continue;  // "parameters" shared by the path's operations, say
            std::transform(verb.begin(), verb.end(), verb.begin(), ::toupper);
            out.push_back({verb, std::string(path), &op.as_object()});
        }
    return out;
}

std::string login(TestServer& server, const std::string& email, const std::string& password) {
    json::object body{{"email", email}, {"password", password}};
    RequestOptions o;
    o.body = json::serialize(body);
    auto r = server.request("POST", "/api/v1/auth/login", o);
    EXPECT_EQ(r.status, 200) << r.body;
    auto v = r.json();
    if (!v.is_object() || !v.as_object().contains("token"))
        return "";
    return std::string(v.at("token").as_string());
}

void expect_series_range_checks(const std::function<HttpResult(const std::string&)>& get) {
    auto r = get("?from=2026-13-01&to=yesterday");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(
        r.body,
        R"j({"error":{"code":"validation_failed","message":"The request has invalid fields.",)j"
        R"j("details":[{"field":"from","message":"must be a date (YYYY-MM-DD)"},)j"
        R"j({"field":"to","message":"must be a date (YYYY-MM-DD)"}]}})j");
    r = get("?from=2026-02-02&to=2026-02-01");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json().at("error").at("details").at(0).at("message").as_string(),
              "must not be after to");
    // 2024-01-01 .. 2026-01-01 is 732 days: one too many.
    r = get("?from=2024-01-01&to=2026-01-01");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json().at("error").at("details").at(0).at("message").as_string(),
              "the range may cover at most 731 days");
    EXPECT_EQ(get("?from=2024-01-02&to=2026-01-01").status, 200);
}

}  // namespace coach::test

#pragma once
// An in-process Coach server on a free port over a fresh test database, a small blocking
// HTTP client, and a little organisation to sign in as.
#include "app/app.hpp"
#include "support/test_env.hpp"

#include <boost/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace coach::test {

struct HttpResult {
    int status = 0;                              // 0: no connection or no complete response
    std::map<std::string, std::string> headers;  // lower-case names; Set-Cookie joined by \n
    std::string body;
    boost::json::value json() const;
    // The error code of a JSON error body ("" if none).
    std::string error_code() const;
};

struct RequestOptions {
    std::string body;
    std::string content_type = "application/json";
    std::string token;   // Authorization: Bearer
    std::string cookie;  // Cookie header
    std::string csrf;    // X-CSRF-Token
    std::map<std::string, std::string> headers;
    // A body with parts the description calls invalid, sent on purpose to an operation that
    // answers 200 with an error per part (PUT /performance-metrics): its request is not
    // checked against openapi.json (support/api_contract.hpp); the response still is.
    bool invalid_parts = false;
};

HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const RequestOptions& options = {});

// Test configuration: cheap bcrypt, 2 I/O threads, no access log noise.
Config test_config();

class TestServer {
  public:
    explicit TestServer(Config config = test_config());
    ~TestServer();

    TestDatabase& db() { return db_; }
    App& app() { return *app_; }
    unsigned short port() const { return app_->port(); }
    HttpResult request(const std::string& method, const std::string& target,
                       const RequestOptions& options = {}) {
        return http_request(port(), method, target, options);
    }
    // Bearer-token request as a signed-in user.
    HttpResult as(const std::string& token, const std::string& method, const std::string& target,
                  const std::string& body = {});

  private:
    TestDatabase db_;
    std::unique_ptr<App> app_;
};

// The organisation most tests use (password for everyone: kPassword):
//   admin; managers m1, m2; team leaders tl1 (under m1), tl2 (under m2);
//   agents a1, a2 (tl1), a3 (tl2); a soft-deleted agent gone (tl1).
struct Org {
    static constexpr const char* kPassword = "correct horse battery";
    std::string admin, m1, m2, tl1, tl2, a1, a2, a3, gone;
    // Emails are <key>@org.test, e.g. "tl1@org.test".
};
Org create_org(TestDatabase& db);

// Every item of the collection at `target` as `token`, following next_cursor (at most 50
// pages; a page that is not 200 fails the test and ends the walk).
std::vector<boost::json::value> all_items(TestServer& server, const std::string& token,
                                          std::string target);

// Waits (at most 10 s) until a statement of the server waits for a lock that `holder` holds:
// the race tests hold a lock on a second connection, send the request, and release it then.
bool request_waits_for(TestDatabase& db, db::SyncConnection& holder);

// One operation of the server's openapi.json: "GET", "/api/v1/users/{id}" and its object.
struct ApiOperation {
    std::string method, path;
    const boost::json::object* spec;  // points into the document it was read from
};
// The server's API description (GET /api/v1/openapi.json), and its operations in order.
boost::json::value api_description(TestServer& server);
std::vector<ApiOperation> api_operations(const boost::json::value& description);

// Signs in (POST /auth/login); returns the bearer token (fails the test on error).
std::string login(TestServer& server, const std::string& email,
                  const std::string& password = Org::kPassword);

// The from/to checks every daily-series route shares (dashboards' series_range): malformed
// dates, from after to, at most 731 days. `get(query)` calls the route with "?from=...&to=...".
void expect_series_range_checks(const std::function<HttpResult(const std::string&)>& get);

}  // namespace coach::test

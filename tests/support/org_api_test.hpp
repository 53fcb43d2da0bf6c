#pragma once
// A test suite over one in-process server and the little organisation of create_org, every user
// signed in once for the whole suite. Each suite derives from OrgApiTest<itself>, so each has its
// own server and tokens.
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace coach::test {

// A JSON value as text: a string's characters, anything else serialized.
inline std::string json_text(const boost::json::value& v) {
    return v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
}

template <class Suite>
class OrgApiTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "a1", "a2", "a3"})
            tokens_[who] = login(*server_, std::string(who) + "@org.test");
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_.clear();
    }
    // A request as `who` ("tl1", ...), with optional extra headers.
    static HttpResult as(const std::string& who, const std::string& method,
                         const std::string& target, const std::string& body = {},
                         std::map<std::string, std::string> headers = {}) {
        RequestOptions o;
        o.token = tokens_.at(who);
        o.body = body;
        o.headers = std::move(headers);
        return server_->request(method, target, o);
    }
    // The ids of every item of the collection at `target` as `who`, following next_cursor.
    static std::set<std::string> ids(const std::string& who, const std::string& target) {
        std::set<std::string> out;
        for (const auto& item : all_items(*server_, tokens_.at(who), target))
            out.insert(std::string(item.at("id").as_string()));
        return out;
    }
    // The first column of the first row of `sql` as a number.
    static long long count(const std::string& sql, const db::Params& params = {}) {
        return server_->db().exec(sql, params).get_int(0, 0);
    }
    static inline TestServer* server_ = nullptr;
    static inline Org* org_ = nullptr;
    static inline std::map<std::string, std::string> tokens_;
};

}  // namespace coach::test

#pragma once
// The fixture of the imports API tests: a server whose data dir (where imports store their
// files) is a fresh temporary folder, removed afterwards; its organisation; and the tokens of
// the users a suite signs in as.
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>

namespace coach::test {

class ImportsFixture : public ::testing::Test {
  protected:
    // `who`: the Org keys to sign in ("admin", "m1", ...).
    explicit ImportsFixture(std::initializer_list<const char*> who);
    ~ImportsFixture() override;

    // POST /api/v1/imports<query> with `body` as the whole request body.
    HttpResult upload(const std::string& who, const std::string& query, const std::string& body,
                      const std::string& content_type = "text/csv");
    HttpResult as(const std::string& who, const std::string& method, const std::string& target);

    std::filesystem::path dir_;
    TestServer server_;
    Org org_;
    std::map<std::string, std::string> tokens_;
};

}  // namespace coach::test

#include "support/imports_fixture.hpp"

#include <unistd.h>

namespace coach::test {
namespace {
namespace fs = std::filesystem;

fs::path fresh_dir() {
    static int n = 0;
    auto dir = fs::temp_directory_path() /
               ("coach-imports-" + std::to_string(getpid()) + "-" + std::to_string(++n));
    fs::remove_all(dir);
    return dir;
}

Config config_for(const fs::path& dir) {
    Config c = test_config();
    c.data_dir = dir.string();
    return c;
}

}  // namespace

ImportsFixture::ImportsFixture(std::initializer_list<const char*> who)
    : dir_(fresh_dir()), server_(config_for(dir_)), org_(create_org(server_.db())) {
    for (auto w : who)
        tokens_[w] = login(server_, std::string(w) + "@org.test");
}

ImportsFixture::~ImportsFixture() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

HttpResult ImportsFixture::upload(const std::string& who, const std::string& query,
                                  const std::string& body, const std::string& content_type) {
    RequestOptions o;
    o.token = tokens_.at(who);
    o.body = body;
    o.content_type = content_type;
    return server_.request("POST", "/api/v1/imports" + query, o);
}

HttpResult ImportsFixture::as(const std::string& who, const std::string& method,
                              const std::string& target) {
    return server_.as(tokens_.at(who), method, target);
}

}  // namespace coach::test

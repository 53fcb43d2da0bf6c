#include "http/static_files.hpp"

#include "core/crypto.hpp"
#include "http/response.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>

namespace coach::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kPlaceholder = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Coach</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Coach</h1>
<p>The Coach server is running. The web app has not been built yet; the API is served under
<a href="/api/v1/openapi.json">/api/v1</a>.</p></main></body></html>
)";

std::string content_type(const fs::path& p) {
    static const std::unordered_map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
        {".webmanifest", "application/manifest+json"}};
    auto it = types.find(p.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

StaticFiles StaticFiles::load(const std::string& dir) {
    StaticFiles s;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
        for (auto it = fs::recursive_directory_iterator(dir, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec || !it->is_regular_file())
                continue;
            std::ifstream in(it->path(), std::ios::binary);
            std::string body((std::istreambuf_iterator<char>(in)), {});
            std::string rel = "/" + fs::relative(it->path(), dir).generic_string();
            File f{std::move(body), content_type(it->path()), {}, rel.starts_with("/assets/")};
            f.etag = "\"" + sha256_hex(f.body).substr(0, 20) + "\"";
            s.files_.emplace(std::move(rel), std::move(f));
        }
    }
    if (!s.files_.contains("/index.html")) {
        spdlog::info("no web build in {}: serving the placeholder page", dir);
        s.placeholder_ = true;
        File f{std::string(kPlaceholder), "text/html; charset=utf-8", "\"placeholder\"", false};
        s.files_["/index.html"] = std::move(f);
    }
    return s;
}

namespace {
// The same on a 200 and on the 304 that revalidates it (a 304 updates the stored headers).
std::string_view cache_control(bool immutable) {
    return immutable ? "public, max-age=31536000, immutable" : "no-cache";
}
}  // namespace

Response StaticFiles::reply(const Request& req, const File& f) const {
    if (req[beast_http::field::if_none_match] == f.etag) {
        Response res{Status::not_modified, req.version()};
        res.set(beast_http::field::etag, f.etag);
        res.set(beast_http::field::cache_control, cache_control(f.immutable));
        return res;
    }
    Response res{Status::ok, req.version()};
    res.set(beast_http::field::content_type, f.content_type);
    res.set(beast_http::field::etag, f.etag);
    res.set(beast_http::field::cache_control, cache_control(f.immutable));
    res.body() = f.body;
    res.prepare_payload();
    if (req.method() == Verb::head)
        res.body().clear();
    return res;
}

Response StaticFiles::serve(const Request& req, std::string_view path) const {
    std::string key(path == "/" ? "/index.html" : path);
    if (auto it = files_.find(key); it != files_.end())
        return reply(req, it->second);
    // Client-side routes (no file extension) get the app; a missing asset is a real 404.
    auto last = key.substr(key.rfind('/') + 1);
    if (last.find('.') != std::string::npos || key.starts_with("/assets/"))
        return error_response(not_found());
    return reply(req, files_.at("/index.html"));
}

}  // namespace coach::http

#pragma once
// The built web app (web/dist), read once at start-up and served from memory: no file I/O on
// an I/O thread. Hashed assets get a year-long immutable cache; index.html is the SPA fallback.
// Without a build, a placeholder page is served.
#include "http/types.hpp"

#include <optional>
#include <string>
#include <unordered_map>

namespace coach::http {

class StaticFiles {
  public:
    static StaticFiles load(const std::string& dir);
    // GET/HEAD of a non-API path: the file, the SPA index, or a 404 for a missing asset.
    Response serve(const Request& req, std::string_view path) const;
    bool placeholder() const { return placeholder_; }

  private:
    struct File {
        std::string body;
        std::string content_type;
        std::string etag;
        bool immutable = false;
    };
    Response reply(const Request& req, const File& f) const;
    std::unordered_map<std::string, File> files_;
    bool placeholder_ = false;
};

}  // namespace coach::http

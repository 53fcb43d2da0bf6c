#pragma once
// An upload's body on disk rather than in memory (docs/architecture.md, "Bounded memory"):
// <data dir>/uploads/<random>.part, written as the body arrives, removed with the spool. Every
// member blocks: call them on a worker thread (the session loop offloads them).
#include "core/error.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace coach::http {

// What a handler sees of a spooled body (RequestContext::spooled_body).
struct SpooledBody {
    std::string path;
    std::size_t size = 0;
};

class UploadSpool {
  public:
    // Creates the file (and the folder). 507 when the disk is full.
    static Result<UploadSpool> create(const std::string& data_dir);
    UploadSpool(UploadSpool&& other) noexcept;
    UploadSpool& operator=(UploadSpool&&) = delete;
    UploadSpool(const UploadSpool&) = delete;
    UploadSpool& operator=(const UploadSpool&) = delete;
    ~UploadSpool();  // closes and removes the file

    Result<void> append(std::string_view bytes);
    const SpooledBody& body() const { return body_; }

  private:
    UploadSpool(int fd, std::string path) : fd_(fd), body_{std::move(path), 0} {}
    int fd_ = -1;
    SpooledBody body_;
};

}  // namespace coach::http

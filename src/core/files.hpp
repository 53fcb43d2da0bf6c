#pragma once
// Blocking file helpers for worker threads (never an I/O thread): writes whose failure tells a
// full disk (507, nothing kept) from a bug, and read-only mappings of files too large to copy.
#include "core/error.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace coach {

// Whether errno `errnum` says the disk (or the user's quota) is full.
bool disk_full(int errnum);

// The error for a failed write of `path` (errno `errnum`): a full disk or quota is the
// server's condition, told to the client (507); anything else is logged as a bug (500).
Error write_error(int errnum, const std::string& path);

// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
Result<void> write_all(int fd, std::string_view bytes, const std::string& path);

// A file mapped read-only: its bytes as a view, paged in from disk as they are read (an upload
// of 50 MB is parsed without holding 50 MB).
class MappedFile {
  public:
    static Result<MappedFile> open(const std::string& path);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view bytes() const { return {data_, size_}; }

  private:
    MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace coach

#include "http/upload_spool.hpp"

#include "core/files.hpp"
#include "core/hex.hpp"

#include <openssl/rand.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace coach::http {

Result<UploadSpool> UploadSpool::create(const std::string& data_dir) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(data_dir) / "uploads";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return write_error(ec.value(), dir.string());
    unsigned char random[16];
    if (RAND_bytes(random, sizeof random) != 1)
        return make_error(ErrorCode::Internal, "no random bytes for an upload's file name");
    std::string path = (dir / (to_hex(std::span<const unsigned char>(random)) + ".part")).string();
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return write_error(errno, path);
    return UploadSpool(fd, std::move(path));
}

UploadSpool::UploadSpool(UploadSpool&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), body_(std::exchange(other.body_, {})) {}

UploadSpool::~UploadSpool() {
    if (fd_ < 0)
        return;
    ::close(fd_);
    ::unlink(body_.path.c_str());
}

Result<void> UploadSpool::append(std::string_view bytes) {
    if (auto r = write_all(fd_, bytes, body_.path); !r)
        return r;
    body_.size += bytes.size();
    return {};
}

}  // namespace coach::http

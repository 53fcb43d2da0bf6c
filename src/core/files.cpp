#include "core/files.hpp"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coach {

bool disk_full(int errnum) {
    return errnum == ENOSPC || errnum == EDQUOT;
}

Error write_error(int errnum, const std::string& path) {
    if (disk_full(errnum)) {
        spdlog::error("cannot write {}: {}", path, std::strerror(errnum));
        return make_error(ErrorCode::InsufficientStorage,
                          "The server's disk is full: nothing was kept. Try again once an "
                          "administrator has made room.");
    }
    return make_error(ErrorCode::Internal, "cannot write " + path + ": " + std::strerror(errnum));
}

Result<void> write_all(int fd, std::string_view bytes, const std::string& path) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return write_error(errno, path);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

Result<MappedFile> MappedFile::open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return make_error(ErrorCode::Internal, "cannot open " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int err = errno;
        ::close(fd);
        return make_error(ErrorCode::Internal, "cannot stat " + path + ": " + std::strerror(err));
    }
    auto size = static_cast<std::size_t>(st.st_size);
    if (size == 0) {
        ::close(fd);
        return MappedFile(nullptr, 0);
    }
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int err = errno;
    ::close(fd);  // the mapping stays valid
    if (data == MAP_FAILED)
        return make_error(ErrorCode::Internal, "cannot map " + path + ": " + std::strerror(err));
    ::madvise(data, size, MADV_SEQUENTIAL);
    return MappedFile(static_cast<const char*>(data), size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile::~MappedFile() {
    if (data_)
        ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace coach

#include "imports/stored_file.hpp"

#include "core/files.hpp"
#include "core/hex.hpp"
#include "core/utf8.hpp"
#include "imports/metrics_rows.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace coach::imports {
namespace fs = std::filesystem;

Result<StoredFile> store_file(const Upload& upload, const fs::path& path) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
        return write_error(ec.value(), path.parent_path().string());
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return write_error(errno, path.string());
    struct Close {
        int fd;
        ~Close() { ::close(fd); }
    } close_fd{fd};
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr);
    StoredFile s;
    s.path = path.string();
    auto take = [&](std::string_view bytes) {
        EVP_DigestUpdate(md.get(), bytes.data(), bytes.size());
        s.size += static_cast<long long>(bytes.size());
        return write_all(fd, bytes, s.path);
    };
    if (upload.path.empty()) {
        if (auto r = take(upload.bytes); !r)
            return r.error();
    } else {
        std::ifstream in(upload.path, std::ios::binary);
        if (!in)
            return make_error(ErrorCode::ValidationFailed, "cannot read " + upload.path);
        std::vector<char> buf(1 << 20);
        while (in) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            auto n = static_cast<std::size_t>(in.gcount());
            if (n == 0)
                break;
            if (auto r = take({buf.data(), n}); !r)
                return r.error();
        }
        if (in.bad())
            return make_error(ErrorCode::ValidationFailed, "cannot read " + upload.path);
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_DigestFinal_ex(md.get(), digest, &length);
    s.sha256 = to_hex(std::span<const unsigned char>(digest, length));
    return s;
}

void remove_stored_folder(const fs::path& file) {
    std::error_code ec;
    fs::remove_all(file.parent_path(), ec);
}

std::string sanitize_file_name(std::string_view name, std::string_view fallback) {
    auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos)
        name.remove_prefix(slash + 1);
    std::string out;
    for (char c : name) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            continue;
        out.push_back(c);
    }
    while (!out.empty() && (out.front() == '.' || out.front() == ' '))
        out.erase(out.begin());
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (out.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
        out.resize(cut);
    }
    if (out.empty() || !valid_utf8(out))
        return std::string(fallback);
    return out;
}

}  // namespace coach::imports
